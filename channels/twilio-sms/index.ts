/**
 * Twilio SMS: `POST /channels/twilio/sms` (incoming messages) and `/channels/twilio/sms/status`
 * (delivery callbacks), both signed by Twilio.
 *
 * In: verify signature → carrier keywords (STOP/START/HELP, before anything else, even over the
 * rate limit) → opted-out numbers ignored → per-number rate limit → MMS → numbered-option
 * replies mapped back → stored once per MessageSid → answered inline with TwiML when the turn
 * finishes within `inlineWaitMs`, otherwise with an empty <Response/> and the outbox sends.
 * Out (`send`, called by the outbox): refuses opted-out numbers (PermanentDeliveryError), caps the
 * bot's own messages per conversation, renders for SMS and sends each chunk once.
 */
import express, { type Router } from 'express';
import type { Config } from '../../src/config.js';
import { badRequest } from '../../src/errors.js';
import type { TFunction } from '../../src/i18n.js';
import { cleanText } from '../../src/inbound.js';
import type { Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import type { Message, OutboundMessage } from '../../src/message.js';
import type { Metrics } from '../../src/metrics.js';
import { PermanentDeliveryError, type Outbox } from '../../src/outbox/outbox.js';
import { createRateLimiter, type RateLimiter } from '../../src/rate-limit.js';
import { createOptionMemory } from '../../src/render/index.js';
import type { StateStore } from '../../src/state/state-store.js';
import type { Store } from '../../src/store/store.js';
import type { ChannelSender, TurnProcessor } from '../../src/turns.js';
import { classifyTwilioError, createTwilioClient, twilioWebhook, TWILIO_UNSUBSCRIBED, type TwilioClient } from '../twilio-client.js';
import { createMessagingSends, respondTwiml, setOptOut as setMessagingOptOut } from '../twilio-messaging.js';
import { createInlineReplies } from './inline-replies.js';
import { parseKeyword } from './keywords.js';
import { renderSms } from './render-sms.js';

export const SMS = 'sms';
export const SMS_PATH = '/channels/twilio/sms';
export const SMS_STATUS_PATH = '/channels/twilio/sms/status';

const CHUNK_TTL_MS = 3 * 24 * 3600_000;

export interface TwilioSmsOptions {
  processor: TurnProcessor;
  store: Store;
  state: StateStore;
  outbox: Outbox;
  config: Config;
  logger: Logger;
  metrics?: Metrics;
  t(language: Language): TFunction;
  /** Defaults to a client for `config.twilio` (through TWILIO_API_BASE when set). */
  client?: TwilioClient;
  limiter?: RateLimiter;
  /** How long a webhook waits for the turn before answering empty and leaving the replies to the REST API. */
  inlineWaitMs?: number;
}

export function createTwilioSmsChannel(options: TwilioSmsOptions): ChannelSender & { router: Router; name: typeof SMS } {
  const { processor, store, state, outbox, config, logger, t } = options;
  if (!config.twilio) throw new Error('Twilio SMS needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER');
  const settings = config.twilio;
  const client = options.client ?? createTwilioClient(settings);
  const limiter = options.limiter ?? createRateLimiter(state);
  const optionMemory = createOptionMemory(state);
  const inline = createInlineReplies<OutboundMessage>();
  const sends = createMessagingSends(SMS, { state, outbox, store });
  const inlineWaitMs = options.inlineWaitMs ?? 3000;
  const publicUrl = config.http.publicUrl;
  const languageOf = (l: Language | null | undefined): Language => (l && config.languages.includes(l) ? l : config.defaultLanguage);

  // First among the after-turn hooks: the caller's webhook should not wait for the escalation layer's work.
  processor.hooks.unshift(async ({ conversation, inbound, output, sent }) => {
    if (conversation.channel === SMS) inline.finish(inbound.id, output.result, sent);
  });

  /**
   * Who says a reply: the REST send or the webhook's TwiML. Claimed once in the state store, so
   * across instances too a reply is never both (an outbox row the webhook took is skipped).
   */
  const ownerKey = (messageId: string) => `sms:owner:${messageId}`;
  async function claimForSend(messageId: string): Promise<boolean> {
    if (await state.claim(ownerKey(messageId), CHUNK_TTL_MS)) {
      await state.set(ownerKey(messageId), 'send', CHUNK_TTL_MS);
      return true;
    }
    // A retry of our own earlier attempt, or a reply the webhook already said.
    return (await state.get<string>(ownerKey(messageId))) === 'send';
  }
  async function claimForTwiml(messageId: string): Promise<boolean> {
    if (!(await state.claim(ownerKey(messageId), CHUNK_TTL_MS))) return false;
    await state.set(ownerKey(messageId), 'twiml', CHUNK_TTL_MS);
    return true;
  }

  /** The texts of one reply, its numbered options remembered for the patient's next message. */
  async function renderAndRemember(message: OutboundMessage): Promise<string[]> {
    const rendered = renderSms(message, t(message.language));
    await optionMemory.remember(SMS, message.to, rendered.options);
    return rendered.chunks;
  }

  /** The turn's replies that go into the TwiML answer: those captured, plus any the outbox has not reached. */
  async function inlineReplies(outcome: { replies: OutboundMessage[]; sent?: OutboundMessage[] }): Promise<string[]> {
    const taken = [...outcome.replies];
    for (const m of outcome.sent ?? []) {
      if (taken.some((r) => r.id === m.id)) continue;
      if (m.role === 'bot' && !(await limiter.outbound(m.conversationId))) continue;
      // Not reached by the outbox yet: take it here unless a send has already started.
      if (await claimForTwiml(m.id)) taken.push(m);
    }
    taken.sort((a, b) => Number(a.id) - Number(b.id));
    const texts: string[] = [];
    for (const m of taken) texts.push(...(await renderAndRemember(m)));
    return texts;
  }

  const respond = respondTwiml;

  async function isOptedOut(phone: string): Promise<boolean> {
    return Boolean((await store.contacts.find(SMS, phone))?.optedOutAt);
  }

  const setOptOut = (phone: string, optedOut: boolean) => setMessagingOptOut(store, SMS, phone, optedOut);

  /** The inbound message with its numbered-option choice resolved, media kept only when a nurse has the case. */
  function toMessage(p: Record<string, string>, text: string, choice: { value: string; n: number } | undefined, media?: { url: string; contentType: string }[]): Message {
    return {
      channel: SMS,
      externalId: p.MessageSid,
      conversation: { id: p.From! },
      from: { id: p.From!, role: 'patient' },
      text: choice ? choice.value : text,
      kind: choice ? 'postback' : 'text',
      timestamp: new Date(),
      channelData: {
        provider: 'twilio',
        messageSid: p.MessageSid,
        numSegments: p.NumSegments,
        ...(choice ? { choice: { n: choice.n, typed: text } } : {}),
        ...(media?.length ? { media } : {}),
      },
    };
  }

  const router = express.Router();

  router.post(SMS_PATH, ...twilioWebhook(settings.authToken, publicUrl), async (req, res, next) => {
    try {
      const p = req.body as Record<string, string>;
      const from = p.From;
      if (!from || !p.MessageSid) throw badRequest('invalid', 'From and MessageSid are required');
      const text = cleanText(p.Body ?? '').trim();
      const contact = await store.contacts.find(SMS, from);

      const keyword = parseKeyword(text);
      if (keyword && !(keyword.onlyWhenOptedOut && !contact?.optedOutAt)) {
        const language = languageOf(contact?.language ?? keyword.language);
        if (keyword.action === 'optOut') await setOptOut(from, true);
        if (keyword.action === 'optIn') await setOptOut(from, false);
        logger.info({ keyword: keyword.action, messageSid: p.MessageSid }, 'sms keyword');
        return respond(res, [t(language)(`channels:sms.${keyword.action}`)]);
      }
      if (contact?.optedOutAt) {
        logger.info({ messageSid: p.MessageSid }, 'sms from an opted-out number ignored');
        return respond(res);
      }

      const verdict = await limiter.inbound(SMS, from);
      if (!verdict.allowed) {
        logger.warn({ messageSid: p.MessageSid, count: verdict.count }, 'sms rate limited');
        return respond(res, verdict.notify ? [t(languageOf(contact?.language))('channels:sms.rateLimited')] : []);
      }

      const notices: string[] = [];
      let media: { url: string; contentType: string }[] | undefined;
      const numMedia = Number(p.NumMedia ?? 0);
      if (numMedia > 0) {
        const known = contact ?? (await store.contacts.upsert(SMS, from));
        const conversation = await store.conversations.current(known);
        const language = languageOf(conversation.language ?? known.language);
        if (conversation.mode === 'handoff') {
          media = Array.from({ length: Math.min(numMedia, 10) }, (_, i) => ({ url: p[`MediaUrl${i}`] ?? '', contentType: p[`MediaContentType${i}`] ?? '' })).filter((m) => m.url);
          notices.push(t(language)('channels:sms.mediaHandoff'));
        } else {
          notices.push(t(language)('channels:sms.media'));
          if (!text) return respond(res, notices);
        }
      }

      const choice = text ? await optionMemory.resolve(SMS, from, text) : undefined;
      const { messageId, conversation, duplicate } = await limiter.refundOnOutage(SMS, from, () => processor.accept(toMessage(p, text, choice, media), contact ? { contact } : {}));
      if (duplicate) return respond(res);
      // In an open case the nurse answers, not the bot: acknowledge at once rather than wait.
      if (media) return respond(res, notices);
      const outcome = await inline.wait(messageId, conversation.id, inlineWaitMs);
      respond(res, [...notices, ...(await inlineReplies(outcome))]);
    } catch (err) {
      next(err);
    }
  });

  router.post(SMS_STATUS_PATH, ...twilioWebhook(settings.authToken, publicUrl), async (req, res, next) => {
    try {
      const p = req.body as Record<string, string>;
      const sid = p.MessageSid ?? p.SmsSid;
      const status = p.MessageStatus ?? p.SmsStatus;
      if (!sid || !status) throw badRequest('invalid', 'MessageSid and MessageStatus are required');
      const code = p.ErrorCode ? Number(p.ErrorCode) : undefined;
      const failed = status === 'failed' || status === 'undelivered';
      if (failed && code === TWILIO_UNSUBSCRIBED && p.To) await setOptOut(p.To, true);
      const retry = await sends.record(sid, status, code);
      logger.info({ messageSid: sid, status, errorCode: code, retry }, 'sms status');
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });

  /** One SMS through the REST API; a number that texted STOP to the carrier is opted out here too. */
  async function create(to: string, body: string): Promise<string> {
    try {
      return (await client.messages.create({ to, from: settings.fromNumber, body, statusCallback: publicUrl + SMS_STATUS_PATH })).sid;
    } catch (err) {
      const classified = classifyTwilioError(err);
      if ((err as { code?: number }).code === TWILIO_UNSUBSCRIBED) await setOptOut(to, true);
      throw classified;
    }
  }

  return {
    name: SMS,
    router,
    async send(message: OutboundMessage) {
      if (message.role === 'bot' && !(await limiter.outbound(message.conversationId))) {
        throw new PermanentDeliveryError('bot message cap for this conversation reached');
      }
      // The patient's webhook is still open: the reply goes into its TwiML answer.
      if (inline.capture(message.conversationId, message)) return;
      if (await isOptedOut(message.to)) throw new PermanentDeliveryError('recipient opted out of SMS');
      if (!(await claimForSend(message.id))) return; // already said in a webhook's TwiML
      const externalId = await sends.sendChunks(message, await renderAndRemember(message), (body) => create(message.to, body));
      return externalId ? { externalId } : undefined;
    },
  };
}
