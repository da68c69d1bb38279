import { isDidNotHelp, isHumanRequest } from '../../escalation/triggers.js';
import type { Passage } from '../../knowledge/passages.js';
import type { AnswerUnit } from '../../knowledge/units.js';
import type { SourceRef, SuggestedAction } from '../../message.js';
import { markdownToChat } from '../../retrieval/chat-text.js';
import { detectClinical, isBookingRequest, isRefillRequest } from '../../retrieval/clinical.js';
import { CONFIDENCE_THRESHOLD } from '../../retrieval/confidence.js';
import { MAX_AGE_TURNS, searchWithContext } from '../../retrieval/follow-up.js';
import { isAboutAnimal } from '../../retrieval/animal-patient.js';
import { isGibberish } from '../../retrieval/gibberish.js';
import type { KnowledgeService } from '../../retrieval/knowledge-service.js';
import type { RetrievalResult } from '../../retrieval/knowledge-search.js';
import type { TopicHit } from '../../retrieval/topics.js';
import type { AnswerOutcome, TurnContext } from '../context.js';
import type { Middleware } from '../pipeline.js';
import { writesLatinHindi } from './language.js';

/** What the buttons send back: a topic ("closest topics"), a unit, or "more" on a unit. */
const TOPIC_CHOICE = /^topic:([a-z0-9-]+)$/;
const UNIT_CHOICE = /^(unit|more):([a-z0-9-]+)#([a-z0-9-]+)$/;
const MENTAL_HEALTH = 'mental-health';

/**
 * Answers from the knowledge base's answer units: the unit's short answer first, then one line
 * with its public source; on the web a "more" button gives the longer answer. Clinical questions
 * (a dose, mixing or changing medicines, one's own results) go to a nurse with general safety
 * information; out-of-scope messages get a kind "not here"; gibberish gets a request to rephrase;
 * weak matches get "not sure" with the closest topics and the nurse button. Follow-ups lean on
 * the conversation's last question and topic (`state.answerContext`).
 */
export function answerStage(knowledge: KnowledgeService): Middleware<TurnContext> {
  return async (ctx, next) => {
    if (ctx.result.escalate || ctx.replies.length > 0 || ctx.conversation.mode !== 'bot') {
      await next();
      return;
    }
    const text = ctx.message.text.trim();
    // "I want a nurse" and "that didn't help" are for the escalation stage after this one.
    if (isHumanRequest(text) || isDidNotHelp(text)) {
      await next();
      return;
    }
    if (ctx.state.answerContext && ctx.state.turns - ctx.state.answerContext.turn > MAX_AGE_TURNS) delete ctx.state.answerContext;
    const topicChoice = TOPIC_CHOICE.exec(text)?.[1];
    const unitChoice = UNIT_CHOICE.exec(text);
    if (topicChoice && knowledge.topic(topicChoice, ctx.language)) {
      answerChosenTopic(ctx, knowledge, topicChoice);
    } else if (unitChoice && knowledge.index.passage(`${ctx.language}/${unitChoice[2]}#${unitChoice[3]}`)) {
      const passage = knowledge.index.passage(`${ctx.language}/${unitChoice[2]}#${unitChoice[3]}`)!;
      answerUnit(ctx, knowledge, passage, unitChoice[1] === 'more' ? 'long' : 'short');
    } else {
      // Rules first (a dose, two medicines, stopping one, one's own lab value); then the classifier's
      // nearest examples, which catch the phrasings the rules do not know.
      const ruled = detectClinical(text);
      const result = ruled ? undefined : await searchWithContext(knowledge, text, ctx.language, ctx.state.answerContext);
      // A symptom no unit assesses ("my knee hurts when I run") is a nurse's to advise on, not a
      // unit's to answer with whatever shares its words.
      const clinical = ruled ?? (result?.clinical && !isRefillRequest(text) ? 'medicine' : result?.symptom && !isAboutAnimal(text) && !isGibberish(text) ? 'symptom' : undefined);
      // A symptom in a request to book a visit is what the visit is for: the booking answer.
      const booking = clinical === 'symptom' && isBookingRequest(text) ? result?.passages.slice(0, BOOKING_WITHIN).find((p) => p.passage.metadata.topicId === BOOKING_TOPIC)?.passage : undefined;
      if (booking) {
        answerUnit(ctx, knowledge, booking, 'short');
        if (result) answerOf(ctx).confidence = round(result.confidence);
        ctx.result.handledBy = 'answer';
      } else if (clinical) {
        // General safety information goes with the hand-over: what to do until the nurse answers,
        // and what the knowledge base says in general about such a question ("ibuprofen with my
        // lisinopril": NSAIDs with blood-pressure medicines), with its public source.
        const safety = clinical === 'lab_value' ? 'lab' : clinical === 'diagnosis' || clinical === 'symptom' ? 'diagnosis' : 'medicine';
        const poisonControl = ctx.services.clinic.get('poison_control', ctx.language) ?? ctx.services.config.emergencyNumber;
        const general = await generalInformation(knowledge, ctx, text, safety, result);
        // The safety line before the general one: a voice call that runs out of time keeps it.
        const lead = clinical === 'symptom' ? 'answers:symptom' : 'answers:clinical';
        const lines = [ctx.t(lead), ctx.t(`answers:clinicalSafety.${safety}`, { poisonControl }), ...(general ? [general.short] : [])];
        const more = general ? moreLine(ctx, general.passage, knowledge) : '';
        // No brief: SMS sends it whole (the hand-over and its safety line do not fit two segments in any language).
        ctx.reply([lines.join('\n'), more].filter(Boolean).join('\n\n'), { actions: [nurseAction(ctx)] });
        // The unit whose short answer the hand-over states (NSAIDs with a blood thinner) is the answer's unit.
        if (general) {
          ctx.result.sources = [toSource(general.passage)];
          answerOf(ctx).unit = general.passage.metadata.unitId;
        }
        ctx.result.escalate = true;
        ctx.result.reason = 'clinical';
        answerOf(ctx).clinical = clinical;
        ctx.result.handledBy = 'answer';
      } else if (result) {
        answerOf(ctx).confidence = round(result.confidence);
        answerOf(ctx).retrieval = result.mode;
        if (result.usedContext) answerOf(ctx).followUp = true;
        const confident = result.topics.length > 0 && result.confidence >= CONFIDENCE_THRESHOLD;
        if (!confident && isGibberish(text)) {
          ctx.reply(ctx.t('answers:rephrase'), { actions: topicButtons(ctx) });
          answerOf(ctx).gibberish = true;
          ctx.result.handledBy = 'answer';
        } else if (result.outOfScope || isAboutAnimal(text)) {
          ctx.reply(ctx.t('answers:outOfScope', { clinic: ctx.services.clinic.name }), { actions: topicButtons(ctx) });
          answerOf(ctx).outOfScope = true;
          ctx.result.handledBy = 'answer';
        } else if (!confident) notSure(ctx, result);
        else await answer(ctx, knowledge, result);
      }
    }
    await next();
  };
}

async function answer(ctx: TurnContext, knowledge: KnowledgeService, result: RetrievalResult): Promise<void> {
  const best = result.passages[0]!.passage;
  const top = result.topics[0]!;
  answerOf(ctx).lowConfidence = false;
  ctx.result.sources = relatedSources(result.topics);
  ctx.state.answerContext = {
    topic: best.metadata.topicId,
    unit: best.metadata.unitId,
    question: ctx.result.answer?.followUp && ctx.state.answerContext ? `${ctx.state.answerContext.question}\n${ctx.message.text}` : ctx.message.text,
    turn: ctx.state.turns,
  };
  if (knowledge.answerer) {
    const units = groundingUnits(result, top);
    try {
      const text = await knowledge.answerer.answer({
        question: ctx.message.text,
        language: ctx.language,
        clinicName: ctx.services.clinic.name,
        passages: units,
        history: ctx.state.recent ?? [],
      });
      ctx.reply([text, moreLine(ctx, best, knowledge)].filter(Boolean).join('\n\n'), { sources: units.map(toSource).filter(uniqueTopic), brief: text });
      answerOf(ctx).kind = 'llm';
      answerOf(ctx).topic = best.metadata.topicId;
      answerOf(ctx).unit = best.metadata.unitId;
      ctx.result.handledBy = 'answer';
      return;
    } catch (err) {
      // The model is optional: any failure or timeout falls back to the extractive answer.
      answerOf(ctx).llmFallback = (err as Error).name || 'error';
      ctx.services.logger.warn({ conversationId: ctx.conversation.id, err: (err as Error).name }, 'LLM answer failed: extractive answer instead');
    }
  }
  answerUnit(ctx, knowledge, best, 'short', closeSecond(result));
}

/**
 * Retrieval's runner-up, when it is a unit of the same topic scored nearly as well as the best
 * ("what do I need for a video visit": what a video visit can do, or what to have ready for one).
 * Both short answers then go on the web, so the patient reads the fact either way. 4-fold
 * cross-validation over the example questions: 17% of questions, the runner-up right for a third
 * of them (unit stated 0.66 -> 0.72); SMS and voice keep the best unit alone (their brief).
 */
const SECOND_UNIT_RATIO = 0.95;

function closeSecond(result: RetrievalResult): Passage | undefined {
  const [first, second] = result.passages;
  if (!first || !second) return undefined;
  if (second.passage.metadata.topicId !== first.passage.metadata.topicId) return undefined;
  return second.score >= first.score * SECOND_UNIT_RATIO ? second.passage : undefined;
}

/** One unit: the short answer (romanised for Hindi written in Latin letters) and its source line, or the longer answer. */
function answerUnit(ctx: TurnContext, knowledge: KnowledgeService, passage: Passage, length: 'short' | 'long', also?: Passage): void {
  const unit = unitOf(knowledge, passage);
  if (!unit) return;
  const shortOf = (u: AnswerUnit) => (writesLatinHindi(ctx) && u.shortRomanised ? u.shortRomanised : u.short);
  const short = shortOf(unit);
  const other = also && unitOf(knowledge, also);
  // Low mood, stress or counselling: the crisis line goes with the answer (safe messaging, NIMH), on every channel.
  const crisis = passage.metadata.topicId === MENTAL_HEALTH && unit.id !== 'crisis' ? ctx.t('answers:crisisLine') : undefined;
  const shortText = [short, ...(crisis ? [crisis] : [])].join(' ');
  const body = length === 'long' && unit.long ? markdownToChat(unit.long) : [shortText, ...(other ? [shortOf(other)] : [])].join('\n\n');
  const actions: SuggestedAction[] =
    length === 'short' && unit.long ? [{ title: ctx.t('answers:moreAction'), value: `more:${passage.metadata.topicId}#${unit.id}` }] : [];
  ctx.reply([body, moreLine(ctx, passage, knowledge)].filter(Boolean).join('\n\n'), {
    sources: [toSource(passage), ...(also && other ? [toSource(also)] : [])],
    brief: length === 'long' && unit.long ? markdownToChat(unit.long) : shortText,
    ...(actions.length ? { actions } : {}),
  });
  ctx.result.sources = ctx.result.sources.length ? ctx.result.sources : [toSource(passage)];
  answerOf(ctx).confidence ??= 1;
  answerOf(ctx).lowConfidence = false;
  answerOf(ctx).topic = passage.metadata.topicId;
  answerOf(ctx).unit = unit.id;
  answerOf(ctx).kind = 'extractive';
  ctx.result.handledBy = 'answer';
  ctx.state.answerContext ??= { topic: passage.metadata.topicId, unit: unit.id, question: unit.title, turn: ctx.state.turns };
}

/** A topic picked from the buttons: its overview and its units as buttons. */
function answerChosenTopic(ctx: TurnContext, knowledge: KnowledgeService, id: string): void {
  const topic = knowledge.topic(id, ctx.language)!;
  const actions = topic.units.slice(0, 6).map((u) => ({ title: u.title, value: `unit:${topic.id}#${u.id}` }));
  const first = knowledge.passagesOf(id, ctx.language)[0];
  const text = topic.overview ? markdownToChat(topic.overview) : (topic.units[0]?.short ?? topic.title);
  ctx.reply(text, { actions, ...(first ? { sources: [toSource(first)] } : {}) });
  ctx.result.sources = first ? [toSource(first)] : [];
  answerOf(ctx).confidence = 1;
  answerOf(ctx).lowConfidence = false;
  answerOf(ctx).topic = topic.id;
  answerOf(ctx).kind = 'extractive';
  ctx.result.handledBy = 'answer';
  ctx.state.answerContext = { topic: topic.id, question: topic.title, turn: ctx.state.turns };
}

function notSure(ctx: TurnContext, result: RetrievalResult): void {
  const closest = result.topics.slice(0, 3);
  const actions: SuggestedAction[] = closest.map((t) => ({ title: t.title, value: `topic:${t.id}` }));
  actions.push(nurseAction(ctx));
  ctx.reply(ctx.t(closest.length ? 'answers:notSure' : 'answers:noMatch'), { actions });
  ctx.result.sources = closest.map((t) => ({ id: t.id, title: t.title, score: round(t.score) }));
  answerOf(ctx).lowConfidence = true;
  ctx.result.handledBy = 'answer';
}

/**
 * "More: <source title> <url>": one line that points to the public page behind the answer. A
 * clinic's own facts (hours, fees, parking) have no public guidance behind them: the clinic's
 * website is the place for more.
 */
function moreLine(ctx: TurnContext, passage: Passage, knowledge: KnowledgeService): string {
  const own = unitOf(knowledge, passage)?.sources[0];
  if (own) return ctx.t('answers:more', { title: own.title, url: own.url });
  const website = ctx.services.clinic.get('website', ctx.language);
  return website ? ctx.t('answers:more', { title: ctx.services.clinic.name, url: website }) : '';
}

const BOOKING_TOPIC = 'appointment-booking';
/** How far down the ranking a booking unit may be when the message asks to book a visit. */
const BOOKING_WITHIN = 5;

/** Where the knowledge base speaks generally about a clinical question of each kind. */
const GENERAL_TOPIC: Record<string, string | undefined> = { medicine: 'medication-safety', lab: 'lab-results', diagnosis: undefined };
/**
 * Units of other topics that speak generally about such a question, and say who should check:
 * "how much children's tylenol for my 30 lb son" is a nurse's to answer, and the dosing rules (by
 * weight, the label, the syringe that comes with it) go with the hand-over; a home glucose or
 * blood-pressure reading gets the published thresholds (ketones over 240, 180/120 with symptoms).
 */
const GENERAL_UNITS: Record<string, ReadonlySet<string> | undefined> = {
  medicine: new Set(['fever-child-dose', 'medicines-in-pregnancy', 'otc-medicines', 'allergy-medicines']),
  lab: new Set(['high-sugar', 'low-sugar', 'check-blood-sugar', 'bp-numbers', 'bp-high-reading', 'bp-emergency']),
};
/** How far down the ranking a unit of that topic may be and still be about the question. */
const GENERAL_WITHIN = 3;

/** The unit of the clinical question's own topic that retrieval ranks near the top, if any. */
async function generalInformation(
  knowledge: KnowledgeService,
  ctx: TurnContext,
  text: string,
  kind: string,
  searched: RetrievalResult | undefined,
): Promise<{ passage: Passage; short: string } | undefined> {
  const topic = GENERAL_TOPIC[kind];
  if (!topic) return undefined;
  const result = searched ?? (await knowledge.search(text, ctx.language));
  const general = (p: Passage) => p.metadata.topicId === topic || Boolean(GENERAL_UNITS[kind]?.has(p.metadata.unitId ?? ''));
  const passage = result.passages.slice(0, GENERAL_WITHIN).find((p) => general(p.passage))?.passage;
  const unit = passage && unitOf(knowledge, passage);
  if (!passage || !unit) return undefined;
  return { passage, short: writesLatinHindi(ctx) && unit.shortRomanised ? unit.shortRomanised : unit.short };
}

function unitOf(knowledge: KnowledgeService, passage: Passage): AnswerUnit | undefined {
  return knowledge.topic(passage.metadata.topicId, passage.metadata.lang)?.units.find((u) => u.id === passage.metadata.unitId);
}

/** The best unit, and the next ones of the same or the runner-up topic: what the model may cite. */
function groundingUnits(result: RetrievalResult, top: TopicHit): Passage[] {
  const second = result.topics[1];
  const topics = new Set([top.id, ...(second && second.score >= top.score * 0.5 ? [second.id] : [])]);
  return result.passages.filter((p) => topics.has(p.passage.metadata.topicId)).slice(0, 4).map((p) => p.passage);
}

function relatedSources(topics: readonly TopicHit[]): SourceRef[] {
  const top = topics[0]!.score;
  return topics
    .filter((t, i) => i === 0 || t.score >= top * 0.5)
    .slice(0, 3)
    .map((t) => ({ ...toSource(t.passages[0]!.passage), score: round(t.score) }));
}

function topicButtons(ctx: TurnContext): SuggestedAction[] {
  return [
    { title: ctx.t('actions.hours'), value: ctx.t('actions.hoursQuery') },
    { title: ctx.t('actions.appointment'), value: ctx.t('actions.appointmentQuery') },
    { title: ctx.t('actions.refill'), value: ctx.t('actions.refillQuery') },
    nurseAction(ctx),
  ];
}

function nurseAction(ctx: TurnContext): SuggestedAction {
  return { title: ctx.t('answers:nurseAction'), value: ctx.t('answers:nurseActionValue') };
}

const toSource = (p: Passage): SourceRef => {
  const source = p.metadata.sources[0];
  return { id: p.metadata.topicId, title: p.metadata.title, score: 1, unit: p.metadata.unitId, ...(source ? { url: source.url } : {}) };
};
const uniqueTopic = (s: SourceRef, i: number, all: SourceRef[]) => all.findIndex((o) => o.id === s.id) === i;
const round = (x: number) => Number(x.toFixed(3));

/** The turn's answer section, created on first use. */
function answerOf(ctx: TurnContext): AnswerOutcome {
  return (ctx.result.answer ??= {});
}
