import type { TurnResult } from './engine/context.js';
import type { DialogEngine, TurnOutput } from './engine/engine.js';
import { AppError, isConnectionFailure } from './errors.js';
import { cleanText, normaliseInbound } from './inbound.js';
import { initialState, type ConversationState } from './engine/context.js';
import { isLanguage, toLanguage, type Language } from './language/languages.js';
import type { Logger } from './logger.js';
import type { Message, OutboundMessage, Reply } from './message.js';
import type { Metrics } from './metrics.js';
import { DELIVER_MESSAGE, type DeliverMessagePayload } from './outbox/jobs.js';
import { PermanentDeliveryError, type Outbox, type OutboxJob } from './outbox/outbox.js';
import { createInstanceLock, type InstanceLock } from './db/instance-lock.js';
import type { StateStore } from './state/state-store.js';
import type { Contact, Conversation, StoredMessage, Store, TurnClaim } from './store/store.js';

/** How a channel delivers what we owe a patient. Web chat, SMS, voice, Telegram each implement it. */
export interface ChannelSender {
  readonly name: string;
  /**
   * True when the channel shows stored history on reconnect (web chat): a live push is
   * enough and a missed one is not lost. Other channels deliver through the outbox.
   */
  readonly replaysHistory?: boolean;
  /**
   * Delivers one message; may return the provider's id for it (for status callbacks), or say it
   * was `deferred` (kept for the conversation's next inbound message: it stays undelivered).
   */
  send(message: Delivery): Promise<void | { externalId?: string; deferred?: boolean }>;
  /** Optional "the bot is working on it" signal. */
  typing?(conversation: Conversation): void;
}

/** A stored message on its way to a channel; a turn's replies delivered together come with the first (src/channel/core.ts). */
export interface Delivery extends OutboundMessage {
  turn?: { replies: OutboundMessage[]; verdict: Pick<TurnResult, 'urgency' | 'reason' | 'escalate'> };
}

/**
 * The core's "reply inline, and deliver the rest later" mode (src/channel/core.ts): a turn whose
 * replies it `takes` stores them without outbox rows and hands them to `deliver`, which puts them
 * into the waiting webhook's answer or delivers them later the channel's way.
 */
export interface InlineDelivery {
  takes(channel: string, inboundId: number): boolean;
  deliver(turn: { conversation: Conversation; inbound: StoredMessage; output: TurnOutput; sent: OutboundMessage[] }): Promise<void>;
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
  const meta = m.meta as { actions?: Reply['actions']; sources?: Reply['sources']; voice?: Reply['voice']; senderName?: string; brief?: string; alert?: Reply['alert']; script?: Reply['script'] };
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
    ...(meta.script ? { script: meta.script } : {}),
    ...(meta.brief !== undefined ? { brief: meta.brief } : {}),
    ...(meta.alert ? { alert: meta.alert } : {}),
  };
}

const TYPING_AFTER_MS = 400;

/** What the turn processor offers channels, escalation and the app. */
export interface TurnProcessor {
  /** After-turn hooks, run in order after each turn's replies are stored and sent. */
  readonly hooks: TurnHook[];
  /** Stores and delivers one message outside a turn (nurse replies, case notices, channel notices). */
  /**
   * `key` names what the message delivers ("relay:<post id>"): a second delivery with the same key,
   * by a retried job or another instance, stores and sends nothing and returns the first message.
   */
  deliver(conversation: Conversation, reply: Reply, extraMeta?: Record<string, unknown>, key?: string): Promise<OutboundMessage>;
  /** Stores the message (once per channel + external id) and schedules its turn; resolves when it is stored. */
  accept(raw: Message, options?: { displayName?: string; contact?: Contact; conversation?: Conversation }): Promise<AcceptResult>;
  /** The patient chose a language outside a message (web chat selector, Telegram settings). */
  setLanguage(conversationId: string, language: Language): Promise<void>;
  /** The conversation's state as its next turn will see it (tests, diagnostics). */
  getState(conversationId: string): Promise<ConversationState | undefined>;
  /** This instance's id: the holder value of the conversations it is running. */
  readonly instanceId: number;
  /** Waits for the conversation's queued turns (tests, the CLI). */
  settle(conversationId: string): Promise<void>;
  /** Starts conversations with turns nobody alive is running; returns how many. */
  recover(olderThanMs?: number): Promise<number>;
  /** Stops taking turns, waits for those in flight, gives back held conversations. */
  stop(): Promise<void>;
}

export interface TurnProcessorOptions {
  store: Store;
  state: StateStore;
  engine: DialogEngine;
  logger: Logger;
  metrics?: Metrics;
  senders: Pick<ReadonlyMap<string, ChannelSender>, 'get'>;
  /** The inline delivery mode of channels that answer inside webhook responses. */
  inline?: InlineDelivery;
  /** Durable delivery for channels that do not replay history; without it, sends are direct. */
  outbox?: Outbox;
  /** This instance's liveness lock; without it the processor takes one of its own (and ends it on stop). */
  instance?: InstanceLock;
}

const DELIVER = DELIVER_MESSAGE.kind;

/**
 * Accepts inbound messages (stored before anything else happens) and runs their turns strictly
 * in order per conversation, also across instances, and each exactly once:
 *
 * - A turn starts with one statement (`claimTurn`) that takes the conversation for this instance
 *   and reads it, its state and its oldest pending message. The claim is the conversation's
 *   `holder` column, valid while the holder's PostgreSQL session holds its advisory lock
 *   (src/db/instance-lock.ts): a killed instance's conversations are free the moment its
 *   session ends, and the orphan sweep (`recover`) starts them again within a second or two.
 * - A turn ends with one statement (`finishTurn`) that marks the message done and stores the
 *   replies (keyed by inbound id and index), the state and the outbox rows, all or nothing and
 *   only while the message is still pending: a turn run twice (a crash between engine and store,
 *   a split brain) stores one answer, and only the run that stored it delivers it. When another
 *   message is pending, the finish keeps the conversation and returns that message: a patient
 *   who writes while the bot is answering costs no extra claim (under load, most turns run so).
 * - Delivery comes after: web chat pushes the stored replies live (a reconnecting page gets them
 *   from history); other channels send the outbox rows the finish claimed for this instance.
 */
export function createTurnProcessor({ store, state: _state, engine, logger, metrics, senders, outbox, instance, inline }: TurnProcessorOptions): TurnProcessor {
  const chains = new Map<string, Promise<void>>();
  /** Conversations whose drain is running here, with the messages accepted meanwhile that it has not run yet. */
  const draining = new Map<string, Set<number>>();
  const inFlight = new Set<Promise<void>>();
  const hooks: TurnHook[] = [];
  const me = instance ?? createInstanceLock(store.db, logger);
  const ownLock = !instance;
  let stopping = false;

  // The outbox calls back here for each stored outbound message it owes a channel.
  outbox?.register(DELIVER_MESSAGE, async (job) => {
    const { messageId, turn } = job.payload;
    const stored = await store.messages.get(messageId);
    if (!stored) throw new PermanentDeliveryError(`message ${messageId} not found`);
    const conversation = await store.conversations.get(stored.conversationId);
    const sender = conversation && senders.get(conversation.channel);
    if (!conversation || !sender) throw new Error(`no sender for message ${messageId}`);
    if (!turn) return sendStored(sender, toOutbound(stored, conversation), messageId);
    // A turn's replies delivered together: the first message carries all of them.
    const rows = await Promise.all(turn.messageIds.map((id) => (id === messageId ? stored : store.messages.get(id))));
    const replies = rows.filter((m): m is StoredMessage => m !== undefined).map((m) => toOutbound(m, conversation));
    const result = await sendStored(sender, { ...toOutbound(stored, conversation), turn: { replies, verdict: turn.verdict } }, messageId);
    for (const id of turn.messageIds) if (id !== messageId) await store.messages.setStatus(id, 'sent');
    return result;
  });

  /** One provider send; the outbox marks the message sent when it closes the row (unless the channel deferred it). */
  async function sendStored(sender: ChannelSender, out: Delivery, messageId: number) {
    const { deferred, ...result } = (await sender.send(out)) ?? {};
    if (deferred) return result;
    metrics?.messagesOut.inc({ channel: out.channel, role: out.role });
    return { ...result, sentMessageId: messageId };
  }

  const metaOf = (reply: Reply, extraMeta: Record<string, unknown>) => {
    const meta: Record<string, unknown> = { ...extraMeta };
    if (reply.actions?.length) meta.actions = reply.actions;
    if (reply.sources?.length) meta.sources = reply.sources;
    if (reply.voice) meta.voice = reply.voice;
    if (reply.senderName) meta.senderName = reply.senderName;
    // SMS and voice send the answer alone; safety replies keep their numbers to call.
    if (reply.brief !== undefined) meta.brief = reply.brief;
    if (reply.alert) meta.alert = reply.alert;
    if (reply.script) meta.script = reply.script;
    return meta;
  };

  /** Sends a stored message directly (no outbox configured); web chat only pushes it. */
  async function sendDirect(sender: ChannelSender | undefined, out: OutboundMessage, live: boolean): Promise<void> {
    try {
      if (!sender) throw new Error(`no sender for channel ${out.channel}`);
      await sender.send(out);
      if (!live) await store.messages.setStatus(Number(out.id), 'sent');
      metrics?.messagesOut.inc({ channel: out.channel, role: out.role });
    } catch (err) {
      // Stored, so web chat shows it on reconnect.
      if (!live) await store.messages.setStatus(Number(out.id), 'failed').catch(() => undefined);
      logger.warn({ conversationId: out.conversationId, messageId: out.id, err: (err as Error).message }, 'delivery failed');
    }
  }

  /** Stores and delivers one message outside a turn (nurse replies, case notices, channel notices). */
  async function deliver(conversation: Conversation, reply: Reply, extraMeta: Record<string, unknown> = {}, key?: string): Promise<OutboundMessage> {
    const meta = metaOf(reply, extraMeta);
    const sender = senders.get(conversation.channel);
    // Channels that replay history count a message as sent once it is stored and pushed.
    const live = Boolean(sender?.replaysHistory);
    const stored = await store.messages.insertOutbound(
      { conversationId: conversation.id, role: reply.role, channel: conversation.channel, body: reply.text, language: reply.language, meta, deliveryKey: key },
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
    // Delivered already (its own outbox job sends it, or sent it): never twice.
    if (stored.duplicate) return out;
    if (sender && !live && outbox) {
      // The first attempt sends what is in memory; retries rebuild it from the stored row.
      await outbox.enqueue(DELIVER, `message:${stored.id}`, { messageId: stored.id }, {
        orderingKey: conversation.id,
        inline: () => sendStored(sender, out, stored.id),
      });
      return out;
    }
    await sendDirect(sender, out, live);
    return out;
  }

  /**
   * Runs one claimed turn. `released`: its finish gave the conversation back; `next`: the
   * conversation stays ours and this is its next turn. Neither: ask again with a claim.
   */
  async function runTurn(claim: TurnClaim & { message: StoredMessage }): Promise<{ released: boolean; next?: TurnClaim & { message: StoredMessage } }> {
    const started = performance.now();
    const { conversation, message: inbound } = claim;
    const saved = claim.state as ConversationState | undefined;
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
      await store.messages.failTurn(inbound.id);
      metrics?.turnErrors.inc({ channel: conversation.channel });
      return { released: false };
    } finally {
      clearTimeout(typing);
    }

    const live = Boolean(sender?.replaysHistory);
    // Replies a webhook may say, or that the channel takes later its own way: no outbox rows.
    const inlined = inline?.takes(conversation.channel, inbound.id) ?? false;
    const viaOutbox = Boolean(sender && !live && outbox) && !inlined;
    const languageChanged = output.language !== conversation.language && isLanguage(output.language);
    // A turn that hands the conversation to staff (or happens while staff have it) keeps the
    // conversation through its after-turn work, so the next turn sees the mode it sets.
    const hold = output.result.escalate || conversation.mode !== 'bot';
    const finished = await store.messages.finishTurn({
      inboundId: inbound.id,
      conversationId: conversation.id,
      address: conversation.address,
      holder: me.id,
      replies: output.replies.map((reply) => ({
        role: reply.role,
        channel: conversation.channel,
        body: reply.text,
        language: reply.language,
        // An inline reply keeps what its turn decided, for when it is said later.
        meta: metaOf(reply, inlined ? { verdict: { urgency: output.result.urgency, reason: output.result.reason, escalate: output.result.escalate } } : {}),
        status: live ? 'sent' : 'stored',
      })),
      state: output.state,
      language: languageChanged ? output.language : null,
      release: !hold,
      outbox: viaOutbox ? { kind: DELIVER, leaseMs: outbox!.leaseMs } : undefined,
    });
    if (!finished.done) {
      // Another run of this turn stored its answer first (a takeover racing a slow holder): it delivers, not us.
      logger.info({ conversationId: conversation.id, messageId: inbound.id }, 'turn already answered; nothing stored');
      return { released: false };
    }
    if (languageChanged) conversation.language = output.language;

    const sent: OutboundMessage[] = [];
    const claimed: OutboxJob[] = [];
    for (const row of finished.replies) {
      const reply = output.replies[row.index];
      if (!reply) continue;
      sent.push({ ...reply, id: String(row.id), conversationId: conversation.id, channel: conversation.channel, to: conversation.address, createdAt: row.createdAt });
      if (row.outboxId !== undefined && row.claimed) {
        claimed.push({ id: row.outboxId, kind: DELIVER, idempotencyKey: `message:${row.id}`, orderingKey: conversation.id, payload: { messageId: row.id }, attempts: 1 });
      }
    }
    if (inlined) {
      await inline!.deliver({ conversation, inbound, output, sent });
    } else if (viaOutbox) {
      const byId = new Map(sent.map((m) => [Number(m.id), m]));
      // The first attempt sends what is in memory; retries rebuild it from the stored row.
      if (claimed.length) {
        await outbox!.sendClaimed(claimed, (job: OutboxJob<DeliverMessagePayload>) => sendStored(sender!, byId.get(job.payload.messageId)!, job.payload.messageId));
      }
      if (claimed.length < sent.length) outbox!.kick();
    } else {
      for (const out of sent) await sendDirect(sender, out, live);
    }

    for (const hook of hooks) {
      await hook({ conversation, inbound, output, sent }).catch((err) =>
        logger.error({ err, conversationId: conversation.id }, 'after-turn hook failed'),
      );
    }
    metrics?.turnSeconds.observe({ channel: conversation.channel }, (performance.now() - started) / 1000);
    return { released: finished.released, next: finished.next };
  }

  /**
   * Runs the conversation's pending messages, oldest first, while this instance holds it. Each
   * claim either returns the next message or gives the conversation back (nothing pending). When a
   * live instance holds it, that instance's finish sees our pending row and runs it.
   */
  async function drain(conversationId: string, claimed?: TurnClaim & { message: StoredMessage }): Promise<void> {
    // Messages accepted here while this drain runs are its to answer (see `accept`).
    const owed = new Set<number>();
    draining.set(conversationId, owed);
    try {
      await me.ready;
      // A turn claimed when its message was stored, or handed on by the previous turn's finish,
      // runs without asking again.
      let claim: (TurnClaim & { message: StoredMessage }) | undefined = claimed;
      while (!stopping) {
        if (!claim) {
          // Only `accept` adds to `owed` while the claim is out, so a larger set afterwards means a
          // message stored after the claim's snapshot: ask again rather than leave it pending.
          const waiting = owed.size;
          const found = await store.messages.claimTurn(conversationId, me.id, me.peers());
          if (!found?.message && owed.size > waiting) continue;
          // Nothing pending (or a live instance has it): whatever we were owed is answered or theirs.
          if (!found?.message) return;
          claim = found as TurnClaim & { message: StoredMessage };
        }
        owed.delete(claim.message.id);
        const { released, next } = await runTurn(claim);
        claim = next;
        if (next) owed.delete(next.message.id);
        // Given back with nothing left that was accepted here: done. A message accepted after the
        // finish looked for pending ones is asked for again (the check and the return are one tick).
        else if (released && owed.size === 0) return;
      }
    } finally {
      if (draining.get(conversationId) === owed) draining.delete(conversationId);
    }
  }

  function schedule(conversationId: string, claimed?: TurnClaim & { message: StoredMessage }): Promise<void> {
    const previous = chains.get(conversationId) ?? Promise.resolve();
    const run = previous.then(() => drain(conversationId, claimed)).catch((err) => {
      // An outage is logged once by the outage log; the sweep starts the conversation again.
      if (!isConnectionFailure(err)) logger.error({ err, conversationId }, 'drain failed');
    });
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
        conversation = options.contact
          ? await store.conversations.current(options.contact)
          : (await store.conversations.forAddress(message.channel, message.conversation.id, { displayName, language: toLanguage(message.locale) })).conversation!;
      }
      const row = {
        conversationId: conversation.id,
        role: 'patient' as const,
        channel: message.channel,
        externalId: message.externalId ?? null,
        kind: message.kind,
        body: message.text,
        meta: { locale: message.locale, channelData: message.channelData },
      };
      // Nothing of this conversation running or queued here: store the message and, in the same
      // round trip, claim the conversation when it is free, so the turn can start at once.
      const claimNow = !stopping && me.held && !chains.has(conversation.id);
      const { id, duplicate, claim }: { id: number; duplicate: boolean; claim?: TurnClaim } = claimNow
        ? await store.messages.insertInboundAndClaim(row, me.id)
        : await store.messages.insertInbound(row);
      if (!duplicate) {
        metrics?.messagesIn.inc({ channel: message.channel });
        // A drain of this conversation running here answers it (a finish hands on the next
        // pending message, and a drain does not end while one accepted here is unanswered):
        // another drain queued behind it would only find nothing to do.
        const owed = draining.get(conversation.id);
        if (owed && !claim?.message) owed.add(id);
        else void schedule(conversation.id, claim?.message ? (claim as TurnClaim & { message: StoredMessage }) : undefined);
      }
      return { messageId: id, conversation, duplicate };
    },
    /** The patient chose a language outside a message (web chat selector, Telegram settings). */
    async setLanguage(conversationId: string, language: Language): Promise<void> {
      await store.conversations.chooseLanguage(conversationId, language, { ...initialState() });
    },
    /** The conversation's state as its next turn will see it (tests, diagnostics). */
    async getState(conversationId: string): Promise<ConversationState | undefined> {
      return (await store.messages.getState(conversationId)) as ConversationState | undefined;
    },
    /** This instance's id: the holder value of the conversations it is running. */
    get instanceId(): number {
      return me.id;
    },
    /** Waits for the conversation's queued turns (tests, the CLI). */
    settle(conversationId: string): Promise<void> {
      return chains.get(conversationId) ?? Promise.resolve();
    },
    /**
     * Starts conversations with turns nobody alive is running: held by a dead instance (at once),
     * or by nobody (or by us, with no drain of ours running) for longer than `olderThanMs`.
     */
    async recover(olderThanMs = 1000): Promise<number> {
      if (stopping) return 0;
      await me.ready;
      const orphans = (await store.messages.orphanedConversations(me.id, olderThanMs, me.peers())).filter((id) => !chains.has(id));
      for (const id of orphans) void schedule(id);
      return orphans.length;
    },
    /**
     * Stops taking new turns after the current ones, waits for in-flight turns to finish, and
     * gives back the conversations still held (their later messages wait for the next start or
     * another instance, which need not wait for anything).
     */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await store.messages.releaseAll(me.id).catch(() => undefined);
      if (ownLock) await me.close();
    },
  };
}

