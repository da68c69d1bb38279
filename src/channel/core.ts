/**
 * The core's side of the channel contract (src/channel/contract.ts), over the turn processor, the
 * store, the state store and the outbox. `mount(channel)` gives a channel its port (`Inbound`) and
 * returns the router it mounted on; `senders` is what the turn processor delivers through.
 *
 * What the core does for every channel, so none does it itself:
 * - before `send`: opt-out (`capabilities.optOut`), the cap on the bot's own messages
 *   (`capBotMessages`) and the conversation reference (`references`, kept in PostgreSQL);
 * - "reply inline, and deliver the rest later" (`capabilities.inline`): a webhook's
 *   `handle.replies(waitMs)` gets its turn's replies when the turn ends in time; otherwise they
 *   are delivered the channel's later way. One place decides, per reply: the message row's status
 *   (`sent` once said or sent) and, for the later way, the outbox row;
 * - rate limits, notices, opt-out keywords' bookkeeping and the conversation lookups a channel
 *   needs, scoped to the channel.
 */
import express, { type Router } from 'express';
import type { Config } from '../config.js';
import type { TFunction } from '../i18n.js';
import { toLanguage, type Language } from '../language/languages.js';
import type { Logger } from '../logger.js';
import type { OutboundMessage } from '../message.js';
import type { Metrics } from '../metrics.js';
import { DELIVER_MESSAGE } from '../outbox/jobs.js';
import { PermanentDeliveryError, type Outbox } from '../outbox/outbox.js';
import { createRateLimiter } from '../rate-limit.js';
import type { StateStore } from '../state/state-store.js';
import type { Contact, Conversation, Store, StoredMessage } from '../store/store.js';
import { toOutbound, type ChannelSender, type Delivery, type InlineDelivery, type TurnProcessor } from '../turns.js';
import type { Channel, ChannelContact, ChannelConversation, Inbound, InboundHandle, InboundOptions, InlineReplies, TurnVerdict } from './contract.js';
import { createInlineWaiters } from './inline.js';

const DAY_MS = 24 * 3600_000;
const NOTICE_EVERY_MS = 60_000;

export interface ChannelHostOptions {
  config: Config;
  logger: Logger;
  metrics?: Metrics;
  store: Store;
  state: StateStore;
  outbox?: Outbox;
  t(language: Language): TFunction;
}

export interface ChannelHost {
  /** Every channel by name. */
  readonly channels: Map<string, Channel>;
  /** What the turn processor delivers through: each channel with the core's checks in front. */
  readonly senders: Pick<ReadonlyMap<string, ChannelSender>, 'get'>;
  /** The inline delivery mode, for the turn processor. */
  readonly inline: InlineDelivery;
  /** The processor the ports accept messages into (made after the host, which it delivers through). */
  attach(processor: TurnProcessor): void;
  /**
   * Mounts the channel on a router of its own (returned) and delivers its conversations through
   * it; with `deliver: false` it only gets its port (a second instance of a channel, in tests).
   */
  mount(channel: Channel, options?: { deliver?: boolean }): Router;
  close(): Promise<void>;
}

const verdictOf = (meta: Record<string, unknown>): TurnVerdict | undefined => meta.verdict as TurnVerdict | undefined;

export function createChannelHost(options: ChannelHostOptions): ChannelHost {
  const { config, logger, metrics, store, state, outbox, t } = options;
  const channels = new Map<string, Channel>();
  const waiters = createInlineWaiters();
  const limiter = createRateLimiter(state);
  const wrapped = new WeakMap<Channel, ChannelSender>();
  // Contacts and conversations the ports handed out, so accepting a message needs no second lookup.
  const contacts = new WeakMap<ChannelContact, Contact>();
  let processor: TurnProcessor | undefined;

  const allowed = (l: Language | undefined | null) => (l && config.languages.includes(l) ? l : undefined);
  const need = () => {
    if (!processor) throw new Error('channel host: no turn processor attached');
    return processor;
  };
  const contactView = (contact: Contact): ChannelContact => {
    const view = { address: contact.externalId, displayName: contact.displayName, language: contact.language, optedOut: Boolean(contact.optedOutAt) };
    contacts.set(view, contact);
    return view;
  };

  /** The channel's sends with the core's checks in front. */
  function senderOf(channel: Channel): ChannelSender {
    const known = wrapped.get(channel);
    if (known) return known;
    const { name, capabilities: caps } = channel;
    const sender: ChannelSender = {
      name,
      replaysHistory: caps.replaysHistory,
      async send(message: Delivery) {
        if (caps.optOut && (await store.contacts.find(name, message.to))?.optedOutAt) throw new PermanentDeliveryError(`recipient opted out of ${name}`);
        if (caps.capBotMessages && message.role === 'bot' && !(await limiter.outbound(message.conversationId))) {
          throw new PermanentDeliveryError('bot message cap for this conversation reached');
        }
        if (!caps.references) return channel.send(message);
        return channel.send({ ...message, reference: await store.references.get(name, message.to) });
      },
      ...(channel.typing
        ? {
            typing(conversation: Conversation) {
              const target = { conversationId: conversation.id, address: conversation.address };
              if (!caps.references) return channel.typing!(target);
              void store.references.get(name, conversation.address).then(
                (reference) => channel.typing!({ ...target, reference }),
                (err: Error) => logger.debug({ channel: name, err: err.message }, 'typing indicator failed'),
              );
            },
          }
        : {}),
    };
    wrapped.set(channel, sender);
    return sender;
  }

  const senders = {
    get(name: string): ChannelSender | undefined {
      const channel = channels.get(name);
      return channel && senderOf(channel);
    },
  };

  const modeOf = (name: string) => channels.get(name)?.capabilities.inline;

  const inline: InlineDelivery = {
    takes(channel, inboundId) {
      const mode = modeOf(channel);
      // `send` channels' replies take the ordinary road unless a webhook here may say them.
      return mode === 'send' ? waiters.expects(inboundId) : mode !== undefined;
    },
    async deliver({ conversation, inbound, output, sent }) {
      const verdict: TurnVerdict = { urgency: output.result.urgency, reason: output.result.reason, escalate: output.result.escalate };
      // Into the waiting webhook's answer (it marks them sent).
      if (waiters.hand(inbound.id, sent, verdict)) return;
      const mode = modeOf(conversation.channel);
      if (mode === 'next-inbound' || !sent.length) return; // owed: the next webhook says them
      if (!outbox) {
        logger.warn({ conversationId: conversation.id }, 'no outbox: replies not delivered');
        return;
      }
      if (mode === 'turn') {
        const messageIds = sent.map((m) => Number(m.id));
        await outbox.enqueue(DELIVER_MESSAGE.kind, `message:${messageIds[0]}`, { messageId: messageIds[0], turn: { messageIds, verdict } }, { orderingKey: conversation.id });
        return;
      }
      for (const m of sent) await outbox.enqueue(DELIVER_MESSAGE.kind, `message:${m.id}`, { messageId: Number(m.id) }, { orderingKey: conversation.id });
    },
  };

  /** The replies stored for an inbound message (a retried webhook says them again). */
  async function storedReplies(conversation: Conversation, inboundId: number): Promise<OutboundMessage[]> {
    const history = await store.messages.history(conversation.id, 50);
    return history.filter((m) => m.direction === 'out' && m.inReplyTo === inboundId).map((m) => toOutbound(m, conversation));
  }

  async function repliesFor(channel: Channel, accepted: { messageId: number; conversation: Conversation; duplicate: boolean }, waitMs: number): Promise<InlineReplies> {
    const { messageId, conversation, duplicate } = accepted;
    const caps = channel.capabilities;
    // Waiting starts at once, so a turn that ends while the owed replies are read is handed here.
    const waited: Promise<InlineReplies> = duplicate
      ? storedReplies(conversation, messageId).then((replies) => ({ ready: true, replies }))
      : caps.inline
        ? waiters.wait(messageId, waitMs)
        : Promise.resolve({ ready: false, replies: [] });
    const owedRows: StoredMessage[] = caps.inline === 'next-inbound' ? await store.messages.takeOwed(conversation.id, messageId) : [];
    const outcome = await waited;
    let replies = outcome.replies;
    if (!duplicate && outcome.ready) {
      const kept: OutboundMessage[] = [];
      const dropped: OutboundMessage[] = [];
      for (const m of replies) {
        if (caps.capBotMessages && m.role === 'bot' && !(await limiter.outbound(conversation.id))) dropped.push(m);
        else kept.push(m);
      }
      replies = kept;
      for (const m of kept) metrics?.messagesOut.inc({ channel: m.channel, role: m.role });
      // Said in the response: the rows record it (after the answer, which need not wait for it).
      void Promise.all([...kept.map((m) => store.messages.setStatus(Number(m.id), 'sent')), ...dropped.map((m) => store.messages.setStatus(Number(m.id), 'failed'))]).catch((err: Error) =>
        logger.warn({ conversationId: conversation.id, err: err.message }, 'inline replies not marked sent'),
      );
    }
    const owed = owedRows.map((m) => toOutbound(m, conversation));
    const owedVerdict = owedRows.map((m) => verdictOf(m.meta)).filter((v) => v !== undefined).at(-1);
    const verdict = outcome.verdict ?? owedVerdict;
    return { ready: outcome.ready, replies: [...owed, ...replies], ...(verdict ? { verdict } : {}) };
  }

  async function setOptOut(channel: string, address: string, optedOut: boolean): Promise<Contact> {
    const contact = await store.contacts.upsert(channel, address);
    if (Boolean(contact.optedOutAt) !== optedOut) {
      await store.contacts.setOptOut(contact.id, optedOut);
      await store.audit.append('patient', `${channel}.${optedOut ? 'opt_out' : 'opt_in'}`, null, { contactId: contact.id });
    }
    return contact;
  }

  function portFor(channel: Channel): Inbound {
    const name = channel.name;
    const accept = async (message: Parameters<Inbound>[0], opts: InboundOptions = {}): Promise<InboundHandle> => {
      const contact = opts.contact ? contacts.get(opts.contact) : undefined;
      const conversation = opts.conversation && 'contactId' in opts.conversation ? (opts.conversation as Conversation) : undefined;
      const accepted = await need().accept(message, {
        ...(opts.displayName !== undefined ? { displayName: opts.displayName } : {}),
        ...(contact ? { contact } : {}),
        ...(conversation ? { conversation } : {}),
      });
      if (channel.capabilities.inline && !accepted.duplicate) waiters.expect(accepted.messageId);
      return {
        messageId: accepted.messageId,
        conversation: accepted.conversation,
        duplicate: accepted.duplicate,
        replies: (waitMs: number) => repliesFor(channel, accepted, waitMs),
      };
    };
    const port: Inbound = Object.assign(accept, {
      channel: name,
      config,
      metrics,
      state,
      limits: {
        inbound: (sender: string) => limiter.inbound(name, sender),
        refundOnOutage: <T>(sender: string, take: () => Promise<T>) => limiter.refundOnOutage(name, sender, take),
      },
      rateLimiter: (limits: Parameters<Inbound['rateLimiter']>[0]) => createRateLimiter(state, limits),
      deliveries: {
        async record(externalId: string, status: string, retry = false) {
          if (!outbox) return undefined;
          const job = await outbox.recordExternalStatus(externalId, status, retry);
          if (!job) return undefined;
          const messageId = (job.payload as { messageId?: number }).messageId;
          return { attempts: job.attempts, ...(messageId !== undefined ? { messageId } : {}) };
        },
        settle: (messageId: number, outcome: 'delivered' | 'failed') => store.messages.setStatus(messageId, outcome),
      },
      async contact(address: string, on = name) {
        const found = await store.contacts.find(on, address);
        return found ? contactView(found) : undefined;
      },
      async conversation(address: string, o: { language?: Language; displayName?: string; unlessOptedOut?: boolean } = {}): Promise<ChannelConversation | undefined> {
        const { contact, conversation } = await store.conversations.forAddress(name, address, {
          ...(o.displayName !== undefined ? { displayName: o.displayName } : {}),
          ...(o.language ? { language: o.language, conversationLanguage: o.language } : {}),
          unlessOptedOut: o.unlessOptedOut,
        });
        if (o.unlessOptedOut && contact.optedOutAt) return undefined;
        return conversation;
      },
      setLanguage: (conversationId: string, language: Language) => need().setLanguage(conversationId, language),
      history: (conversationId: string, limit?: number) => store.messages.history(conversationId, limit),
      async sentActions(messageId: number, address: string) {
        const stored = await store.messages.get(messageId);
        if (!stored || stored.direction !== 'out' || stored.channel !== name) return undefined;
        const conversation = await store.conversations.get(stored.conversationId);
        if (conversation?.address !== address) return undefined;
        return stored.meta.actions as OutboundMessage['actions'];
      },
      async optOut(address: string, optedOut: boolean) {
        await setOptOut(name, address, optedOut);
      },
      async end(conversationId: string, address: string) {
        await store.conversations.setMode(conversationId, 'closed');
        // Opted out: the address (a web visitor's token) no longer resumes anything.
        const contact = await store.contacts.upsert(name, address);
        await store.contacts.setOptOut(contact.id, true);
        await store.audit.append('patient', `${name}.end`, conversationId, {});
      },
      async notice(address: string, key: string, o: { once?: string; locale?: string } = {}) {
        if (o.once && !(await state.claim(`${name}:notice:once:${o.once}`, DAY_MS))) return;
        if (!(await state.claim(`${name}:notice:to:${address}`, NOTICE_EVERY_MS))) return;
        const hint = allowed(toLanguage(o.locale));
        const contact = await store.contacts.upsert(name, address, hint ? { language: hint } : {});
        const conversation = await store.conversations.current(contact);
        const language = allowed(conversation.language) ?? hint ?? config.defaultLanguage;
        await need().deliver(conversation, { role: 'bot', text: t(language)(key, { max: config.maxMessageLength }), language });
      },
      keepReference: (address: string, reference: unknown) => store.references.save(name, address, reference),
    });
    return port;
  }

  return {
    channels,
    senders,
    inline,
    attach(p) {
      processor = p;
    },
    mount(channel, { deliver = true } = {}) {
      const router = express.Router();
      channel.mount(router, portFor(channel));
      if (deliver) channels.set(channel.name, channel);
      return router;
    },
    async close() {
      for (const channel of channels.values()) await channel.close?.().catch((err: Error) => logger.warn({ channel: channel.name, err: err.message }, 'channel close failed'));
    },
  };
}
