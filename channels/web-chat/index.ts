import express, { type Router } from 'express';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { Config } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import type { TFunction } from '../../src/i18n.js';
import { toLanguage, type Language } from '../../src/language/languages.js';
import type { Logger } from '../../src/logger.js';
import type { OutboundMessage } from '../../src/message.js';
import type { Metrics } from '../../src/metrics.js';
import { paths } from '../../src/paths.js';
import { createRateLimiter } from '../../src/rate-limit.js';
import type { StateStore } from '../../src/state/state-store.js';
import type { Conversation, Store, StoredMessage } from '../../src/store/store.js';
import type { ChannelSender, TurnProcessor } from '../../src/turns.js';
import { createSessionTokens } from './session-token.js';

export const WEBCHAT = 'webchat';
const room = (conversationId: string) => `conv:${conversationId}`;

const messagePayload = z.object({
  text: z.string(),
  clientId: z.string().min(1).max(100).regex(/^[\w.:-]+$/).optional(),
});
const languagePayload = z.object({ language: z.string().min(2).max(20) });

export interface WebChatOptions {
  io: Server;
  processor: TurnProcessor;
  store: Store;
  state: StateStore;
  config: Config;
  logger: Logger;
  metrics?: Metrics;
  tokenSecret: string;
  t(language: Language): TFunction;
  /** Messages a visitor may send per 10 seconds before being asked to slow down. */
  rateLimit?: number;
}

type Ack = (response: unknown) => void;
/** Error codes with a patient-facing text in locales (`errors.*`). */
const LOCALISED_ERRORS = new Set(['empty', 'tooLong', 'invalid', 'rateLimited', 'unavailable', 'internal']);
interface SessionData {
  visitorId: string;
  conversation: Conversation;
  language: Language;
}

export function toClientMessage(m: Pick<StoredMessage, 'id' | 'role' | 'body' | 'createdAt' | 'meta'>) {
  return {
    id: String(m.id),
    role: m.role,
    text: m.body,
    ...(m.meta.sources ? { sources: m.meta.sources } : {}),
    ...(m.meta.actions ? { actions: m.meta.actions } : {}),
    ...(m.meta.senderName ? { senderName: m.meta.senderName } : {}),
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

/** Web chat over socket.io on the app's HTTP server, plus the page at `/`. */
export function createWebChatChannel(options: WebChatOptions): ChannelSender & { router: Router } {
  const { io, processor, store, state, config, logger, metrics, t } = options;
  const tokens = createSessionTokens(options.tokenSecret);
  const limiter = createRateLimiter(state, { inbound: { limit: options.rateLimit ?? 20, windowMs: 10_000 } });
  const allowed = (l: string | undefined) => {
    const lang = toLanguage(l);
    return lang && config.languages.includes(lang) ? lang : undefined;
  };
  const fail = (ack: Ack | undefined, language: Language, err: unknown) => {
    const code = err instanceof AppError ? err.code : 'internal';
    const message = t(language)(`errors.${LOCALISED_ERRORS.has(code) ? code : 'internal'}`, { max: config.maxMessageLength });
    if (!(err instanceof AppError)) logger.error({ err }, 'web chat message failed');
    ack?.({ ok: false, error: { code, message } });
  };

  async function acceptMessage(socket: Socket, payload: unknown, ack?: Ack): Promise<void> {
    const data = socket.data as SessionData | undefined;
    const language = data?.language ?? config.defaultLanguage;
    try {
      if (!data?.conversation) throw new AppError('unavailable', 'session not ready', { status: 503 });
      const parsed = messagePayload.safeParse(payload);
      if (!parsed.success) throw new AppError('invalid', 'malformed message');
      const text = parsed.data.text.trim();
      if (!text) throw new AppError('empty', 'empty message');
      if (text.length > config.maxMessageLength) throw new AppError('tooLong', 'message too long');
      if (!(await limiter.inbound(WEBCHAT, data.visitorId)).allowed) throw new AppError('rateLimited', 'rate limited', { status: 429 });
      const { messageId } = await processor.accept(
        {
          channel: WEBCHAT,
          externalId: parsed.data.clientId ? `${data.visitorId}:${parsed.data.clientId}` : undefined,
          conversation: { id: data.visitorId },
          from: { id: data.visitorId, role: 'patient' },
          text,
          locale: data.language,
          kind: 'text',
          timestamp: new Date(),
        },
        { conversation: data.conversation },
      );
      ack?.({ ok: true, id: String(messageId) });
    } catch (err) {
      fail(ack, language, err);
    }
  }

  io.on('connection', (socket: Socket) => {
    void (async () => {
      metrics?.webchatConnections.inc();
      socket.on('disconnect', () => metrics?.webchatConnections.dec());
      const auth = (socket.handshake.auth ?? {}) as { token?: unknown; language?: unknown };
      const resumedVisitor = tokens.verify(auth.token);
      const session = tokens.issue(resumedVisitor);
      const asked = allowed(typeof auth.language === 'string' ? auth.language : undefined);
      const contact = await store.contacts.upsert(WEBCHAT, session.visitorId, { language: asked });
      const conversation = await store.conversations.current(contact, asked);
      if (asked && asked !== conversation.language) {
        await processor.setLanguage(conversation.id, asked);
        conversation.language = asked;
      }
      const language: Language = conversation.language ?? asked ?? config.defaultLanguage;
      socket.data = { visitorId: session.visitorId, conversation, language } satisfies SessionData;
      await socket.join(room(conversation.id));
      socket.emit('session', { conversationId: conversation.id, token: session.token, language });
      if (resumedVisitor) {
        const history = await store.messages.history(conversation.id, 200);
        socket.emit('history', history.map((m) => toClientMessage(m)));
      }
    })().catch((err) => {
      logger.error({ err }, 'web chat session failed');
      socket.emit('error', { code: 'unavailable', message: t(config.defaultLanguage)('errors.unavailable') });
      socket.disconnect(true);
    });

    // One socket's messages are accepted one after another, so they are stored in the order sent.
    let queue: Promise<void> = Promise.resolve();
    socket.on('message', (payload: unknown, ack?: Ack) => {
      queue = queue.then(() => acceptMessage(socket, payload, ack));
    });

    socket.on('language', async (payload: unknown, ack?: Ack) => {
      const data = socket.data as SessionData | undefined;
      const parsed = languagePayload.safeParse(payload);
      const language = parsed.success ? allowed(parsed.data.language) : undefined;
      if (!language || !data?.conversation) return fail(ack, data?.language ?? config.defaultLanguage, new AppError('invalid', 'unknown language'));
      await processor.setLanguage(data.conversation.id, language);
      data.language = language;
      ack?.({ ok: true, language });
    });
  });

  const router = express.Router();
  router.get('/webchat/strings/:lang', (req, res) => {
    const language = allowed(req.params.lang) ?? config.defaultLanguage;
    res.set('Cache-Control', 'public, max-age=300');
    res.json({ language, languages: config.languages, strings: t(language)('page', { returnObjects: true }) });
  });
  router.use(express.static(paths.public, { index: 'index.html', maxAge: '5m' }));

  return {
    name: WEBCHAT,
    replaysHistory: true,
    router,
    async send(message: OutboundMessage) {
      io.to(room(message.conversationId)).emit('message', {
        id: message.id,
        role: message.role,
        text: message.text,
        ...(message.sources?.length ? { sources: message.sources } : {}),
        ...(message.actions?.length ? { actions: message.actions } : {}),
        ...(message.senderName ? { senderName: message.senderName } : {}),
        createdAt: message.createdAt.toISOString(),
      });
    },
    typing(conversation) {
      io.to(room(conversation.id)).emit('typing', { role: 'bot' });
    },
  };
}
