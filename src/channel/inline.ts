/**
 * The webhooks of this process waiting for their turn's replies (the core's inline delivery mode,
 * src/channel/core.ts). One entry per inbound message, made when the message is accepted:
 *
 * - `wait` (the webhook, `handle.replies(waitMs)`) resolves with the replies when the turn
 *   finishes in time, or empty when time runs out first;
 * - `hand` (the turn, once its replies are stored) gives them to a webhook that is waiting, and
 *   says whether it took them. JavaScript runs one callback at a time, so the replies go to the
 *   webhook or stay the core's to deliver later, never both.
 *
 * An entry nobody waits on (the webhook answered without waiting) is dropped when its turn ends,
 * or after a while when the turn never ends. Entries are per process: a turn that runs on another
 * instance finds none, and its replies are delivered later.
 */
import type { OutboundMessage } from '../message.js';
import type { InlineReplies, TurnVerdict } from './contract.js';

interface Entry {
  waiting: boolean;
  resolve?(outcome: InlineReplies): void;
  timer?: NodeJS.Timeout;
  expiry: NodeJS.Timeout;
}

/** An entry nobody waits on is dropped after this long (its turn failed, or never ran here). */
const FORGET_AFTER_MS = 5 * 60_000;

/** The webhooks of this process waiting for their turn's replies, one entry per inbound message. */
export interface InlineWaiters {
  /** A webhook may wait for the turn of `inboundId` (made when the message is accepted). */
  expect(inboundId: number): void;
  /** True while the turn of `inboundId` has an entry here (its replies may go inline). */
  expects(inboundId: number): boolean;
  /** Waits up to `timeoutMs` for the turn; empty and not ready when it ended earlier unseen, or time runs out. */
  wait(inboundId: number, timeoutMs: number): Promise<InlineReplies>;
  /** Offers the turn's stored replies to a waiting webhook: true when it took them (the core must not send them too). */
  hand(inboundId: number, replies: OutboundMessage[], verdict: TurnVerdict): boolean;
}

export function createInlineWaiters(): InlineWaiters {
  const entries = new Map<number, Entry>();

  function drop(inboundId: number, entry: Entry): void {
    clearTimeout(entry.timer);
    clearTimeout(entry.expiry);
    if (entries.get(inboundId) === entry) entries.delete(inboundId);
  }

  return {
    /** A webhook may wait for the turn of `inboundId` (made when the message is accepted). */
    expect(inboundId: number): void {
      if (entries.has(inboundId)) return;
      const expiry = setTimeout(() => entries.delete(inboundId), FORGET_AFTER_MS);
      expiry.unref();
      entries.set(inboundId, { waiting: false, expiry });
    },
    /** True while the turn of `inboundId` has an entry here (its replies may go inline). */
    expects(inboundId: number): boolean {
      return entries.has(inboundId);
    },
    /** Waits up to `timeoutMs` for the turn; empty and not ready when it ended earlier unseen, or time runs out. */
    wait(inboundId: number, timeoutMs: number): Promise<InlineReplies> {
      const entry = entries.get(inboundId);
      if (!entry) return Promise.resolve({ ready: false, replies: [] });
      return new Promise((resolve) => {
        entry.waiting = true;
        entry.resolve = resolve;
        entry.timer = setTimeout(() => {
          drop(inboundId, entry);
          resolve({ ready: false, replies: [] });
        }, timeoutMs);
      });
    },
    /** The turn's stored replies: true when a waiting webhook took them. */
    hand(inboundId: number, replies: OutboundMessage[], verdict: TurnVerdict): boolean {
      const entry = entries.get(inboundId);
      if (!entry) return false;
      drop(inboundId, entry);
      if (!entry.waiting || !entry.resolve) return false;
      entry.resolve({ ready: true, replies, verdict });
      return true;
    },
  };
}
