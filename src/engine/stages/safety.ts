import type { Language } from '../../language/languages.js';
import { flagById, type Category } from '../../safety/catalogue/flags.js';
import type { SafetyGate, SafetyVerdict } from '../../safety/gate.js';
import { RESOLUTION_DOES_NOT_CANCEL } from '../../safety/evaluate.js';
import { createDefaultSafetyGate } from '../../safety/default-gate.js';
import { firstAidKey, safetyModeReminder, safetyReply, type SafetyNumbers } from '../../safety/replies.js';
import { readScreenAnswer, SCREEN_YES_SIGNS, unitlessAge, yesNo } from '../../safety/screening.js';
import { aboutSomeoneElse, crisisOfSomeoneElse } from '../../safety/subject.js';
import { normalise, tokenise } from '../../safety/text.js';
import type { TurnContext, Urgency } from '../context.js';
import type { Middleware } from '../pipeline.js';
import { writesLatinHindi } from './language.js';

// Compiling the lexicons and loading the classifier takes a few hundred milliseconds: once per process.
let shared: SafetyGate | undefined;
const defaultGate = () => (shared ??= createDefaultSafetyGate());

/** How many turns after an emergency or crisis reply the conversation stays in safety mode. */
export const SAFETY_MODE_TURNS = 3;
/** Signs that, after a crisis reply, turn the conversation into a plan: the means, or a time or place chosen. */
const PLAN_SIGNS: ReadonlySet<string> = new Set(['SUICIDE_MEANS', 'LETHAL_MEANS', 'PLAN_COMMIT', 'STOCKPILE']);
const PLAN_IN_CONTEXT = 'context.suicide.plan';
/** Screening questions whose "no" reply offers to bring in a nurse. */
const OFFERS_NURSE: ReadonlySet<string> = new Set(['mood']);
/** Checks asked before answering the message itself, which a "no" then answers. */
const HOLDS_QUESTION: ReadonlySet<string> = new Set(['now', 'signs']);
/** The longest message the `now` and `signs` checks keep to answer after a "no" (the state stays small). */
const HELD_QUESTION_CHARS = 2000;
/** In safety mode, a message this short ("ok", "thanks", "what now") gets care and the numbers again. */
const SHORT_MESSAGE_TOKENS = 6;
const WHAT_NOW = /what (should|do|can) (i|we)|while (we|i) wait|what now|what next|qu[eé] (hago|hacemos|debo)|mientras|怎么办|该怎么|等的时候|kya kar(u|un|e|en)|क्या कर|इंतजार/iu;

/**
 * A question rather than more of the story: a question mark, a question word first, or a Chinese
 * question particle. In safety mode a question goes on to the knowledge base; a statement does only
 * when the knowledge base confidently reads it as an office matter.
 */
const ASKS = /[?？¿]|[吗嗎呢么麼][。！!…\s]*$|^\s*(?:what|how|when|where|which|who|why|can|could|should|do|does|is|are|will|qu[eé]|c[oó]mo|cu[aá]ndo|d[oó]nde|cu[aá]l|puedo|puede|debo|kya|kaise|kab|kahan|kaun|kyun|क्या|कैसे|कब|कहाँ|कहां|कौन|क्यों)(?![\p{L}\p{M}])/iu;

/** Help has reached them: the ambulance or paramedics are there, or they are at the hospital (normalised text). */
const HELP_ARRIVED =
  /\b(?:ambulance|paramedics|emts?|the medics|fire department|help)\s+(?:is|are|has|have|just)?\s*(?:here|arrived|came|got here)\b|\b(?:were|we are|im|i am|they are|theyre|hes|shes) (?:at|in) the (?:hospital|er|emergency room|a ?& ?e)\b|\b(?:la ambulancia|los paramedicos)\s+(?:ya\s+)?(?:llego|llegaron|esta aqui|estan aqui)|\bya\s+(?:llego|llegaron)\s+(?:la\s+ambulancia|los\s+paramedicos)|\b(?:ya\s+)?(?:estamos|esta|estoy)\s+en\s+(?:el\s+hospital|urgencias|emergencias)|救护车(?:已经)?(?:来了|到了)|(?:已经|现在)(?:到|在)医院|ambulance\s+(?:aa\s+gayi|aa\s+gai|pahunch\s+gayi)|hospital\s+(?:pahunch|pohonch)\s+(?:gaye|gayi|gaya)|एम्बुलेंस\s+आ\s+गई|अस्पताल\s+पहुँच|अस्पताल\s+पहुंच/u;

/** What to do while help is on the way, for an emergency category, in the patient's language (and script). */
export type WaitingAdvice = (category: Category, language: Language, romanised?: boolean) => string | undefined;


/** Whether the knowledge base confidently reads a message as an office matter (a bill, a login, a form). */
export type OfficeMatter = (text: string, language: Language) => boolean | Promise<boolean>;

/**
 * The safety gate, on every turn (also while a nurse has the case). On a red flag the patient
 * is told at once what to do (the emergency number, poison control, the crisis line or a
 * hotline), the turn escalates, and the pipeline stops: no knowledge answer follows. When a
 * message alone cannot decide ("my baby has a fever"), it asks one screening question and the
 * next answer decides. After a red flag the conversation stays in safety mode for a few turns.
 *
 * `inSafetyMode`: whether a longer statement right after a red flag is for the knowledge base (an
 * office matter, where to get emergency care); any other gets the care and the numbers again, not
 * a loose match ("it's been there a week when I walk up stairs" once got the lab's opening hours).
 * Questions go on to the knowledge base as before.
 */
export function safetyStage(gate?: SafetyGate, waitingAdvice?: WaitingAdvice, officeMatter?: OfficeMatter, inSafetyMode?: OfficeMatter): Middleware<TurnContext> {
  return async (ctx, next) => {
    // A button's value is the bot's own words ("topic:privacy-rights"), not the patient's.
    if (ctx.message.kind === 'postback') {
      await next();
      return;
    }
    const active = gate ?? ctx.services.safetyGate ?? defaultGate();
    const text = ctx.message.text;
    const pending = ctx.state.screening;
    delete ctx.state.screening;
    // The nurse offer is this stage's; the intent stage takes up its own ("anything else?").
    const offer = ctx.state.offer;
    if (offer === 'nurse') delete ctx.state.offer;

    // What the rules see, read at most once a turn and only when the context asks for it.
    let seen: ReturnType<SafetyGate['evidence']> | undefined;
    const evidence = () => (seen ??= active.evidence(text, ctx.language));

    const assessed = await active.assessWithOpinion(text, ctx.language);
    let verdict = assessed.verdict;
    // While a nurse has the case the bot asks nothing: a hit it would have checked is raised.
    if (!verdict && assessed.screen && HOLDS_QUESTION.has(assessed.screen.screen) && ctx.conversation.mode !== 'bot') {
      const checked = screenedVerdict(assessed.screen.flag);
      verdict = checked && { ...checked, detectors: [assessed.screen.screen === 'signs' ? 'classifier' : 'rules'], matched: assessed.screen.matched };
    }
    // The answer to last turn's question names the emergency better than the classifier's
    // category-less guess ("she took 15 of them" after "did she take more than she should?").
    if (verdict && pending && verdict.category === 'other_emergency' && !verdict.detectors.includes('rules')) {
      const yesSigns = SCREEN_YES_SIGNS[pending.screen];
      const answer = readScreenAnswer(pending.screen, pending.age === undefined ? text : `${pending.age} ${text}`);
      if (answer === 'yes' || (answer === 'unclear' && yesSigns && evidence().live.some((sign) => yesSigns.has(sign)))) verdict = screenedVerdict(pending.flag) ?? verdict;
    }
    if (!verdict && pending) {
      // The second answer to "4 weeks, months or years?" is read with the number it completes.
      let answer = readScreenAnswer(pending.screen, pending.age === undefined ? text : `${pending.age} ${text}`);
      // Naming one of the signs asked about ("he threw up twice") is a yes.
      const yesSigns = SCREEN_YES_SIGNS[pending.screen];
      if (answer === 'unclear' && yesSigns && evidence().live.some((sign) => yesSigns.has(sign))) answer = 'yes';
      if (answer === 'yes') verdict = screenedVerdict(pending.flag);
      else if (answer === 'no') {
        ctx.result.handledBy = 'safety-screen';
        ctx.result.safety = { ...ctx.result.safety, screen: { screen: pending.screen, answer } };
        // Nobody is in danger: the message the check held back gets its answer now, after the thanks.
        if (pending.question) {
          ctx.message = { ...ctx.message, text: pending.question };
          await next();
        }
        ctx.reply(ctx.t(`safety:screen.${pending.screen}.no`, numbersFor(ctx)));
        ctx.replies.unshift(ctx.replies.pop()!);
        // The low-mood reply ends by offering a nurse: a "yes" next is taken up.
        if (OFFERS_NURSE.has(pending.screen)) ctx.state.offer = 'nurse';
        return;
      } else if (answer === 'unitless' && pending.age === undefined) {
        // "He's 4": weeks, months or years? One more question, then a nurse decides.
        const age = unitlessAge(text)!;
        ctx.state.screening = { ...pending, age };
        ctx.reply(ctx.t('safety:screen.age.unit', { ...numbersFor(ctx), n: age }));
        ctx.result.urgency = 'urgent';
        ctx.result.safety = { ...ctx.result.safety, screen: { screen: pending.screen, answer } };
        ctx.result.handledBy = 'safety-screen';
        return;
      } else {
        // Not a clear answer: a nurse decides.
        ctx.reply(ctx.t('safety:screen.unclear', numbersFor(ctx)));
        ctx.result.urgency = 'urgent';
        ctx.result.escalate = true;
        ctx.result.reason = 'safety_screen';
        ctx.result.safety = { ...ctx.result.safety, screen: { screen: pending.screen, answer } };
        ctx.result.handledBy = 'safety-screen';
        await next();
        return;
      }
    }

    // "Would you like me to bring in a nurse?" "Yes": the same as asking for one in so many words.
    if (!verdict && !pending && offer === 'nurse' && yesNo(text) === 'yes') {
      ctx.message = { ...ctx.message, text: ctx.t('answers:nurseActionValue') };
      await next();
      return;
    }

    const mode = ctx.state.safety;
    // After a crisis reply, the means or a plan ("I have my dad's gun") is a plan in context.
    const rulesSaw = verdict?.detectors.some((d) => d !== 'classifier') ?? false;
    if (!rulesSaw && mode?.disposition === 'crisis' && evidence().live.some((sign) => PLAN_SIGNS.has(sign))) {
      const plan = screenedVerdict('suicidal-plan');
      verdict = plan && { ...plan, detectors: ['rules'], matched: PLAN_IN_CONTEXT };
    }
    // In safety mode, the classifier alone is read as the patient still talking about the danger
    // the conversation is in ("I don't want to go to the police" after an assault, "she's 78 and on
    // blood thinners" after a stroke): the care and the numbers again, not a second, vaguer alarm
    // that replaces the first reply's. Unless it asks for the emergency number where the first
    // reply gave another line (the crisis line, a hotline, the nurse) and names another danger
    // surely: then it is raised. An unsure guess (the broad emergency flag) is always context.
    const sameDanger = Boolean(
      verdict && mode && verdict.detectors.every((d) => d === 'classifier') && (verdict.disposition !== 'emergency' || mode.disposition === 'emergency' || verdict.category === mode.category || verdict.category === 'other_emergency'),
    );
    if (verdict && !sameDanger) {
      // A plan read in context follows the crisis reply already given: the means first, then the line again.
      raise(ctx, verdict, verdict.matched === PLAN_IN_CONTEXT);
      return;
    }

    if (mode) {
      mode.turnsLeft -= 1;
      if (sameDanger) mode.turnsLeft = Math.max(mode.turnsLeft, 1);
      if (mode.turnsLeft <= 0) delete ctx.state.safety;
      const whatNow = WHAT_NOW.test(text);
      if (HELP_ARRIVED.test(normalise(text)) && !ASKS.test(text)) {
        // The ambulance is there or they are at the hospital: no more "please call now".
        delete ctx.state.safety;
        ctx.reply(ctx.t('safety:mode.helpArrived', numbersFor(ctx)));
        ctx.result.urgency = urgencyOf(mode.disposition);
        ctx.result.handledBy = 'safety-mode';
        return;
      }
      // "Seems fine now, do I still need to call?": yes, for a danger that does not pass with its
      // signs (a poisoning, a head injury, a stroke that eased: Poison Help, NHS).
      const stillCall = RESOLUTION_DOES_NOT_CANCEL.has(mode.category) && evidence().guards.includes('RESOLVED');
      const remind = () => {
        const reminder = safetyModeReminder(ctx.t, mode.disposition, mode.category, numbersFor(ctx), mode.hint, mode.helper);
        const still = stillCall ? `${ctx.t('safety:mode.stillCall', numbersFor(ctx))}\n` : '';
        // "What do we do while we wait?": the advice for this emergency (no aspirin for a stroke);
        // none where the red flag chose other first aid (low sugar behind a stroke-like picture).
        const advice = whatNow && !mode.hint ? waitingAdvice?.(mode.category, ctx.language, writesLatinHindi(ctx)) : undefined;
        ctx.reply(`${still}${reminder.text}${advice ? `\n\n${advice}` : ''}`, { alert: reminder.alert });
        if (advice) ctx.result.safety = { ...ctx.result.safety, waitingAdvice: true };
        ctx.result.urgency = urgencyOf(mode.disposition);
        ctx.result.handledBy = 'safety-mode';
      };
      // A longer question goes on to the knowledge base; a statement only when the knowledge base
      // confidently reads it as an office matter ("thanks" and "ok" are always care and the numbers:
      // the lexical search finds office topics in them).
      const short = tokenise(normalise(text)).length <= SHORT_MESSAGE_TOKENS;
      const forKnowledge = !short && !sameDanger && !whatNow && !stillCall && (!inSafetyMode || ASKS.test(text) || (await inSafetyMode(text, ctx.language)));
      if (!forKnowledge) {
        remind();
        return;
      }
      await next();
      // A question the knowledge base could not answer ("he seems fine now, do I still need to
      // call?") gets the care and the numbers, not "I'm not sure I understood".
      const answered = ctx.result.answer;
      if (ctx.result.handledBy === 'fallback' || answered?.lowConfidence || answered?.outOfScope || answered?.gibberish) {
        ctx.replies.length = 0;
        ctx.result.sources = [];
        delete ctx.result.answer;
        remind();
      } else if (mode.disposition === 'crisis') {
        // An answer in the middle of a crisis keeps the crisis line in sight.
        const crisis = numbersFor(ctx).crisisLine;
        ctx.reply(ctx.t('safety:emergency.crisisAlso', numbersFor(ctx)), { alert: { disposition: 'crisis', call: [{ label: crisis, number: crisis }] } });
      }
      return;
    }

    // The classifier's unsure hunch is not worth a danger-signs question about a locked account or
    // a form to bring: a message the knowledge base confidently answers as an office matter is answered.
    const officeHunch = assessed.screen?.screen === 'signs' && officeMatter ? await officeMatter(text, ctx.language) : false;
    if (assessed.screen && ctx.conversation.mode === 'bot' && !officeHunch) {
      ctx.state.screening = { screen: assessed.screen.screen, flag: assessed.screen.flag };
      // The `now` and `signs` checks hold a question back until the patient says nobody is in danger.
      if (HOLDS_QUESTION.has(assessed.screen.screen)) ctx.state.screening.question = text.slice(0, HELD_QUESTION_CHARS);
      ctx.reply(ctx.t(`safety:screen.${assessed.screen.screen}.ask`, numbersFor(ctx)));
      ctx.result.urgency = 'urgent';
      ctx.result.safety = { ...ctx.result.safety, screen: { screen: assessed.screen.screen, matched: assessed.screen.matched } };
      ctx.result.handledBy = 'safety-screen';
      return;
    }
    await next();
  };
}

function screenedVerdict(flagId: string): SafetyVerdict | null {
  const flag = flagById.get(flagId);
  if (!flag) return null;
  return { flag, disposition: flag.disposition, category: flag.category, categories: [flag.category], detectors: ['screening'], matched: `screen.${flag.id}` };
}

const urgencyOf = (disposition: string): Urgency => (disposition === 'nurse_same_day' ? 'urgent' : 'emergency');

function raise(ctx: TurnContext, verdict: SafetyVerdict, followsCrisisReply = false): void {
  ctx.result.urgency = urgencyOf(verdict.disposition);
  ctx.result.escalate = true;
  ctx.result.reason = verdict.disposition === 'nurse_same_day' ? 'clinical' : 'emergency';
  // Ids, never the patient's words: the safety section travels to logs and case posts.
  ctx.result.safety = { ...ctx.result.safety, redFlag: { category: verdict.category, flag: verdict.flag.id, disposition: verdict.disposition, matched: verdict.matched, detectors: verdict.detectors } };
  ctx.result.handledBy = 'safety';
  // About someone else ("my dad has chest pain"): the first aid speaks to the helper, in this turn and the reminders.
  // A crisis is read more strictly: the reply for the person at risk unless plainly told of another.
  const normalised = normalise(ctx.message.text);
  const helper = verdict.disposition === 'crisis' ? crisisOfSomeoneElse(normalised, ctx.language) : aboutSomeoneElse(normalised, ctx.language, verdict.category.startsWith('pregnancy'));
  let reply = safetyReply(ctx.t, verdict, numbersFor(ctx), ctx.services.staffDesk, helper);
  if (followsCrisisReply) {
    const reminder = safetyModeReminder(ctx.t, 'crisis', verdict.category, numbersFor(ctx));
    reply = { text: `${ctx.t('safety:crisisMeans', numbersFor(ctx))}\n${reminder.text}`, alert: reminder.alert };
  }
  ctx.reply(reply.text, { alert: reply.alert });
  const hint = firstAidKey(verdict.flag.id, verdict.category, verdict.flags, verdict.matched);
  ctx.state.safety = {
    flag: verdict.flag.id,
    disposition: verdict.disposition,
    category: verdict.category,
    turnsLeft: SAFETY_MODE_TURNS,
    ...(hint !== `safety:hint.${verdict.category}` ? { hint } : {}),
    ...(helper ? { helper } : {}),
  };
  ctx.services.logger.info(
    { conversationId: ctx.conversation.id, category: verdict.category, flag: verdict.flag.id, matched: verdict.matched, detectors: verdict.detectors },
    'safety gate: red flag',
  );
}

function numbersFor(ctx: TurnContext): SafetyNumbers & Record<string, string> {
  const { clinic, config } = ctx.services;
  const get = (key: string, language: Language) => clinic.get(key, language);
  const numbers: SafetyNumbers & Record<string, string> = {
    emergencyNumber: config.emergencyNumber,
    crisisLine: config.crisisLine,
    nurseLine: get('nurse_line', ctx.language) ?? get('phone', ctx.language) ?? config.emergencyNumber,
  };
  const optional = { poisonControl: 'poison_control', assaultHotline: 'assault_hotline', violenceHotline: 'violence_hotline' } as const;
  for (const [name, key] of Object.entries(optional)) {
    const value = get(key, ctx.language);
    if (value) numbers[name] = value;
  }
  return numbers;
}
