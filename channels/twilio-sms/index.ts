/**
 * Twilio SMS: `POST /channels/twilio/sms` (incoming messages) and `/channels/twilio/sms/status`
 * (delivery callbacks), both signed by Twilio.
 *
 * In: verify signature → carrier keywords (STOP/START/HELP, before anything else, even over the
 * rate limit) → opted-out numbers ignored → per-number rate limit → MMS → numbered-option
 * replies mapped back → stored once per MessageSid → answered inline with TwiML when the turn
 * finishes within `inlineWaitMs`; otherwise an empty <Response/>, and the core sends the replies
 * later through `send` (the core's inline delivery mode, `send` flavour).
 * Out (`send`): renders for SMS and sends each chunk once. The core has already refused
 * opted-out numbers and capped the bot's own messages per conversation.
 */
import type { Router } from 'express';
import type { Channel, Config, Inbound, Message, OutboundMessage } from '../../src/channel/contract.js';
import { badRequest } from '../../src/errors.js';
import type { TFunction } from '../../src/i18n.js';
import { cleanText } from '../../src/inbound.js';
import type { Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import { createOptionMemory, smsProfile, type OptionMemory } from '../../src/render/index.js';
import { classifyTwilioError, createTwilioClient, twilioWebhook, TWILIO_UNSUBSCRIBED, type TwilioClient } from '../twilio-client.js';
import { createMessagingSends, respondTwiml as respond } from '../twilio-messaging.js';
import { parseKeyword } from './keywords.js';
import { renderSms } from './render-sms.js';

export const SMS = 'sms';
export const SMS_PATH = '/channels/twilio/sms';
export const SMS_STATUS_PATH = '/channels/twilio/sms/status';

export interface TwilioSmsOptions {
  config: Config;
  logger: Logger;
  t(language: Language): TFunction;
  /** Defaults to a client for `config.twilio` (through TWILIO_API_BASE when set). */
  client?: TwilioClient;
  /** How long a webhook waits for the turn before answering empty and leaving the replies to the REST API. */
  inlineWaitMs?: number;
}

export function createTwilioSmsChannel(options: TwilioSmsOptions): Channel & { name: typeof SMS } {
  const { config, logger, t } = options;
  if (!config.twilio) throw new Error('Twilio SMS needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER');
  const settings = config.twilio;
  const client = options.client ?? createTwilioClient(settings);
  const inlineWaitMs = options.inlineWaitMs ?? 3000;
  const publicUrl = config.http.publicUrl;
  const languageOf = (l: Language | null | undefined): Language => (l && config.languages.includes(l) ? l : config.defaultLanguage);
  const profile = smsProfile(config.smsUnicodeAnswerSegments);
  let core: { inbound: Inbound; options: OptionMemory; sends: ReturnType<typeof createMessagingSends> } | undefined;
  const mounted = () => {
    if (!core) throw new Error('the SMS channel is not mounted');
    return core;
  };

  /** The texts of one reply, its numbered options remembered for the patient's next message. */
  async function renderAndRemember(message: OutboundMessage): Promise<string[]> {
    const rendered = renderSms(message, t(message.language), profile);
    await mounted().options.remember(SMS, message.to, rendered.options);
    return rendered.chunks;
  }

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

  function mount(router: Router, inbound: Inbound): void {
    const optionMemory = createOptionMemory(inbound.state);
    const sends = createMessagingSends(SMS, inbound);
    core = { inbound, options: optionMemory, sends };

    router.post(SMS_PATH, ...twilioWebhook(settings.authToken, publicUrl), async (req, res, next) => {
      try {
        const p = req.body as Record<string, string>;
        const from = p.From;
        if (!from || !p.MessageSid) throw badRequest('invalid', 'From and MessageSid are required');
        const text = cleanText(p.Body ?? '').trim();
        const contact = await inbound.contact(from);

        const keyword = parseKeyword(text);
        if (keyword && !(keyword.onlyWhenOptedOut && !contact?.optedOut)) {
          const language = languageOf(contact?.language ?? keyword.language);
          if (keyword.action === 'optOut') await inbound.optOut(from, true);
          if (keyword.action === 'optIn') await inbound.optOut(from, false);
          logger.info({ keyword: keyword.action, messageSid: p.MessageSid }, 'sms keyword');
          return respond(res, [t(language)(`channels:sms.${keyword.action}`)]);
        }
        if (contact?.optedOut) {
          logger.info({ messageSid: p.MessageSid }, 'sms from an opted-out number ignored');
          return respond(res);
        }

        const verdict = await inbound.limits.inbound(from);
        if (!verdict.allowed) {
          logger.warn({ messageSid: p.MessageSid, count: verdict.count }, 'sms rate limited');
          return respond(res, verdict.notify ? [t(languageOf(contact?.language))('channels:sms.rateLimited')] : []);
        }

        const notices: string[] = [];
        let media: { url: string; contentType: string }[] | undefined;
        const numMedia = Number(p.NumMedia ?? 0);
        if (numMedia > 0) {
          const conversation = (await inbound.conversation(from))!;
          const language = languageOf(conversation.language ?? contact?.language);
          if (conversation.mode === 'handoff') {
            media = Array.from({ length: Math.min(numMedia, 10) }, (_, i) => ({ url: p[`MediaUrl${i}`] ?? '', contentType: p[`MediaContentType${i}`] ?? '' })).filter((m) => m.url);
            notices.push(t(language)('channels:sms.mediaHandoff'));
          } else {
            notices.push(t(language)('channels:sms.media'));
            if (!text) return respond(res, notices);
          }
        }

        const choice = text ? await optionMemory.resolve(SMS, from, text) : undefined;
        const handle = await inbound.limits.refundOnOutage(from, () => inbound(toMessage(p, text, choice, media), contact ? { contact } : {}));
        if (handle.duplicate) return respond(res);
        // In an open case the nurse answers, not the bot: acknowledge at once rather than wait.
        if (media) return respond(res, notices);
        const { replies } = await handle.replies(inlineWaitMs);
        const texts: string[] = [];
        for (const m of replies) texts.push(...(await renderAndRemember(m)));
        respond(res, [...notices, ...texts]);
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
        if (failed && code === TWILIO_UNSUBSCRIBED && p.To) await inbound.optOut(p.To, true);
        const retry = await sends.record(sid, status, code);
        logger.info({ messageSid: sid, status, errorCode: code, retry }, 'sms status');
        res.status(204).end();
      } catch (err) {
        next(err);
      }
    });
  }

  /** One SMS through the REST API; a number that texted STOP to the carrier is opted out here too. */
  async function create(to: string, body: string): Promise<string> {
    try {
      return (await client.messages.create({ to, from: settings.fromNumber, body, statusCallback: publicUrl + SMS_STATUS_PATH })).sid;
    } catch (err) {
      const classified = classifyTwilioError(err);
      if ((err as { code?: number }).code === TWILIO_UNSUBSCRIBED) await mounted().inbound.optOut(to, true);
      throw classified;
    }
  }

  return {
    name: SMS,
    capabilities: { inline: 'send', optOut: true, capBotMessages: true },
    mount,
    async send(message) {
      const externalId = await mounted().sends.sendChunks(message, await renderAndRemember(message), (body) => create(message.to, body));
      return externalId ? { externalId } : undefined;
    },
  };
}
