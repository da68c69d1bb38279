/**
 * Per-sender limits, shared by every instance through the state store (Redis when configured,
 * in-process otherwise). Fixed windows: `state.incr(key, windowMs)` counts from the first hit.
 *
 *   const limits = createRateLimiter(state);
 *   const verdict = await limits.inbound('sms', phoneNumber);   // or ('telegram', chatId), ('ip', req.ip)
 *   if (!verdict.allowed) { if (verdict.notify) tellThemPolitely(); return; }   // notify: once per window
 *   if (!(await limits.outbound(conversation.id))) drop the bot's message (a loop or a storm)
 *
 * Over the inbound limit, only the first extra message of a window gets an answer (`notify`);
 * the rest are dropped silently, so a flood never turns into a flood of replies. The outbound
 * cap counts the bot's own messages per conversation and protects against bot-to-bot loops
 * (an auto-responder on the other end); nurse messages should not be counted.
 */
import { isConnectionFailure } from './errors.js';
import type { StateStore } from './state/state-store.js';

export interface RateLimitPolicy {
  /** Messages allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimiterOptions {
  /** Per sender (phone number, chat id, visitor, IP). Default 15 per minute. */
  inbound?: RateLimitPolicy;
  /** The bot's own messages per conversation. Default 30 per minute. */
  outbound?: RateLimitPolicy;
  /** Key namespace in the state store. */
  prefix?: string;
}

export interface InboundVerdict {
  allowed: boolean;
  /** Over the limit for the first time this window: answer once with a polite notice. */
  notify: boolean;
  /** Messages counted this window, including this one. */
  count: number;
}

export const DEFAULT_INBOUND: RateLimitPolicy = { limit: 15, windowMs: 60_000 };
export const DEFAULT_OUTBOUND: RateLimitPolicy = { limit: 30, windowMs: 60_000 };

/** Per-sender limits as channels and the core use them (see the top of this file). */
export interface RateLimiter {
  readonly inboundPolicy: RateLimitPolicy;
  readonly outboundPolicy: RateLimitPolicy;
  /** Counts one message from `sender` on `scope` (a channel name, or `ip`). */
  inbound(scope: string, sender: string): Promise<InboundVerdict>;
  /** Gives back a message counted by `inbound` that could not be taken (a service was unavailable). */
  refund(scope: string, sender: string): Promise<void>;
  /** Runs `take` (storing the message counted by `inbound`); refunds the count when it fails because a service is down. */
  refundOnOutage<T>(scope: string, sender: string, take: () => Promise<T>): Promise<T>;
  /** Counts one bot message to the conversation; false when the cap for this window is reached. */
  outbound(conversationId: string): Promise<boolean>;
}

export function createRateLimiter(state: StateStore, options: RateLimiterOptions = {}): RateLimiter {
  const inboundPolicy = options.inbound ?? DEFAULT_INBOUND;
  const outboundPolicy = options.outbound ?? DEFAULT_OUTBOUND;
  const prefix = options.prefix ?? 'rl';
  return {
    inboundPolicy,
    outboundPolicy,
    /** Counts one message from `sender` on `scope` (a channel name, or `ip`). */
    async inbound(scope: string, sender: string): Promise<InboundVerdict> {
      const count = await state.incr(`${prefix}:in:${scope}:${sender}`, inboundPolicy.windowMs);
      const allowed = count <= inboundPolicy.limit;
      // incr is atomic, so exactly one message per window sees limit + 1.
      return { allowed, notify: count === inboundPolicy.limit + 1, count };
    },
    /**
     * Gives back a message counted by `inbound` that could not be taken (the database or Redis
     * was unavailable), so retries during an outage do not use up the sender's allowance.
     */
    async refund(scope: string, sender: string): Promise<void> {
      await state.decr(`${prefix}:in:${scope}:${sender}`);
    },
    /** Runs `take` (storing the message counted by `inbound`); refunds the count when it fails because a service is down. */
    async refundOnOutage<T>(scope: string, sender: string, take: () => Promise<T>): Promise<T> {
      try {
        return await take();
      } catch (err) {
        if (isConnectionFailure(err)) await state.decr(`${prefix}:in:${scope}:${sender}`).catch(() => undefined);
        throw err;
      }
    },
    /** Counts one bot message to the conversation; false when the cap for this window is reached. */
    async outbound(conversationId: string): Promise<boolean> {
      const count = await state.incr(`${prefix}:out:${conversationId}`, outboundPolicy.windowMs);
      return count <= outboundPolicy.limit;
    },
  };
}
