/**
 * Twilio Voice: `POST /channels/twilio/voice` answers a call (greeting + language menu + speech
 * <Gather>), `POST /channels/twilio/voice/gather` takes each utterance as a `transcript` message
 * and answers with <Say> in the caller's language, then gathers again.
 *
 * Call state travels in the signed action URL (`lang`, `n` = utterance number, `tries`), so a
 * retried gather is the same URL and is stored once (externalId `CallSid:n`). A turn's replies are
 * said inline when the turn ends within `inlineWaitMs`; a slower turn's replies come back through
 * `send` all together (the core's inline delivery mode, `turn` flavour) and are pushed into the
 * live call (`calls(sid).update`), or texted if the call has ended. Nurse messages take the same
 * road: into the live call, else by SMS.
 *
 * A transfer (<Dial> to the nurse line) reports its outcome to `POST /channels/twilio/voice/dial`
 * (`DialCallStatus`): after a completed call we say goodbye; when the line was busy, did not
 * answer or failed, the caller hears so and is offered a text message (key 1) or more questions.
 */
import type { Response, Router } from 'express';
import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { Channel, Config, Inbound, OutboundMessage, Reply, TurnVerdict } from '../../src/channel/contract.js';
import { badRequest } from '../../src/errors.js';
import type { TFunction } from '../../src/i18n.js';
import { cleanText } from '../../src/inbound.js';
import { toLanguage, type Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import { createOptionMemory, sayNumbers, smsProfile, type OptionMemory } from '../../src/render/index.js';
import { classifyTwilioError, createTwilioClient, twilioWebhook, type TwilioClient } from '../twilio-client.js';
import { SMS_STATUS_PATH } from '../twilio-sms/index.js';
import { TWILIO_VOICE_LANGUAGES } from './languages.js';
import { createSmsFallback } from './sms-fallback.js';
import { isGoodbye, planVoiceTurn, type VoicePlan } from './voice-plan.js';

export const VOICE = 'voice';
export const VOICE_PATH = '/channels/twilio/voice';
export const GATHER_PATH = '/channels/twilio/voice/gather';
export const DIAL_PATH = '/channels/twilio/voice/dial';

/** Below this speech-recognition confidence we ask again rather than answer a guess. */
const MIN_CONFIDENCE = 0.3;
const CALL_TTL_MS = 4 * 3600_000;
const activeCallKey = (phone: string) => `voice:active:${phone}`;

export interface TwilioVoiceOptions {
  config: Config;
  logger: Logger;
  t(language: Language): TFunction;
  client?: TwilioClient;
  /** How long a gather webhook waits for the turn (Twilio gives up on a webhook after 15 s). */
  inlineWaitMs?: number;
}

interface GatherState {
  language: Language;
  /** Utterance number within the call, or a one-off token for gathers pushed into a live call. */
  n: string;
  tries: number;
  /** The first gather, where a key press picks a language. */
  menu?: boolean;
  /** After a transfer that did not connect, where key 1 asks for a text message. */
  sms?: boolean;
}

/** The reply inside a stored outbound message (everything but where and when it goes). */
const replyOf = (message: OutboundMessage & { turn?: unknown; reference?: unknown }): Reply => {
  const { id: _id, conversationId: _c, channel: _ch, to: _to, createdAt: _at, turn: _turn, reference: _ref, ...reply } = message;
  return reply;
};

export function createTwilioVoiceChannel(options: TwilioVoiceOptions): Channel & { name: typeof VOICE } {
  const { config, logger, t } = options;
  if (!config.twilio) throw new Error('Twilio Voice needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER');
  const settings = config.twilio;
  const client = options.client ?? createTwilioClient(settings);
  const inlineWaitMs = options.inlineWaitMs ?? 8000;
  const publicUrl = config.http.publicUrl;
  const smsFallback = createSmsFallback({ client, settings, t, statusCallback: publicUrl + SMS_STATUS_PATH, profile: smsProfile(config.smsUnicodeAnswerSegments) });
  let core: { inbound: Inbound; options: OptionMemory } | undefined;
  const mounted = () => {
    if (!core) throw new Error('the voice channel is not mounted');
    return core;
  };
  const textCaller = (to: string, replies: Reply[]) => smsFallback(to, replies, mounted().inbound);
  const planContext = { t, fallbackLanguage: config.defaultLanguage, nurseLine: config.nurseLineNumber, spell: [config.emergencyNumber, config.crisisLine] };
  const languageOf = (l: Language | null | undefined): Language => (l && config.languages.includes(l) ? l : config.defaultLanguage);

  // ---- TwiML --------------------------------------------------------------------------------

  const sayAttributes = (language: Language): VoiceResponse.SayAttributes => ({
    language: TWILIO_VOICE_LANGUAGES[language].say,
    voice: TWILIO_VOICE_LANGUAGES[language].voice,
  });

  function gatherUrl(g: GatherState): string {
    const query = new URLSearchParams({ lang: g.language, n: g.n, tries: String(g.tries), ...(g.menu ? { menu: '1' } : {}), ...(g.sms ? { sms: '1' } : {}) });
    return `${publicUrl}${GATHER_PATH}?${query}`;
  }

  /** Where Twilio reports how the transfer ended; the call continues from there. */
  const dialUrl = (g: GatherState) => `${publicUrl}${DIAL_PATH}?${new URLSearchParams({ lang: g.language, n: g.n })}`;

  /** A speech (and key) gather that posts back even on silence, so silence can be re-prompted. */
  function gather(response: VoiceResponse, g: GatherState): VoiceResponse.Gather {
    return response.gather({
      input: ['speech', 'dtmf'],
      numDigits: 1,
      action: gatherUrl(g),
      method: 'POST',
      language: TWILIO_VOICE_LANGUAGES[g.language].gather,
      speechTimeout: 'auto',
      timeout: 6,
      actionOnEmptyResult: true,
    });
  }

  function sayThenGather(language: Language, speech: string, next: GatherState): string {
    const response = new twilio.twiml.VoiceResponse();
    gather(response, next).say(sayAttributes(language), speech);
    return response.toString();
  }

  function sayThenHangUp(language: Language, speech: string): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say(sayAttributes(language), speech);
    response.hangup();
    return response.toString();
  }

  function planToTwiml(plan: VoicePlan, next: GatherState): string {
    if (plan.action === 'continue') return sayThenGather(plan.language, plan.speech, { ...next, language: plan.language });
    if (plan.action === 'hangup') return sayThenHangUp(plan.language, plan.speech);
    const response = new twilio.twiml.VoiceResponse();
    response.say(sayAttributes(plan.language), plan.speech);
    // With an action URL nothing after <Dial> runs: the outcome (DialCallStatus) decides what the caller hears next.
    response.dial({ timeout: 30, action: dialUrl({ ...next, language: plan.language }), method: 'POST' }, plan.transferTo!);
    return response.toString();
  }

  const sendTwiml = (res: Response, xml: string) => res.status(200).type('text/xml').send(xml);
  const pushToken = () => `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  // ---- Delivery outside the webhook ---------------------------------------------------------

  async function liveCall(phone: string): Promise<string | undefined> {
    const callSid = await mounted().inbound.state.get<string>(activeCallKey(phone));
    if (!callSid) return undefined;
    try {
      const call = await client.calls(callSid).fetch();
      return call.status === 'in-progress' ? callSid : undefined;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return undefined;
      throw classifyTwilioError(err);
    }
  }

  /** Into the live call when there is one (replacing what it is doing), else by SMS. */
  async function reachCaller(phone: string, replies: Reply[], result: TurnVerdict | undefined, askAnythingElse: boolean) {
    const callSid = await liveCall(phone);
    if (!callSid) {
      const sid = await textCaller(phone, replies);
      return sid ? { externalId: sid } : undefined;
    }
    const plan = planVoiceTurn(replies, result, { ...planContext, askAnythingElse });
    await mounted().options.remember(VOICE, phone, plan.options);
    const twiml = planToTwiml(plan, { language: plan.language, n: pushToken(), tries: 0 });
    try {
      await client.calls(callSid).update({ twiml });
    } catch (err) {
      throw classifyTwilioError(err);
    }
    return undefined;
  }

  // ---- Webhooks -----------------------------------------------------------------------------

  function mount(router: Router, inbound: Inbound): void {
    const { state, limits } = inbound;
    const optionMemory = createOptionMemory(state);
    core = { inbound, options: optionMemory };

    async function chooseLanguage(phone: string, language: Language): Promise<void> {
      const conversation = (await inbound.conversation(phone, { language }))!;
      await inbound.setLanguage(conversation.id, language);
    }

    const verified = twilioWebhook(settings.authToken, publicUrl);

    router.post(VOICE_PATH, ...verified, async (req, res, next) => {
      try {
        const p = req.body as Record<string, string>;
        if (!p.CallSid || !p.From) throw badRequest('invalid', 'CallSid and From are required');
        const contact = await inbound.contact(p.From);
        const language = languageOf(contact?.language);
        const verdict = await limits.inbound(p.From);
        if (!verdict.allowed) {
          logger.warn({ callSid: p.CallSid, count: verdict.count }, 'voice rate limited');
          const response = new twilio.twiml.VoiceResponse();
          // One polite sentence per window; after that, calls over the limit are just ended.
          if (verdict.notify) response.say(sayAttributes(language), t(language)('channels:voice.rateLimited'));
          response.hangup();
          return sendTwiml(res, response.toString());
        }
        await state.set(activeCallKey(p.From), p.CallSid, CALL_TTL_MS);
        logger.info({ callSid: p.CallSid }, 'voice call answered');
        const response = new twilio.twiml.VoiceResponse();
        const g = gather(response, { language, n: '1', tries: 0, menu: config.languages.length > 1 });
        g.say(sayAttributes(language), t(language)('channels:voice.greeting'));
        config.languages.forEach((other, i) => {
          if (other !== language) g.say(sayAttributes(other), t(other)('channels:voice.languageOption', { digit: i + 1 }));
        });
        sendTwiml(res, response.toString());
      } catch (err) {
        next(err);
      }
    });

    router.post(GATHER_PATH, ...verified, async (req, res, next) => {
      try {
        const p = req.body as Record<string, string>;
        const callSid = p.CallSid;
        const from = p.From;
        if (!callSid || !from) throw badRequest('invalid', 'CallSid and From are required');
        const q = req.query as Record<string, string | undefined>;
        const current: GatherState = { language: languageOf(toLanguage(q.lang)), n: q.n && /^[\w-]{1,40}$/.test(q.n) ? q.n : '1', tries: Math.max(0, Number(q.tries) || 0), menu: q.menu === '1', sms: q.sms === '1' };
        const nextN = /^\d+$/.test(current.n) ? String(Number(current.n) + 1) : `${current.n}-1`;
        const tl = t(current.language);
        const digits = (p.Digits ?? '').trim();
        const speech = cleanText(p.SpeechResult ?? '').trim();
        const confidence = p.Confidence !== undefined && p.Confidence !== '' ? Number(p.Confidence) : undefined;
        await state.set(activeCallKey(from), callSid, CALL_TTL_MS);

        if (current.menu && /^[1-9]$/.test(digits)) {
          const chosen = config.languages[Number(digits) - 1];
          if (chosen) {
            await chooseLanguage(from, chosen);
            return sendTwiml(res, sayThenGather(chosen, t(chosen)('channels:voice.greeting'), { language: chosen, n: nextN, tries: 0 }));
          }
        }
        if (current.sms && digits === '1') {
          // The nurse line did not connect and the caller asked for a text message they can answer later.
          const text = tl('channels:voice.smsFollowUp');
          const sent = await textCaller(from, [{ role: 'bot', text, language: current.language }]).then(
            () => true,
            (err: Error) => (logger.warn({ callSid, err: err.message }, 'follow-up text after a failed transfer not sent'), false),
          );
          if (sent) return sendTwiml(res, sayThenHangUp(current.language, tl('channels:voice.smsSent')));
          return sendTwiml(res, sayThenGather(current.language, sayNumbers(tl('channels:voice.smsNotSent'), planContext.spell), { language: current.language, n: nextN, tries: 0 }));
        }
        if (digits === '0') {
          // Key 0: the caller asks for a nurse.
          const plan = planVoiceTurn([], { urgency: 'routine', reason: 'human_request', escalate: true }, { ...planContext, fallbackLanguage: current.language });
          return sendTwiml(res, planToTwiml(plan, { ...current, menu: false, n: nextN, tries: 0 }));
        }

        const said = digits || speech;
        const choice = said ? await optionMemory.resolve(VOICE, from, said) : undefined;
        const understood = Boolean(speech) && (confidence === undefined || Number.isNaN(confidence) || confidence >= MIN_CONFIDENCE);
        if (!choice && !understood) {
          const tries = current.tries + 1;
          logger.info({ callSid, tries, silent: !speech }, 'voice input not understood');
          if (tries >= 3) return sendTwiml(res, sayThenHangUp(current.language, tl('channels:voice.giveUp')));
          const prompt = tries >= 2 ? tl('channels:voice.offerNurse') : tl('channels:voice.reprompt');
          return sendTwiml(res, sayThenGather(current.language, prompt, { ...current, menu: false, tries }));
        }
        if (!choice && isGoodbye(speech)) return sendTwiml(res, sayThenHangUp(current.language, tl('channels:voice.goodbye')));

        const handle = await inbound({
          channel: VOICE,
          externalId: `${callSid}:${current.n}`,
          conversation: { id: from },
          from: { id: from, role: 'patient' },
          text: choice ? choice.value : speech,
          kind: choice ? 'postback' : 'transcript',
          locale: current.language,
          timestamp: new Date(),
          channelData: { provider: 'twilio', callSid, utterance: current.n, ...(confidence !== undefined ? { confidence } : {}), ...(choice ? { choice: { n: choice.n, said } } : {}) },
        });
        const next: GatherState = { language: current.language, n: nextN, tries: 0 };
        // A retried gather hears the stored replies again; otherwise the turn's, if it ends in time.
        const outcome = await handle.replies(inlineWaitMs);
        const replies = outcome.replies;
        if (!outcome.ready || !replies.length) {
          // Still thinking: the core sends the replies when ready, and `send` pushes them into the call.
          const response = new twilio.twiml.VoiceResponse();
          const g = gather(response, next);
          g.say(sayAttributes(current.language), tl('channels:voice.oneMoment'));
          g.pause({ length: 10 });
          return sendTwiml(res, response.toString());
        }
        const plan = planVoiceTurn(replies.map(replyOf), outcome.verdict, planContext);
        await optionMemory.remember(VOICE, from, plan.options);
        if (plan.emergency) logger.warn({ callSid, conversationId: handle.conversation.id, action: plan.action }, 'emergency on a call');
        sendTwiml(res, planToTwiml(plan, next));
      } catch (err) {
        next(err);
      }
    });

    router.post(DIAL_PATH, ...verified, async (req, res, next) => {
      try {
        const p = req.body as Record<string, string>;
        if (!p.CallSid || !p.From) throw badRequest('invalid', 'CallSid and From are required');
        const q = req.query as Record<string, string | undefined>;
        const language = languageOf(toLanguage(q.lang));
        const n = q.n && /^[\w-]{1,40}$/.test(q.n) ? q.n : pushToken();
        const status = (p.DialCallStatus ?? '').trim();
        logger.info({ callSid: p.CallSid, dialCallStatus: status, dialDuration: Number(p.DialCallDuration) || 0 }, 'nurse line transfer ended');
        // completed / answered: the caller spoke with the nurse line, which has since hung up.
        if (status === 'completed' || status === 'answered') return sendTwiml(res, sayThenHangUp(language, t(language)('channels:voice.transferEnded')));
        // busy, no-answer, failed, canceled (or anything new): the caller is still with us and was not connected.
        sendTwiml(res, sayThenGather(language, sayNumbers(t(language)('channels:voice.dialFailed'), planContext.spell), { language, n, tries: 0, sms: true }));
      } catch (err) {
        next(err);
      }
    });

  }

  return {
    name: VOICE,
    capabilities: { inline: 'turn' },
    mount,
    async send(message) {
      // A turn's replies that came too late for its gather: all of them, with what the turn decided.
      if (message.turn) return reachCaller(message.to, message.turn.replies.map(replyOf), message.turn.verdict, true);
      await mounted().options.forget(VOICE, message.to);
      return reachCaller(message.to, [replyOf(message)], undefined, false);
    },
  };
}
