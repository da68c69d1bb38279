/**
 * Generic voice transcripts, for phone systems that do their own speech recognition and are
 * programmed to call us (no phone system does by itself; README shows a 3CX CFD app that does):
 * `POST /channels/voice/transcript` with JSON `{callId, from, text, language?}` signed by
 * `X-Signature: sha256=<hex HMAC-SHA256 of the raw body, key VOICE_WEBHOOK_SECRET>`.
 * Answers `{text, language, action: continue|transfer|hangup, transferTo?}`.
 *
 * The signature is checked on the raw bytes before any JSON parsing. A retry of the same
 * utterance can be made idempotent with an `Idempotency-Key` header (stored once per callId + key).
 * The phone system only hears us in these responses, so a slow turn's replies and any nurse
 * message wait for the caller's next utterance (the core's inline delivery mode, `next-inbound`
 * flavour), or nurse messages go by SMS when Twilio is configured.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { Channel, Config, Inbound } from '../../src/channel/contract.js';
import { badRequest, forbidden } from '../../src/errors.js';
import type { TFunction } from '../../src/i18n.js';
import { cleanText } from '../../src/inbound.js';
import { toLanguage, type Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import type { SmsFallback } from '../twilio-voice/sms-fallback.js';
import { isGoodbye, planVoiceTurn } from '../twilio-voice/voice-plan.js';

export const VOICE_TRANSCRIPT = 'voice-transcript';
export const TRANSCRIPT_PATH = '/channels/voice/transcript';
const MAX_BODY = '16kb';

const transcriptSchema = z.object({
  callId: z.string().trim().min(1).max(128),
  from: z.string().trim().min(1).max(64),
  text: z.string().max(4000),
  language: z.string().trim().min(2).max(35).optional(),
});

export interface VoiceTranscriptOptions {
  config: Config;
  logger: Logger;
  t(language: Language): TFunction;
  /** When Twilio is configured: nurse messages reach the caller by SMS. */
  textCaller?: SmsFallback;
  inlineWaitMs?: number;
}

/** Checks `X-Signature: sha256=<hex>` over the raw body in constant time. */
export function verifyBodySignature(secret: string): RequestHandler {
  return (req, _res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = req.get('X-Signature') ?? '';
    const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
    const expected = createHmac('sha256', secret).update(raw).digest();
    const given = match ? Buffer.from(match[1]!, 'hex') : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      next(forbidden('bad_signature', 'X-Signature is missing or does not match the body'));
      return;
    }
    next();
  };
}

export function createVoiceTranscriptChannel(options: VoiceTranscriptOptions): Channel & { name: typeof VOICE_TRANSCRIPT } {
  const { config, logger, t, textCaller } = options;
  const secret = config.voiceWebhookSecret ?? '';
  if (!secret) throw new Error('The voice transcript route needs VOICE_WEBHOOK_SECRET');
  let core: Inbound | undefined;
  const inlineWaitMs = options.inlineWaitMs ?? 8000;
  const planContext = { t, fallbackLanguage: config.defaultLanguage, nurseLine: config.nurseLineNumber, spell: [config.emergencyNumber, config.crisisLine] };
  const languageOf = (l: Language | null | undefined): Language => (l && config.languages.includes(l) ? l : config.defaultLanguage);

  function mount(router: Router, inbound: Inbound): void {
    core = inbound;
    router.post(TRANSCRIPT_PATH, express.raw({ type: () => true, limit: MAX_BODY }), verifyBodySignature(secret), async (req, res, next) => {
      try {
        let json: unknown;
        try {
          json = JSON.parse((req.body as Buffer).toString('utf8'));
        } catch {
          throw badRequest('invalid_json', 'The body is not valid JSON');
        }
        const parsed = transcriptSchema.safeParse(json);
        if (!parsed.success) {
          const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
          throw badRequest('invalid_fields', `Expected {callId, from, text, language?}: ${fields.join('; ')}`, fields);
        }
        // Control characters (NUL…) removed at the edge: PostgreSQL refuses NUL in text.
        const { language: asked } = parsed.data;
        const [callId, from, text] = [cleanText(parsed.data.callId), cleanText(parsed.data.from), cleanText(parsed.data.text).trim()];
        if (!callId || !from) throw badRequest('invalid_fields', 'Expected {callId, from, text, language?}: callId and from must be readable');
        const contact = await inbound.contact(from);
        const language = languageOf(toLanguage(asked) ?? contact?.language);
        const tl = t(language);

        const verdict = await inbound.limits.inbound(from);
        if (!verdict.allowed) {
          logger.warn({ callId, count: verdict.count }, 'voice transcript rate limited');
          res.status(429).json({ text: verdict.notify ? tl('channels:voice.rateLimited') : '', language, action: 'hangup' });
          return;
        }
        if (!text) {
          res.json({ text: tl('channels:voice.reprompt'), language, action: 'continue' });
          return;
        }
        if (isGoodbye(text)) {
          res.json({ text: tl('channels:voice.goodbye'), language, action: 'hangup' });
          return;
        }
        const key = req.get('Idempotency-Key');
        const handle = await inbound({
          channel: VOICE_TRANSCRIPT,
          externalId: key ? `${callId}:${key.slice(0, 100)}` : undefined,
          conversation: { id: from },
          from: { id: from, role: 'patient' },
          text,
          kind: 'transcript',
          locale: asked,
          timestamp: new Date(),
          channelData: { provider: 'voice-transcript', callId },
        });
        // Replies owed from earlier slow turns or nurse messages come first, then this turn's (a
        // retried utterance: the ones stored for it).
        const { replies, verdict: decided } = await handle.replies(inlineWaitMs);
        if (!replies.length) {
          res.json({ text: tl('channels:transcript.oneMoment'), language, action: 'continue' });
          return;
        }
        const plan = planVoiceTurn(replies, decided, { ...planContext, fallbackLanguage: language });
        res.json({ text: plan.speech, language: plan.language, action: plan.action, ...(plan.transferTo ? { transferTo: plan.transferTo } : {}) });
      } catch (err) {
        next(err);
      }
    });

  }

  return {
    name: VOICE_TRANSCRIPT,
    capabilities: { inline: 'next-inbound' },
    mount,
    // A turn's own replies never come here: they are answered in the webhook's response or kept for the next one.
    async send(message) {
      if (textCaller && core && /^\+[1-9]\d{6,14}$/.test(message.to)) {
        const sid = await textCaller(message.to, [message], core);
        return sid ? { externalId: sid } : undefined;
      }
      return { deferred: true };
    },
  };
}
