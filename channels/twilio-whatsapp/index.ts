/**
 * WhatsApp through Twilio's Messaging API: `POST /channels/twilio/whatsapp` (incoming messages)
 * and `/channels/twilio/whatsapp/status` (delivery callbacks), signed like SMS; addresses carry
 * Twilio's `whatsapp:` prefix. Replies always go through the outbox and the REST API.
 *
 * The 24-hour customer-service window: a patient's message opens it. Inside it we write freely.
 * Outside it a message is held, and the patient gets the approved template (ContentSid +
 * ContentVariables, WHATSAPP_TEMPLATE_SID) asking them to reply; their reply opens the window and
 * the held messages go out in the webhook's TwiML answer. A free-form send that Twilio fails with
 * 63016 (the window closed meanwhile) is held the same way. Media arrive as Twilio URLs: kept as
 * references on the stored message, never fetched, never logged.
 */
import type { Router } from 'express';
import type { Channel, Config, Inbound, Language, Logger, OutboundMessage, TFunction } from '../../src/channel/contract.js';
import { badRequest } from '../../src/errors.js';
import { cleanText } from '../../src/inbound.js';
import { createOptionMemory, profiles, type ChannelProfile } from '../../src/render/index.js';
import { classifyTwilioError, twilioWebhook, type TwilioClient } from '../twilio-client.js';
import { createMessagingSends, respondTwiml as respond, underLock } from '../twilio-messaging.js';
import { parseKeyword } from '../twilio-sms/keywords.js';
import { renderSms } from '../twilio-sms/render-sms.js';

export const WHATSAPP = 'whatsapp';
export const WHATSAPP_PATH = '/channels/twilio/whatsapp';
export const WHATSAPP_STATUS_PATH = '/channels/twilio/whatsapp/status';
export const WHATSAPP_WINDOW_MS = 24 * 3600_000;
/** Twilio: "Outside the allowed window" (a free-form message after the 24 hours). */
export const TWILIO_OUTSIDE_WINDOW = 63016;
const MARGIN_MS = 60_000; // a send that leaves in the window's last minute may arrive after it
const KEEP_MS = 14 * 24 * 3600_000;

/** Like SMS (numbered options, plain text), but no segment billing and the whole answer, links included. */
export const whatsappProfile: ChannelProfile = { ...profiles.sms, name: WHATSAPP, maxSegments: undefined, brief: undefined, gsmLookalikes: false, citations: 'links' };

export interface TwilioWhatsAppOptions {
  config: Config;
  logger: Logger;
  t(language: Language): TFunction;
  client: TwilioClient;
  /** The clock the window is read by (tests move it). */
  now?: () => number;
}

export function createTwilioWhatsAppChannel(options: TwilioWhatsAppOptions): Channel & { name: typeof WHATSAPP } {
  const { config, logger, t, client } = options;
  if (!config.whatsapp) throw new Error('WhatsApp needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and WHATSAPP_FROM');
  const settings = config.whatsapp;
  const now = options.now ?? Date.now;
  const statusCallback = config.http.publicUrl + WHATSAPP_STATUS_PATH;
  const languageOf = (l: Language | null | undefined): Language => (l && config.languages.includes(l) ? l : config.defaultLanguage);
  const key = (kind: string, id: string | number) => `whatsapp:${kind}:${id}`;
  let core: Inbound | undefined; // the core's side, from mount()
  const mounted = (): Inbound => {
    if (!core) throw new Error('the WhatsApp channel is not mounted');
    return core;
  };
  const state = () => mounted().state;
  const optionMemory = () => createOptionMemory(state());
  const sends = () => createMessagingSends(WHATSAPP, mounted());
  const windowOpen = async (address: string) => now() - ((await state().get<number>(key('window', address))) ?? -Infinity) < WHATSAPP_WINDOW_MS - MARGIN_MS;
  const locked = <T>(address: string, work: () => Promise<T>) => underLock(mounted().state, key('lock', address), work);

  async function send(params: Record<string, string>): Promise<string> {
    try {
      return (await client.messages.create({ from: settings.from, statusCallback, ...params } as Parameters<TwilioClient['messages']['create']>[0])).sid;
    } catch (err) {
      throw classifyTwilioError(err);
    }
  }

  /** Keeps the message for the next window; the first held message of a closed window sends the template. */
  async function hold(message: OutboundMessage): Promise<boolean> {
    const held = await locked(message.to, async () => {
      if (await windowOpen(message.to)) return false; // the patient wrote meanwhile
      const list = (await state().get<OutboundMessage[]>(key('held', message.to))) ?? [];
      if (!list.some((m) => m.id === message.id)) await state().set(key('held', message.to), [...list, message], KEEP_MS);
      return true;
    });
    if (!held || !(await state().claim(key('notified', message.to), WHATSAPP_WINDOW_MS))) return held;
    const contentSid = settings.templates[message.language] ?? settings.templates.default;
    if (!contentSid) logger.warn({ conversationId: message.conversationId }, 'whatsapp message held without a template (WHATSAPP_TEMPLATE_SID unset)');
    else {
      // One variable: who is writing. The held text itself never goes into a template.
      const contentVariables = JSON.stringify({ 1: t(message.language)('channels:whatsapp.templateSender') });
      await send({ to: message.to, contentSid, contentVariables }).catch(async (err) => {
        await state().del(key('notified', message.to)); // the outbox retries, and the template with it
        throw err;
      });
      logger.info({ conversationId: message.conversationId }, 'whatsapp window closed: message held, template sent');
    }
    return true;
  }

  /** A reply as WhatsApp text; numbered options are remembered for the patient's next message. */
  async function render(message: OutboundMessage): Promise<string[]> {
    const rendered = renderSms(message, t(message.language), whatsappProfile);
    await optionMemory().remember(WHATSAPP, message.to, rendered.options);
    return rendered.chunks;
  }

  function mount(router: Router, inbound: Inbound): void {
    core = inbound;
    router.post(WHATSAPP_PATH, ...twilioWebhook(settings.authToken, config.http.publicUrl), async (req, res, next) => {
      try {
        const p = req.body as Record<string, string>;
        const from = p.From;
        if (!from?.startsWith('whatsapp:') || !p.MessageSid) throw badRequest('invalid', 'From (whatsapp:…) and MessageSid are required');
        const text = cleanText(p.Body ?? '').trim();
        const contact = await inbound.contact(from);
        const keyword = parseKeyword(text);
        if (keyword && !(keyword.onlyWhenOptedOut && !contact?.optedOut)) {
          if (keyword.action !== 'help') await inbound.optOut(from, keyword.action === 'optOut');
          logger.info({ keyword: keyword.action, messageSid: p.MessageSid }, 'whatsapp keyword');
          return respond(res, [t(languageOf(contact?.language ?? keyword.language))(`channels:whatsapp.${keyword.action}`)]);
        }
        if (contact?.optedOut) return respond(res);
        const verdict = await inbound.limits.inbound(from);
        if (!verdict.allowed) return respond(res, verdict.notify ? [t(languageOf(contact?.language))('channels:sms.rateLimited')] : []);

        // Media: their Twilio URLs are references for the nurse; only their number and types are logged.
        const count = Math.min(Number(p.NumMedia ?? 0) || 0, 10);
        const media = Array.from({ length: count }, (_, i) => ({ url: p[`MediaUrl${i}`] ?? '', contentType: p[`MediaContentType${i}`] ?? '' })).filter((m) => m.url);
        const notices: string[] = [];
        if (media.length) {
          const conversation = (await inbound.conversation(from, { displayName: p.ProfileName || undefined }))!;
          const inCase = conversation.mode === 'handoff';
          notices.push(t(languageOf(conversation.language ?? contact?.language))(inCase ? 'channels:sms.mediaHandoff' : 'channels:whatsapp.media'));
          logger.info({ messageSid: p.MessageSid, media: media.map((m) => m.contentType), inCase }, 'whatsapp media');
          if (!text && !inCase) return respond(res, notices);
        }

        // The patient wrote: the window is open from now on, before the turn's replies are sent.
        await state().set(key('window', from), now(), WHATSAPP_WINDOW_MS);
        const choice = text ? await optionMemory().resolve(WHATSAPP, from, text) : undefined;
        const { duplicate } = await inbound.limits.refundOnOutage(from, () =>
          inbound(
            {
              channel: WHATSAPP,
              externalId: p.MessageSid,
              conversation: { id: from },
              from: { id: from, role: 'patient', ...(p.ProfileName ? { name: p.ProfileName } : {}) },
              text: choice ? choice.value : text,
              kind: choice ? 'postback' : 'text',
              timestamp: new Date(),
              channelData: { provider: 'twilio', messageSid: p.MessageSid, waId: p.WaId, ...(choice ? { choice: { n: choice.n, typed: text } } : {}), ...(media.length ? { media } : {}) },
            },
            contact ? { contact } : { displayName: p.ProfileName || undefined },
          ),
        );
        if (duplicate) return respond(res);
        const released = await locked(from, async () => {
          const list = (await state().get<OutboundMessage[]>(key('held', from))) ?? [];
          await state().del(key('held', from));
          await state().del(key('notified', from));
          return list;
        });
        const texts: string[] = [];
        for (const m of released) texts.push(...(await render(m)));
        if (released.length) logger.info({ released: released.length }, 'whatsapp window open: held messages sent');
        respond(res, [...texts, ...notices]);
      } catch (err) {
        next(err);
      }
    });

    router.post(WHATSAPP_STATUS_PATH, ...twilioWebhook(settings.authToken, config.http.publicUrl), async (req, res, next) => {
      try {
        const p = req.body as Record<string, string>;
        const sid = p.MessageSid;
        const status = p.MessageStatus;
        if (!sid || !status) throw badRequest('invalid', 'MessageSid and MessageStatus are required');
        const code = p.ErrorCode ? Number(p.ErrorCode) : undefined;
        const chunk = await sends().chunkOf(sid);
        let retry = false;
        if (code === TWILIO_OUTSIDE_WINDOW && chunk?.message) {
          // Twilio's window closed before ours: the message waits for the patient, who gets the template.
          await state().del(key('window', chunk.message.to));
          await sends().forget(chunk);
          await hold(chunk.message);
        } else retry = await sends().record(sid, status, code);
        logger.info({ messageSid: sid, status, errorCode: code, retry }, 'whatsapp status');
        res.status(204).end();
      } catch (err) {
        next(err);
      }
    });
  }

  return {
    name: WHATSAPP,
    // Opted-out addresses and the cap on the bot's own messages are the core's.
    capabilities: { optOut: true, capBotMessages: true },
    mount,
    async send(message) {
      if (!(await windowOpen(message.to)) && (await hold(message))) return;
      const rowSid = await sends().sendChunks(message, await render(message), (body) => send({ to: message.to, body }), true);
      return rowSid ? { externalId: rowSid } : undefined;
    },
  };
}
