import type { DialogEngine, TurnOutput } from './engine/engine.js';
import { AppError, isConnectionFailure } from './errors.js';
import { cleanText, normaliseInbound } from './inbound.js';
import { initialState, type ConversationState } from './engine/context.js';
import { isLanguage, toLanguage, type Language } from './language/languages.js';
import type { Logger } from './logger.js';
import type { Message, OutboundMessage, Reply } from './message.js';
import type { Metrics } from './metrics.js';
import { PermanentDeliveryError, type Outbox } from './outbox/outbox.js';
import type { StateStore } from './state/state-store.js';
import type { Contact, Conversation, StoredMessage, Store } from './store/store.js';

/** How a channel delivers what we owe a patient. Web chat, SMS, voice, Telegram each implement it. */
export interface ChannelSender {
  readonly name: string;
  /**
   * True when the channel shows stored history on reconnect (web chat): a live push is
   * enough and a missed one is not lost. Other channels deliver through the outbox.
   */
  readonly replaysHistory?: boolean;
  /** Delivers one message; may return the provider's id for it (for status callbacks). */
  send(message: OutboundMessage): Promise<void | { externalId?: string }>;
  /** Optional "the bot is working on it" signal. */
  typing?(conversation: Conversation): void;
}

export interface AcceptResult {
  messageId: number;
  conversation: Conversation;
  duplicate: boolean;
}

/** Runs after each turn with what the engine decided; escalation and transcripts hook in here. */
export type TurnHook = (turn: { conversation: Conversation; inbound: StoredMessage; output: TurnOutput; sent: OutboundMessage[] }) => Promise<void>;

/** Rebuilds the outbound message from its stored row (for retries from the outbox). */
export function toOutbound(m: StoredMessage, conversation: Conversation): OutboundMessage {
  const meta = m.meta as { actions?: Reply['actions']; sources?: Reply['sources']; voice?: Reply['voice']; senderName?: string };
  return {
    id: String(m.id),
    role: m.role === 'patient' ? 'system' : m.role,
    text: m.body,
    language: m.language ?? 'en',
    conversationId: conversation.id,
    channel: conversation.channel,
    to: conversation.address,
    createdAt: m.createdAt,
    ...(meta.actions ? { actions: meta.actions } : {}),
    ...(meta.sources ? { sources: meta.sources } : {}),
    ...(meta.voice ? { voice: meta.voice } : {}),
    ...(meta.senderName ? { senderName: meta.senderName } : {}),
  };
}

const TYPING_AFTER_MS = 400;
const STATE_TTL_MS = 7 * 24 * 3600_000;
const LOCK_LEASE_MS = 30_000;
const stateKey = (conversationId: string) => `conv:${conversationId}:state`;

export interface TurnProcessorOptions {
  store: Store;
  state: StateStore;
  engine: DialogEngine;
  logger: Logger;
  metrics?: Metrics;
  senders: Map<string, ChannelSender>;
  /** Durable delivery for channels that do not replay history; without it, sends are direct. */
  outbox?: Outbox;
}

const DELIVER = 'deliver-message';

/**
 * Accepts inbound messages (stored before anything else happens) and runs their turns
 * strictly in order per conversation, also across instances: a lease lock in the state
 * store guards each conversation, and the pending rows in PostgreSQL are the queue.
 */
export function createTurnProcessor({ store, state, engine, logger, metrics, senders, outbox }: TurnProcessorOptions) {
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const hooks: TurnHook[] = [];
  let stopping = false;

  // The outbox calls back here for each stored outbound message it owes a channel.
  outbox?.register(DELIVER, async (job) => {
    const { messageId } = job.payload as { messageId: number };
    const stored = await store.messages.get(messageId);
    if (!stored) throw new PermanentDeliveryError(`message ${messageId} not found`);
    const conversation = await store.conversations.get(stored.conversationId);
    const sender = conversation && senders.get(conversation.channel);
    if (!conversation || !sender) throw new Error(`no sender for message ${messageId}`);
    return sendStored(sender, toOutbound(stored, conversation), messageId);
  });

  async function sendStored(sender: ChannelSender, out: OutboundMessage, messageId: number) {
    const result = await sender.send(out);
    await store.messages.setStatus(messageId, 'sent');
    metrics?.messagesOut.inc({ channel: out.channel, role: out.role });
    return result ?? undefined;
  }

  async function deliver(conversation: Conversation, reply: Reply, extraMeta: Record<string, unknown> = {}): Promise<OutboundMessage> {
    const meta: Record<string, unknown> = { ...extraMeta };
    if (reply.actions?.length) meta.actions = reply.actions;
    if (reply.sources?.length) meta.sources = reply.sources;
    if (reply.voice) meta.voice = reply.voice;
    if (reply.senderName) meta.senderName = reply.senderName;
    const sender = senders.get(conversation.channel);
    // Channels that replay history count a message as sent once it is stored and pushed.
    const live = Boolean(sender?.replaysHistory);
    const stored = await store.messages.insertOutbound(
      { conversationId: conversation.id, role: reply.role, channel: conversation.channel, body: reply.text, language: reply.language, meta },
      live ? 'sent' : 'stored',
    );
    const out: OutboundMessage = {
      ...reply,
      id: String(stored.id),
      conversationId: conversation.id,
      channel: conversation.channel,
      to: conversation.address,
      createdAt: stored.createdAt,
    };
    if (sender && !live && outbox) {
      // The first attempt sends what is in memory; retries rebuild it from the stored row.
      await outbox.enqueue(DELIVER, `message:${stored.id}`, { messageId: stored.id }, {
        orderingKey: conversation.id,
        inline: () => sendStored(sender, out, stored.id),
      });
      return out;
    }
    try {
      if (!sender) throw new Error(`no sender for channel ${conversation.channel}`);
      await sender.send(out);
      if (!live) await store.messages.setStatus(stored.id, 'sent');
      metrics?.messagesOut.inc({ channel: conversation.channel, role: reply.role });
    } catch (err) {
      // Stored, so web chat shows it on reconnect.
      await store.messages.setStatus(stored.id, 'failed').catch(() => undefined);
      logger.warn({ conversationId: conversation.id, messageId: stored.id, err: (err as Error).message }, 'delivery failed');
    }
    return out;
  }

  async function runTurn(conversation: Conversation, inbound: StoredMessage): Promise<void> {
    const started = performance.now();
    const saved = await state.get<ConversationState>(stateKey(conversation.id));
    const turnState = saved ?? { ...initialState(), language: conversation.language ?? undefined };
    // Say "typing…" only when a turn is slow enough for a person to notice (an LLM answer).
    const sender = senders.get(conversation.channel);
    const typing = sender?.typing ? setTimeout(() => sender.typing?.(conversation), TYPING_AFTER_MS) : undefined;
    const message: Message = {
      channel: inbound.channel,
      externalId: inbound.externalId ?? undefined,
      conversation: { id: conversation.address },
      from: { id: conversation.address, role: 'patient' },
      text: inbound.body,
      locale: (inbound.meta.locale as string | undefined) ?? undefined,
      kind: inbound.kind,
      timestamp: inbound.createdAt,
      channelData: inbound.meta.channelData,
    };
    let output: TurnOutput;
    try {
      output = await engine.handle({
        message,
        conversation: { id: conversation.id, channel: conversation.channel, mode: conversation.mode, isNew: !saved },
        state: turnState,
      });
    } catch (err) {
      // A database or Redis outage: the message stays pending and the recovery sweep runs it again.
      if (isConnectionFailure(err)) throw err;
      logger.error({ err, conversationId: conversation.id, messageId: inbound.id }, 'turn failed');
      await store.messages.setStatus(inbound.id, 'failed');
      metrics?.turnErrors.inc({ channel: conversation.channel });
      return;
    } finally {
      clearTimeout(typing);
    }
    const sent: OutboundMessage[] = [];
    for (const reply of output.replies) sent.push(await deliver(conversation, reply, { inReplyTo: inbound.id }));
    const languageChanged = output.language !== conversation.language && isLanguage(output.language);
    await Promise.all([
      state.set(stateKey(conversation.id), output.state, STATE_TTL_MS),
      store.messages.setStatus(inbound.id, 'done'),
      languageChanged ? store.conversations.setLanguage(conversation.id, output.language) : undefined,
    ]);
    if (languageChanged) conversation.language = output.language;
    for (const hook of hooks) {
      await hook({ conversation, inbound, output, sent }).catch((err) =>
        logger.error({ err, conversationId: conversation.id }, 'after-turn hook failed'),
      );
    }
    metrics?.turnSeconds.observe({ channel: conversation.channel }, (performance.now() - started) / 1000);
  }

  /** Processes every pending message of the conversation, oldest first, under the conversation's lock. */
  async function drain(conversationId: string): Promise<void> {
    let wait = 5;
    for (;;) {
      const lock = await state.tryLock(`conv:${conversationId}:lock`, LOCK_LEASE_MS);
      if (!lock) {
        // Another instance holds the conversation; it or we will see our pending row.
        if (stopping) return;
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 250);
        if (!(await store.messages.nextPending(conversationId))) return;
        continue;
      }
      const renew = setInterval(() => void lock.extend(LOCK_LEASE_MS).catch(() => undefined), LOCK_LEASE_MS / 3);
      try {
        let next: { message: StoredMessage; conversation: Conversation } | undefined;
        while (!stopping && (next = await store.messages.nextTurn(conversationId))) {
          await runTurn(next.conversation, next.message);
        }
      } finally {
        clearInterval(renew);
        await lock.release().catch(() => undefined);
      }
      return;
    }
  }

  function schedule(conversationId: string): Promise<void> {
    const previous = chains.get(conversationId) ?? Promise.resolve();
    const run = previous.then(() => drain(conversationId)).catch((err) => logger.error({ err, conversationId }, 'drain failed'));
    chains.set(conversationId, run);
    inFlight.add(run);
    void run.finally(() => {
      inFlight.delete(run);
      if (chains.get(conversationId) === run) chains.delete(conversationId);
    });
    return run;
  }

  return {
    hooks,
    deliver,
    /**
     * Stores the message (once per channel + external id) and schedules its turn.
     * Resolves when it is stored, not when it is answered.
     */
    async accept(raw: Message, options: { displayName?: string; contact?: Contact; conversation?: Conversation } = {}): Promise<AcceptResult> {
      // Every channel's text passes the one normaliser before it is stored (NUL and control characters).
      const message = normaliseInbound(raw);
      if (raw.text.trim() && !message.text.trim()) throw new AppError('invalid', 'message has no readable text');
      const displayName = options.displayName === undefined ? undefined : cleanText(options.displayName) || undefined;
      // A channel that already looked up the contact or the conversation saves the queries.
      let conversation = options.conversation;
      if (!conversation) {
        const contact =
          options.contact ??
          (await store.contacts.upsert(message.channel, message.conversation.id, {
            displayName,
            language: toLanguage(message.locale),
          }));
        conversation = await store.conversations.current(contact);
      }
      const { id, duplicate } = await store.messages.insertInbound({
        conversationId: conversation.id,
        role: 'patient',
        channel: message.channel,
        externalId: message.externalId ?? null,
        kind: message.kind,
        body: message.text,
        meta: { locale: message.locale, channelData: message.channelData },
      });
      if (!duplicate) {
        metrics?.messagesIn.inc({ channel: message.channel });
        void schedule(conversation.id);
      }
      return { messageId: id, conversation, duplicate };
    },
    /** The patient chose a language outside a message (web chat selector, Telegram settings). */
    async setLanguage(conversationId: string, language: Language): Promise<void> {
      await store.conversations.setLanguage(conversationId, language);
      const saved = (await state.get<ConversationState>(stateKey(conversationId))) ?? initialState();
      await state.set(stateKey(conversationId), { ...saved, language, languageChosen: true }, STATE_TTL_MS);
    },
    /** Waits for the conversation's queued turns (tests, the CLI). */
    settle(conversationId: string): Promise<void> {
      return chains.get(conversationId) ?? Promise.resolve();
    },
    /** Picks up work a crashed or stopped instance left pending. */
    async recover(olderThanMs = 10_000): Promise<number> {
      const stalled = await store.messages.stalledConversations(olderThanMs);
      for (const id of stalled) void schedule(id);
      return stalled.length;
    },
    /** Stops taking new turns after the current ones and waits for in-flight turns to finish. */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type TurnProcessor = ReturnType<typeof createTurnProcessor>;
