import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import express, { type Router } from 'express';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { Channel, ChannelConversation, Config, HistoryEntry, Inbound, Language, Logger, TFunction } from '../../src/channel/contract.js';
import { AppError, isConnectionFailure } from '../../src/errors.js';
import { cleanText } from '../../src/inbound.js';
import { toLanguage } from '../../src/language/languages.js';
import { paths } from '../../src/paths.js';
import { createSessionTokens } from './session-token.js';

export const WEBCHAT = 'webchat';
const room = (conversationId: string) => `conv:${conversationId}`;

const messagePayload = z.object({
  text: z.string(),
  clientId: z.string().min(1).max(100).regex(/^[\w.:-]+$/).optional(),
});
const languagePayload = z.object({ language: z.string().min(2).max(20) });
/** What a web chat button sends back ("topic:fever", "more:fever#when-to-call"): the bot's own words, not the patient's. */
const BUTTON_VALUE = /^(topic|unit|more):[a-z0-9-]{1,80}(#[a-z0-9-]{1,80})?$/;
/** How long browsers may cache the page's files (they change with each release). */
const STATIC_MAX_AGE = '5m';

export interface WebChatOptions {
  io: Server;
  config: Config;
  logger: Logger;
  tokenSecret: string;
  /** `script` 'latin': Hindi's strings in Latin letters (its "More:" line, for example). */
  t(language: Language, script?: 'latin'): TFunction;
  /** Messages a visitor may send per 10 seconds before being asked to slow down. */
  rateLimit?: number;
}

type Ack = (response: unknown) => void;
/** Error codes with a patient-facing text in locales (`errors.*`). */
const LOCALISED_ERRORS = new Set(['empty', 'tooLong', 'invalid', 'rateLimited', 'unavailable', 'internal']);
const MINUTE_MS = 60_000;
interface SessionData {
  visitorId: string;
  conversation: ChannelConversation;
  language: Language;
  ip: string;
}

/**
 * A stored message as the page gets it in `history`. Bot replies keep their language and script (the
 * page follows the conversation's language, romanised Hindi included) and a safety reply its
 * `alert` (the numbers to call).
 */
export function toClientMessage(m: Pick<HistoryEntry, 'id' | 'role' | 'body' | 'createdAt' | 'meta'> & { language?: Language | null }) {
  return {
    id: String(m.id),
    role: m.role,
    text: m.body,
    ...(m.meta.sources ? { sources: m.meta.sources } : {}),
    ...(m.meta.actions ? { actions: m.meta.actions } : {}),
    ...(m.meta.senderName ? { senderName: m.meta.senderName } : {}),
    ...(m.meta.alert ? { alert: m.meta.alert } : {}),
    ...(m.language && m.role === 'bot' ? { language: m.language } : {}),
    ...(m.role === 'bot' && m.meta.script === 'latin' ? { script: 'latin' as const } : {}),
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

// Proxies we take X-Forwarded-For from: the same ranges express trusts (loopback, link-local, unique-local).
const TRUSTED_PROXY = /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|::1$|f[cd][0-9a-f]{2}:|fe80:)/i;
const plainAddress = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.)/i, '');

/** The client's IP: the socket's peer, or behind trusted proxies the right-most untrusted X-Forwarded-For hop. */
export function clientIp(peer: string, forwardedFor?: string | string[]): string {
  const hops = [plainAddress(peer)];
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  if (header) hops.unshift(...header.split(',').map(plainAddress).filter(Boolean));
  for (let i = hops.length - 1; i > 0; i--) if (!TRUSTED_PROXY.test(hops[i]!)) return hops[i]!;
  return hops[0]!;
}

/**
 * socket.io's `allowRequest`: a browser page from another site may not open a visitor session.
 * Allowed: no Origin header (not a browser), the page's own origin (Origin host = Host), and
 * `config.webChat.allowedOrigins` (PUBLIC_URL's origin and ALLOWED_ORIGINS).
 */
export function createOriginCheck(config: Pick<Config, 'webChat'>) {
  const allowed = new Set(config.webChat.allowedOrigins);
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    if (!origin || allowed.has(origin)) return callback(null, true);
    let sameOrigin = false;
    try {
      sameOrigin = new URL(origin).host === req.headers.host;
    } catch {
      sameOrigin = false;
    }
    callback(sameOrigin ? null : 'origin not allowed', sameOrigin);
  };
}

/** Web chat over socket.io on the app's HTTP server, plus the page at `/`. */
export function createWebChatChannel(options: WebChatOptions): Channel & { name: typeof WEBCHAT } {
  const { io, config, logger, t } = options;
  const tokens = createSessionTokens(options.tokenSecret, { ttlMs: config.webChat.tokenTtlMs });
  const allowed = (l: string | undefined) => {
    const lang = toLanguage(l);
    return lang && config.languages.includes(lang) ? lang : undefined;
  };
  /** The ack of a failed event: a stable code and a text in the visitor's language. */
  const failure = (language: Language, err: unknown) => {
    const code = err instanceof AppError ? err.code : isConnectionFailure(err) ? 'unavailable' : 'internal';
    // Unexpected errors are logged with their stack; outages are logged once by the outage log.
    if (code === 'internal') logger.error({ err }, 'web chat event failed');
    const message = t(language)(`errors.${LOCALISED_ERRORS.has(code) ? code : 'internal'}`, { max: config.maxMessageLength });
    return { ok: false, error: { code, message } };
  };

  /**
   * Opens (or resumes) the visitor's session before the socket counts as connected: the
   * conversation, a fresh token and the history. All its database work happens here, so a
   * failure (an outage) is a `connect_error` the page retries, never a half-open session.
   */
  function mount(router: Router, inbound: Inbound): void {
    const metrics = inbound.metrics;
    const limiter = inbound.rateLimiter({ inbound: { limit: options.rateLimit ?? 20, windowMs: 10_000 } });
    // Per client IP, so opening new visitor sessions does not escape the per-visitor limit.
    const ipMessages = inbound.rateLimiter({ inbound: { limit: config.webChat.ipMessagesPerMin, windowMs: MINUTE_MS }, prefix: 'rl-ip' });
    const ipConnections = inbound.rateLimiter({ inbound: { limit: config.webChat.ipConnectionsPerMin, windowMs: MINUTE_MS }, prefix: 'rl-ip-conn' });

    async function openSession(socket: Socket): Promise<SessionData & { token: string; history?: ReturnType<typeof toClientMessage>[] }> {
      const ip = clientIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; language?: unknown };
      const asked = allowed(typeof auth.language === 'string' ? auth.language : undefined);
      let resumed = tokens.verify(auth.token)?.visitorId;
      // A visitor who ended the chat ("End chat") is done: that token starts a new visitor.
      let conversation = resumed ? await inbound.conversation(resumed, { language: asked, unlessOptedOut: true }) : undefined;
      if (!conversation) resumed = undefined;
      // A new token on every (re)connect: the issue time moves on, so a visitor who comes back stays signed in.
      const session = tokens.issue(resumed);
      conversation ??= (await inbound.conversation(session.visitorId, { language: asked }))!;
      if (asked && asked !== conversation.language) {
        await inbound.setLanguage(conversation.id, asked);
        conversation.language = asked;
      }
      const language: Language = conversation.language ?? asked ?? config.defaultLanguage;
      const history = resumed ? (await inbound.history(conversation.id, 200)).map((m) => toClientMessage(m)) : undefined;
      await socket.join(room(conversation.id));
      return { visitorId: session.visitorId, conversation, language, ip, token: session.token, history };
    }

    async function acceptMessage(data: SessionData, payload: unknown): Promise<{ id: string }> {
      const parsed = messagePayload.safeParse(payload);
      if (!parsed.success) throw new AppError('invalid', 'malformed message');
      const text = cleanText(parsed.data.text).trim();
      if (!text) throw new AppError('empty', 'empty message');
      if (text.length > config.maxMessageLength) throw new AppError('tooLong', 'message too long');
      if (!(await limiter.inbound(WEBCHAT, data.visitorId)).allowed) throw new AppError('rateLimited', 'rate limited', { status: 429 });
      if (config.webChat.ipMessagesPerMin > 0 && !(await ipMessages.inbound(WEBCHAT, data.ip)).allowed) {
        await limiter.refund(WEBCHAT, data.visitorId);
        throw new AppError('rateLimited', 'rate limited (address)', { status: 429 });
      }
      // Not taken because a service is down: the visitor's retry must not count against them.
      const take = () =>
        inbound(
          {
            channel: WEBCHAT,
            externalId: parsed.data.clientId ? `${data.visitorId}:${parsed.data.clientId}` : undefined,
            conversation: { id: data.visitorId },
            from: { id: data.visitorId, role: 'patient' },
            text,
            locale: data.language,
            kind: BUTTON_VALUE.test(text) ? 'postback' : 'text',
            timestamp: new Date(),
          },
          { conversation: data.conversation },
        );
      const { messageId } = await limiter.refundOnOutage(WEBCHAT, data.visitorId, () =>
        config.webChat.ipMessagesPerMin > 0 ? ipMessages.refundOnOutage(WEBCHAT, data.ip, take) : take(),
      );
      return { id: String(messageId) };
    }

    /** "End chat": the conversation is closed and the visitor's tokens stop working. */
    async function endSession(socket: Socket, data: SessionData): Promise<Record<string, never>> {
      // Closed, and the visitor opted out: a token naming this visitor no longer resumes anything.
      await inbound.end(data.conversation.id, data.visitorId);
      await socket.leave(room(data.conversation.id));
      socket.data = undefined;
      // After the ack has gone out: this connection is over too.
      setImmediate(() => socket.disconnect(true));
      return {};
    }

    /** A refused handshake: the client gets `connect_error` with `data: {code, message}`. */
    const refusal = (code: string, err?: unknown) => {
      if (code === 'internal') logger.error({ err }, 'web chat session failed');
      const message = t(config.defaultLanguage)(`errors.${LOCALISED_ERRORS.has(code) ? code : 'internal'}`, { max: config.maxMessageLength });
      return Object.assign(new Error(code), { data: { code, message } });
    };

    // Per client IP: how many sessions it may open a minute (checked before any database work).
    io.use((socket, next) => {
      if (config.webChat.ipConnectionsPerMin <= 0) return next();
      const ip = clientIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
      ipConnections.inbound(WEBCHAT, ip).then(
        (verdict) => next(verdict.allowed ? undefined : refusal('rateLimited')),
        (err: unknown) => next(refusal(isConnectionFailure(err) ? 'unavailable' : 'internal', err)),
      );
    });
    io.use((socket, next) => {
      openSession(socket).then(
        (session) => {
          socket.data = session;
          next();
        },
        (err: unknown) => next(refusal(isConnectionFailure(err) ? 'unavailable' : 'internal', err)),
      );
    });

    io.on('connection', (socket: Socket) => {
      metrics?.webchatConnections.inc();
      socket.on('disconnect', () => metrics?.webchatConnections.dec());
      const { token, history, ...data } = socket.data as Awaited<ReturnType<typeof openSession>>;
      socket.data = data satisfies SessionData;
      // `resumed`: a `history` follows (a new visitor gets none, and the page greets them instead).
      socket.emit('session', { conversationId: data.conversation.id, token, language: data.language, resumed: history !== undefined });
      if (history) socket.emit('history', history);

      /**
       * The one catch point of every event: a handler's result becomes `{ok: true, ...}` and any
       * error `{ok: false, error: {code, message}}` in the ack (or is dropped when there is none),
       * so no handler can reject unhandled.
       */
      // One socket's events run one after another, whatever their kind: messages are stored in the
      // order sent, and a message sent right after a language change is read in the new language.
      let queue: Promise<unknown> = Promise.resolve();
      const handle = <R extends object>(event: string, handler: (data: SessionData, payload: unknown) => Promise<R>) => {
        socket.on(event, (...args: unknown[]) => {
          const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : undefined;
          queue = queue.then(async () => {
            const data = socket.data as SessionData | undefined;
            try {
              if (!data) throw new AppError('invalid', 'chat ended');
              const result = await handler(data, args[0]);
              ack?.({ ok: true, ...result });
            } catch (err) {
              ack?.(failure(data?.language ?? config.defaultLanguage, err));
            }
          });
        });
      };

      handle('message', (data, payload) => acceptMessage(data, payload));
      handle('language', async (data, payload) => {
        const parsed = languagePayload.safeParse(payload);
        const language = parsed.success ? allowed(parsed.data.language) : undefined;
        if (!language) throw new AppError('invalid', 'unknown language');
        await inbound.setLanguage(data.conversation.id, language);
        data.language = language;
        return { language };
      });
      handle('end', (data) => endSession(socket, data));
    });

    // The page's strings, also read by /widget.js from the clinic's site (public text: any origin may read it).
    router.get('/webchat/strings/:lang', (req, res) => {
      const language = allowed(req.params.lang) ?? config.defaultLanguage;
      const script = language === 'hi' && req.query.script === 'latin' ? 'latin' : undefined;
      res.set('Cache-Control', 'public, max-age=300');
      res.set('Access-Control-Allow-Origin', '*');
      res.json(pageStrings(language, script));
    });
    router.get('/widget.js', (_req, res) => {
      // Loaded by other sites' pages: a script they may include (CORP), renewed every few minutes.
      res.set('Cross-Origin-Resource-Policy', 'cross-origin');
      res.sendFile(join(paths.public, 'widget.js'), { maxAge: STATIC_MAX_AGE, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    });
    router.use(express.static(paths.public, { index: 'index.html', maxAge: STATIC_MAX_AGE }));
  }

  /**
   * Everything the page needs in one language: its strings, the server's error texts (a message
   * the page refuses before sending gets the very words the server would answer), the "More:"
   * line of each language (so the page can show it as a link), and the short numbers to make
   * tappable (the emergency number and crisis line; longer phone numbers are recognised by shape).
   */
  const moreTemplate = (tl: TFunction) => tl('answers:more', { title: '%TITLE%', url: '%URL%' });

  /** `script` 'latin': Hindi's page in Latin letters, for patients who write it that way. */
  function pageStrings(language: Language, script?: 'latin') {
    const tl = t(language, script);
    return {
      language,
      ...(script ? { script } : {}),
      languages: config.languages,
      strings: tl('page', { returnObjects: true }),
      errors: tl('errors', { returnObjects: true, max: config.maxMessageLength }),
      maxLength: config.maxMessageLength,
      phones: [...new Set([config.emergencyNumber, config.crisisLine])],
      // Hindi written in Latin letters has its own "More:" line ("Aur jaankari:").
      moreLines: Object.fromEntries([
        ...config.languages.map((l) => [l, moreTemplate(t(l))]),
        ...(config.languages.includes('hi') ? [['hi-Latn', moreTemplate(t('hi', 'latin'))]] : []),
      ]),
    };
  }

  return {
    name: WEBCHAT,
    capabilities: { replaysHistory: true },
    mount,
    async send(message) {
      io.to(room(message.conversationId)).emit('message', {
        id: message.id,
        role: message.role,
        text: message.text,
        ...(message.sources?.length ? { sources: message.sources } : {}),
        ...(message.actions?.length ? { actions: message.actions } : {}),
        ...(message.senderName ? { senderName: message.senderName } : {}),
        // A safety reply: the page styles it apart and shows a call button per number.
        ...(message.alert ? { alert: message.alert } : {}),
        // The page's interface follows the conversation's language (romanised Hindi included).
        ...(message.role === 'bot' ? { language: message.language, ...(message.script ? { script: message.script } : {}) } : {}),
        createdAt: message.createdAt.toISOString(),
      });
    },
    typing(target) {
      io.to(room(target.conversationId)).emit('typing', { role: 'bot' });
    },
  };
}
