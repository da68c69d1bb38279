import type { CaseJobs } from './case-jobs.js';
import { deadlineFor, type EscalationDeps } from './deps.js';
import { errorText } from './desk.js';
import { handBack, notifyPatient } from './policy.js';
import type { Undelivered } from './undelivered.js';

/** A case nobody claims for this long is closed, and the patient is pointed elsewhere. */
export const MAX_UNCLAIMED_MS = 12 * 3600_000;
/** How long a queued case may sit before its delivery to the staff desk is checked on. */
const QUEUED_CHECK_MS = 30_000;
/** Rungs of the ladder: 1 first nurses, 2 next nurses, 3 an alert to all staff. */
const LAST_ROUND = 3;
const SWEEP_LOCK = 'escalation:sweep';
/** Dead nurse messages are looked for this often (they wait 10 minutes before a retry anyway). */
const UNDELIVERED_EVERY_MS = 60_000;

/** Sweeps often enough for the shortest deadline (a quarter of it), within 250 ms … 15 s. */
export function sweepInterval(deadlines: Record<string, number>): number {
  return Math.min(15_000, Math.max(250, Math.min(...Object.values(deadlines)) / 4));
}

/**
 * The clock of the escalation path, shared by all instances (one sweeps per interval; each
 * step is a conditional UPDATE, so two sweeps never take the same step):
 * unclaimed past the deadline → next rung; queued cases whose delivery job died → queued
 * again; unclaimed for far too long → abandoned.
 */
export function createDeadlines(deps: EscalationDeps, jobs: CaseJobs, undelivered?: Undelivered) {
  const { cases, outbox, logger, config, state } = deps;
  const intervalMs = sweepInterval(config.caseDeadlinesMs);
  let undeliveredAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function advanceOverdue(): Promise<void> {
    for (const c of await cases.overdue()) {
      const next = c.offerRound + 1;
      const deadline = next < LAST_ROUND ? deadlineFor(config, c.priority) : null;
      const advanced = await cases.advanceRound(c.id, c.offerRound, deadline);
      if (advanced) await jobs.enqueueRound(advanced, next);
    }
  }

  /** Cases that never reached the staff desk (it was off, or down long enough for the job to give up). */
  async function requeueStuck(): Promise<void> {
    for (const c of await cases.queuedNeedingWork(QUEUED_CHECK_MS)) {
      if (c.openJobId === null) {
        await jobs.enqueueOpen(c, 0);
        continue;
      }
      const job = await outbox.get(c.openJobId);
      if (job?.status === 'dead') await jobs.enqueueOpen(c, c.openGeneration + 1);
      else await cases.touch(c.id);
    }
  }

  async function abandonStale(): Promise<void> {
    for (const c of await cases.unclaimedOlderThan(MAX_UNCLAIMED_MS)) {
      const closed = await cases.close(c.id, 'abandoned', 'system');
      if (!closed) continue;
      await handBack(deps.store.conversations, c.conversationId);
      await notifyPatient(deps, closed, 'abandoned');
      if (closed.cardId) await jobs.enqueueCardRefresh(closed, 'abandoned');
    }
  }

  async function sweep(): Promise<void> {
    if (!deps.desk) return;
    if (!(await state.claim(SWEEP_LOCK, intervalMs * 0.8))) return;
    await advanceOverdue();
    if (deps.desk.connected) await requeueStuck();
    await abandonStale();
    if (undelivered && deps.clock.now() - undeliveredAt >= UNDELIVERED_EVERY_MS) {
      undeliveredAt = deps.clock.now();
      await undelivered.sweep();
    }
  }

  return {
    intervalMs,
    sweep,
    /** Tests: look for dead nurse messages at the next sweep, whatever the minute says. */
    forgetUndeliveredPass(): void {
      undeliveredAt = 0;
    },
    start(): void {
      timer = setInterval(() => {
        if (running) return;
        running = sweep()
          .catch((err) => logger.warn({ err: errorText(err, deps.desk) }, 'escalation sweep failed'))
          .finally(() => {
            running = undefined;
          });
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
