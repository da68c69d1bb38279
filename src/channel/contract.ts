/**
 * The channel contract: what a channel is, and what the core offers it. A file under channels/
 * imports this module, shared pure helpers (message types, i18n, render, language packs, logger,
 * errors) and its provider's SDK; never the store, the outbox, the state store, the database or
 * escalation (tests/channels/contract.test.ts checks it).
 *
 *   const channel: Channel = {
 *     name: 'sms',
 *     capabilities: { inline: 'send', optOut: true, capBotMessages: true },
 *     mount(router, inbound) { router.post(path, async (req, res) => {
 *       const handle = await inbound(message);              // stored once, its turn scheduled
 *       const { replies } = await handle.replies(3000);      // what to answer in this response
 *       ...
 *     }) },
 *     async send(outbound) { ... return { externalId } },   // one stored message, from the outbox
 *   };
 *
 * The core (src/channel/core.ts) owns the rest: after-turn hooks and their order, the outbox and
 * its retries, opt-out (a channel with `optOut` is never asked to send to an opted-out address),
 * rate limits, notices, conversation references, and the delivery mode "reply inline, and
 * deliver the rest later" (`capabilities.inline`) that SMS, voice and the transcript route use.
 */
import type { Router } from 'express';
import type { Config } from '../config.js';
import type { TurnResult } from '../engine/context.js';
import type { Language } from '../language/languages.js';
import type { Message, OutboundMessage, SuggestedAction, Role } from '../message.js';
import type { Metrics } from '../metrics.js';
import type { RateLimiter, RateLimiterOptions, InboundVerdict } from '../rate-limit.js';
import type { StateStore } from '../state/state-store.js';

export type { Config } from '../config.js';
export type { TFunction } from '../i18n.js';
export type { Language } from '../language/languages.js';
export type { Logger } from '../logger.js';
export type { Message, OutboundMessage, Reply, Role, SuggestedAction, SourceRef } from '../message.js';
export type { Metrics } from '../metrics.js';
export type { InboundVerdict, RateLimiter, RateLimiterOptions, RateLimitPolicy } from '../rate-limit.js';
/** What a send throws: retrying cannot help (opted out, a bad number), or the provider said when to come back. */
export { PermanentDeliveryError, RetryLaterError } from '../outbox/outbox.js';

/** What a turn decided, as far as a channel acts on it (a voice call transfers or hangs up). */
export type TurnVerdict = Pick<TurnResult, 'urgency' | 'reason' | 'escalate'>;

/**
 * "Reply inline, and deliver the rest later": the channel answers a webhook with its turn's
 * replies when the turn ends within the wait (`handle.replies(waitMs)`). What the webhook did not
 * take is delivered later, the channel's way:
 * - `send`: each reply through `send()` (SMS: the REST API);
 * - `turn`: the turn's replies together through one `send()` call (`outbound.turn`), so a voice
 *   call hears them as one (a second live-call update would cut the first short);
 * - `next-inbound`: kept for the conversation's next webhook, whose `replies()` gives them first
 *   (a phone system that only hears us in our responses).
 */
export type InlineMode = 'send' | 'turn' | 'next-inbound';

export interface ChannelCapabilities {
  /** The channel shows stored history on reconnect (web chat): a live push is enough, and a missed one is not lost. */
  readonly replaysHistory?: boolean;
  /** Answers inside webhook responses; see InlineMode. */
  readonly inline?: InlineMode;
  /** Honours STOP: the core refuses sends to an address that opted out (PermanentDeliveryError). */
  readonly optOut?: boolean;
  /** Caps the bot's own messages per conversation (a loop with an auto-responder on the other end). */
  readonly capBotMessages?: boolean;
  /** Needs the provider's conversation reference to write later: the core keeps it (`inbound.keepReference`) and hands it to `send`. */
  readonly references?: boolean;
}

/** A message as `send` gets it. */
export interface Outbound extends OutboundMessage {
  /** Channels with `references`: what `inbound.keepReference` last kept for this address. */
  reference?: unknown;
  /** Inline `turn` channels: a turn's replies that came too late for its webhook, all of them (this message is the first), and what the turn decided. */
  turn?: { replies: OutboundMessage[]; verdict: TurnVerdict };
}

export interface SendResult {
  /** The provider's id for the delivery (status callbacks name it). */
  externalId?: string;
  /** Inline `next-inbound` channels: not delivered now; the next webhook's `replies()` gives it. */
  deferred?: boolean;
}

/** Where a typing indicator goes. */
export interface TypingTarget {
  conversationId: string;
  address: string;
  reference?: unknown;
}

export interface Channel {
  /** The channel's name: `Message.channel` of what it accepts, and the conversations it delivers to. */
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Adds the channel's routes to `router`; `inbound` is the core's side, kept for the channel's life. */
  mount(router: Router, inbound: Inbound): void;
  /** Delivers one stored message (retried by the outbox when it throws; PermanentDeliveryError ends that). */
  send(outbound: Outbound): Promise<void | SendResult>;
  /** Optional "the bot is working on it" signal for a slow turn. */
  typing?(target: TypingTarget): void;
  close?(): Promise<void>;
}

export type ConversationMode = 'bot' | 'handoff' | 'closed';

/** A conversation as a channel sees it. */
export interface ChannelConversation {
  id: string;
  /** The contact's address on the channel (phone number, chat id, visitor id). */
  address: string;
  language: Language | null;
  /** `handoff` while a nurse has the case. */
  mode: ConversationMode;
}

export interface ChannelContact {
  address: string;
  displayName: string | null;
  language: Language | null;
  optedOut: boolean;
}

/** A stored message of a conversation (history on reconnect, a retried webhook's replies). */
export interface HistoryEntry {
  id: number;
  direction: 'in' | 'out';
  role: Role;
  body: string;
  language: Language | null;
  meta: Record<string, unknown>;
  /** For a turn's reply: the inbound message it answers. */
  inReplyTo: number | null;
  createdAt: Date;
}

export interface InboundOptions {
  /** The person's name, kept on the contact. */
  displayName?: string;
  /** The contact the channel looked up already with `inbound.contact` (saves a query). */
  contact?: ChannelContact;
  /** The conversation the channel looked up already with `inbound.conversation` (saves the queries). */
  conversation?: ChannelConversation;
}

export interface InlineReplies {
  /** The turn finished inside the wait. */
  ready: boolean;
  /** What to answer in the response, in order (replies owed from earlier first, for `next-inbound`). */
  replies: OutboundMessage[];
  /** What the turn decided (or the owed replies' turn), when known. */
  verdict?: TurnVerdict;
}

export interface InboundHandle {
  messageId: number;
  conversation: ChannelConversation;
  /** The provider sent this message before (same external id): stored once, no second turn. */
  duplicate: boolean;
  /**
   * What to answer inside the webhook response, waiting up to `waitMs` for the turn (inline
   * channels). Each reply is delivered once: what this returns is the channel's to say; what it
   * does not is delivered later (see InlineMode). For a duplicate, the replies stored for it.
   */
  replies(waitMs: number): Promise<InlineReplies>;
}

/** Short-lived shared state for a channel's own bookkeeping (provider ids, windows); keys are the channel's to prefix. */
export type ChannelState = Pick<StateStore, 'get' | 'set' | 'del' | 'claim' | 'incr' | 'tryLock'>;

/** Per-sender rate limits on this channel, shared by every instance. */
export interface ChannelLimits {
  /** Counts one message from `sender`; over the limit, `notify` is set for the first extra one of the window. */
  inbound(sender: string): Promise<InboundVerdict>;
  /** Runs `take`; when it fails because a service is down, the count is given back. */
  refundOnOutage<T>(sender: string, take: () => Promise<T>): Promise<T>;
}

/** A provider's delivery report, read back onto the outbox row and the stored message. */
export interface DeliveryReports {
  /** Records `status` for the delivery the provider knows as `externalId`; `retry` puts it back in the queue. */
  record(externalId: string, status: string, retry?: boolean): Promise<{ attempts: number; messageId?: number } | undefined>;
  /** The stored message reached the person, or finally did not. */
  settle(messageId: number, outcome: 'delivered' | 'failed'): Promise<void>;
}

/**
 * The core's side of a channel, given to `mount`. Calling it stores an inbound message once (per
 * channel and external id) and schedules its turn; the members are the rest of what a channel
 * may ask of the core, all scoped to the channel.
 */
export interface Inbound {
  (message: Message, options?: InboundOptions): Promise<InboundHandle>;
  readonly channel: string;
  readonly config: Config;
  readonly metrics?: Metrics;
  /** Channel bookkeeping (not conversation state: that is the core's). */
  readonly state: ChannelState;
  readonly limits: ChannelLimits;
  /** A limiter with its own policy (web chat: per visitor and per IP address). */
  rateLimiter(options: RateLimiterOptions): RateLimiter;
  readonly deliveries: DeliveryReports;
  /** The contact at `address` on this channel (or on `channel`), if known. */
  contact(address: string, channel?: string): Promise<ChannelContact | undefined>;
  /**
   * The address's current conversation, opened (with its contact) when there is none. With
   * `unlessOptedOut`, undefined for an address that opted out (nothing is opened).
   */
  conversation(address: string, options?: { language?: Language; displayName?: string; unlessOptedOut?: boolean }): Promise<ChannelConversation | undefined>;
  /** The patient chose a language outside a message (a selector, a key press). */
  setLanguage(conversationId: string, language: Language): Promise<void>;
  /** The conversation's last `limit` messages, oldest first. */
  history(conversationId: string, limit?: number): Promise<HistoryEntry[]>;
  /** The buttons of a message we sent on this channel to `address` (undefined for anything else). */
  sentActions(messageId: number, address: string): Promise<SuggestedAction[] | undefined>;
  /** STOP / START: kept on the contact and audited when it changes. */
  optOut(address: string, optedOut: boolean): Promise<void>;
  /** The patient ended the conversation (web chat "End chat"): closed, and the address opted out. */
  end(conversationId: string, address: string): Promise<void>;
  /**
   * A short answer outside the dialog engine (unsupported media, over the rate limit), stored and
   * delivered like any reply, in the conversation's language (`locale` a hint when it has none):
   * at most one per address a minute, and one per `once` key (an update redelivered).
   */
  notice(address: string, key: string, options?: { once?: string; locale?: string }): Promise<void>;
  /** Keeps the provider's conversation reference for `address` (channels with `references`). */
  keepReference(address: string, reference: unknown): Promise<void>;
}
