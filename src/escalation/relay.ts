import { isLanguage } from '../language/languages.js';
import type { OutboxJob } from '../outbox/outbox.js';
import type { CaseJobs } from './case-jobs.js';
import { JOB, JOBS, type EscalationDeps, type RelayPayload } from './deps.js';
import { errorText, type StaffMessage } from './desk.js';
import { handOver, notifyPatient } from './policy.js';

/** A nurse's message starting with this stays an internal note in the case channel. */
export const NOTE_PREFIX = '//';

const isOpenState = (state: string) => state === 'queued' || state === 'offered' || state === 'claimed';

/**
 * Staff messages in a case's room on the desk → the patient's channel. Every instance hears
 * every message on its own connection; the outbox key `relay:<postId>` lets exactly one of them relay it,
 * and the stored message's delivery key `relay:<postId>` makes a retried or doubly run relay a no-op.
 */
export interface Relay {
  /** Registers the relay job with the outbox. */
  register(): void;
  /** Queues a staff message the desk heard for the patient, keeping the order the desk sent them in. */
  onStaffMessage(message: StaffMessage): void;
  /** After the desk's event stream restarts, relays what open case rooms said while it was down. */
  catchUp(): Promise<void>;
}

export function createRelay(deps: EscalationDeps, jobs: CaseJobs): Relay {
  const { cases, outbox, store, logger } = deps;
  let queue: Promise<void> = Promise.resolve();

  /** The desk has already left out the bot's own and system messages (see DeskListeners). */
  async function enqueue(message: StaffMessage): Promise<void> {
    const c = await cases.byChannel(message.roomId);
    if (!c || !isOpenState(c.state)) return;
    // The payload keeps its original field names: rows queued by an older build still parse.
    const payload: RelayPayload = { postId: message.id, channelId: message.roomId, userId: message.userId, message: message.text };
    await outbox.enqueue(JOB.relay, `relay:${message.id}`, { ...payload }, { orderingKey: `relay:${message.roomId}` });
  }

  /** Enqueues in arrival order; one failure does not hold back the posts after it. */
  function serial(message: StaffMessage): Promise<void> {
    queue = queue.then(() => enqueue(message)).catch((err) => logger.warn({ err: errorText(err, deps.desk) }, 'could not queue a nurse message'));
    return queue;
  }

  async function run(job: OutboxJob<RelayPayload>): Promise<void> {
    const { postId, channelId, userId, message } = job.payload;
    const c = await cases.byChannel(channelId);
    if (!c || !isOpenState(c.state)) return;
    const text = message.trim();
    if (text.startsWith(NOTE_PREFIX)) {
      await cases.appendEvent(c.id, 'note', `mm:${userId}`, { postId }, `note:${postId}`);
      return;
    }
    const conversation = await store.conversations.get(c.conversationId);
    if (!conversation) return;
    if (await cases.messageWithMeta(conversation.id, 'mattermostPostId', postId)) return;
    const desk = deps.desk;
    if (!desk) throw new Error('no staff desk is configured');
    // Our own posts (the card, the patient's quoted words) must never echo back to the patient.
    if (userId === (await desk.ready()).botUserId) return;
    const nurse = await desk.member(userId);

    // A nurse who writes to the patient has taken the case, whether or not they clicked Claim.
    if (c.state !== 'claimed') {
      const { claimed, case: now } = await cases.claim(c.id, userId, nurse.firstName);
      if (claimed && now) {
        await handOver(store.conversations, conversation.id);
        await notifyPatient(deps, now, 'claimed', { name: nurse.firstName });
        await jobs.enqueueCardRefresh(now, 'claimed');
      }
    }
    const language = isLanguage(c.language) ? c.language : (conversation.language ?? deps.config.defaultLanguage);
    const out = await deps.processor.deliver(conversation, { role: 'nurse', text, language, senderName: nurse.firstName }, { mattermostPostId: postId, caseId: c.id }, `relay:${postId}`);
    await cases.appendEvent(c.id, 'relayed_to_patient', `mm:${userId}`, { postId, messageId: Number(out.id) }, `relay:${postId}`);
  }

  /**
   * After the event stream restarts (first connect, or a reconnect that lost events), look
   * for posts in open case channels that may have been missed. Duplicates are harmless.
   */
  async function catchUp(): Promise<void> {
    const desk = deps.desk;
    if (!desk) return;
    const lostAt = desk.disconnectedAt;
    const open = (await cases.listOpen()).filter((c) => c.roomId);
    for (const c of open) {
      const from = lostAt ?? new Date(c.createdAt).getTime();
      try {
        for (const message of await desk.messagesSince(c.roomId!, from - 60_000)) await serial(message);
      } catch (err) {
        logger.warn({ caseId: c.id, err: errorText(err, desk) }, 'catching up on case channel failed');
      }
    }
  }

  return {
    register(): void {
      outbox.register(JOBS.relay, run);
    },
    /**
     * Called for each staff message the desk hears. Queued one after another, in the order
     * the desk sent them, so the outbox rows (and the patient) keep that order.
     */
    onStaffMessage(message: StaffMessage): void {
      void serial(message);
    },
    catchUp,
  };
}
