/**
 * Lets a webhook answer with its turn's replies in the HTTP response (TwiML, JSON) when the
 * turn finishes in time, without the outbox also sending them.
 *
 * The webhook opens a window for its inbound message id and waits. While the window is open,
 * the channel's `send()` hands each reply to it (`capture`) instead of calling the provider, and
 * the after-turn hook closes it (`finish`, with everything the turn delivered). When time runs out
 * the window closes first: replies captured so far still go into the response, later ones are sent
 * the ordinary way. JavaScript runs one callback at a time, so a reply is captured at most once.
 * Windows are per process; a turn that runs on another instance finds none and sends normally.
 */
import type { TurnResult } from '../../src/engine/context.js';
import type { OutboundMessage } from '../../src/message.js';

export interface InlineOutcome<T> {
  /** The turn finished inside the window. */
  ready: boolean;
  /** What `send()` handed over, in order. */
  replies: T[];
  result?: TurnResult;
  /** Everything the turn delivered (from the after-turn hook), captured or not. */
  sent?: OutboundMessage[];
}

interface Window<T> {
  conversationId: string;
  replies: T[];
  open: boolean;
  done(outcome: InlineOutcome<T>): void;
}

export function createInlineReplies<T = OutboundMessage>() {
  const windows = new Map<number, Window<T>>();

  function close(inboundId: number, window: Window<T>): void {
    window.open = false;
    windows.delete(inboundId);
  }

  return {
    /** Waits up to `timeoutMs` for the turn of `inboundId` (stored in `conversationId`) to finish. */
    wait(inboundId: number, conversationId: string, timeoutMs: number): Promise<InlineOutcome<T>> {
      return new Promise((resolve) => {
        const window: Window<T> = {
          conversationId,
          replies: [],
          open: true,
          done: (outcome) => {
            clearTimeout(timer);
            resolve(outcome);
          },
        };
        const timer = setTimeout(() => {
          if (!window.open) return;
          close(inboundId, window);
          resolve({ ready: false, replies: window.replies });
        }, timeoutMs);
        windows.set(inboundId, window);
      });
    },
    /**
     * True when a webhook of `conversationId` takes `reply`; the caller must then not send it.
     * With several waiting (a patient sending twice quickly) the oldest takes it: turns run in
     * order, so that is the one being answered. Either way the patient reads it exactly once.
     */
    capture(conversationId: string, reply: T): boolean {
      for (const window of windows.values()) {
        if (window.open && window.conversationId === conversationId) {
          window.replies.push(reply);
          return true;
        }
      }
      return false;
    },
    /**
     * After-turn hook: the turn is complete; `sent` is everything it delivered. True when a waiting
     * webhook received the outcome. A reply the outbox has not reached yet is not captured: the
     * webhook may still take it (see the SMS channel's ownership claim) or leave it to the outbox.
     */
    finish(inboundId: number, result: TurnResult, sent: OutboundMessage[]): boolean {
      const window = windows.get(inboundId);
      if (!window?.open) return false;
      close(inboundId, window);
      window.done({ ready: true, replies: window.replies, result, sent });
      return true;
    },
  };
}

export type InlineReplies<T = OutboundMessage> = ReturnType<typeof createInlineReplies<T>>;
