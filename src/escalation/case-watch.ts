import { systemClock, type Clock } from '../clock.js';
import { Gauge, type Registry } from 'prom-client';
import type { Queryable } from '../db/database.js';
import { isConnectionFailure } from '../errors.js';
import type { Logger } from '../logger.js';
import type { StateStore } from '../state/state-store.js';
import { waitingSummary, type WaitingSummary } from './case-queue.js';
import type { CaseState, Priority } from './cases-store.js';

/** How often cases waiting with no staff desk are logged (one instance logs per interval). */
export const UNATTENDED_LOG_MS = 5 * 60_000;
/** A scrape reuses counts this fresh: several Prometheus servers, or instances, do not multiply queries. */
export const SUMMARY_TTL_MS = 5_000;
const LOG_LOCK = 'cases:unattended-log';
const PRIORITIES: Priority[] = ['emergency', 'urgent', 'routine'];
const OPEN: CaseState[] = ['queued', 'offered', 'claimed'];

export interface CaseWatchOptions {
  db: Queryable;
  state: StateStore;
  logger: Logger;
  /** Whether a staff desk (Mattermost) is configured to put waiting cases in front of nurses. */
  desk: boolean;
  intervalMs?: number;
  /** When the cached counts go stale; the system clock by default. */
  clock?: Clock;
}

/** Waiting cases kept in sight: gauges on /metrics, and the no-desk warning in the log. */
export interface CaseWatch {
  /** Open cases by state and priority, and the oldest unclaimed (briefly cached). */
  summary(): Promise<WaitingSummary>;
  /** Logs the waiting cases when no desk is configured; returns how many wait. */
  report(): Promise<number>;
  /** Registers the gauges on a Prometheus registry (GET /metrics). */
  register(registry: Registry): void;
  /** With no desk configured: the warning soon after start, then every interval (one instance logs). */
  start(): void;
  stop(): void;
}

/**
 * Keeps waiting cases visible: Prometheus gauges read from the database on scrape (every
 * instance reports the same numbers; alert on their max), and, with no staff desk
 * configured, a warning every few minutes while cases wait, so nobody can miss them in the log.
 */
export function createCaseWatch({ db, state, logger, desk, intervalMs = UNATTENDED_LOG_MS, clock = systemClock }: CaseWatchOptions): CaseWatch {
  let cached: { at: number; summary: WaitingSummary } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;

  async function summary(): Promise<WaitingSummary> {
    if (cached && clock.now() - cached.at < SUMMARY_TTL_MS) return cached.summary;
    const fresh = await waitingSummary(db);
    cached = { at: clock.now(), summary: fresh };
    return fresh;
  }

  const waitingBy = (s: WaitingSummary) => {
    const out: Record<Priority, number> = { emergency: 0, urgent: 0, routine: 0 };
    for (const row of s.open) if (row.state !== 'claimed') out[row.priority] += row.count;
    return out;
  };

  /** Logs the waiting cases when no desk is configured; returns how many wait. */
  async function report(): Promise<number> {
    if (desk) return 0;
    const s = await summary();
    const by = waitingBy(s);
    const waiting = by.emergency + by.urgent + by.routine;
    if (waiting > 0) {
      logger.warn(
        { waiting, ...by, oldestMinutes: Math.floor(s.oldestUnclaimedSeconds / 60) },
        'cases waiting with no staff desk: Mattermost is not configured, nobody was notified; see `carerelay cases list`',
      );
    }
    return waiting;
  }

  return {
    summary,
    report,
    /** Registers the gauges on a Prometheus registry (GET /metrics). */
    register(registry: Registry): void {
      // Failed reads keep the last numbers: a scrape during an outage still answers.
      const read = async () => {
        try {
          return await summary();
        } catch (err) {
          if (!isConnectionFailure(err)) logger.debug({ err: (err as Error).message }, 'case metrics not read');
          return cached?.summary;
        }
      };
      new Gauge({
        name: 'carerelay_cases_open',
        help: 'Open escalation cases by state (queued: not yet in front of staff; offered: waiting for a claim; claimed) and priority',
        labelNames: ['state', 'priority'],
        registers: [registry],
        async collect() {
          const s = await read();
          if (!s) return;
          for (const st of OPEN) for (const p of PRIORITIES) this.set({ state: st, priority: p }, s.open.find((r) => r.state === st && r.priority === p)?.count ?? 0);
        },
      });
      new Gauge({
        name: 'carerelay_cases_oldest_unclaimed_seconds',
        help: 'How long the longest-waiting unclaimed case has waited (0 when none)',
        registers: [registry],
        async collect() {
          const s = await read();
          if (s) this.set(s.oldestUnclaimedSeconds);
        },
      });
      new Gauge({
        name: 'carerelay_cases_unattended',
        help: 'Cases waiting for a nurse while no staff desk (Mattermost) is configured: nobody was notified of them',
        labelNames: ['priority'],
        registers: [registry],
        async collect() {
          const s = desk ? undefined : await read();
          const by = s ? waitingBy(s) : { emergency: 0, urgent: 0, routine: 0 };
          for (const p of PRIORITIES) this.set({ priority: p }, by[p]);
        },
      });
      new Gauge({
        name: 'carerelay_staff_desk_configured',
        help: '1 when escalations reach a staff desk (Mattermost), 0 when they only wait in the database',
        registers: [registry],
        collect() {
          this.set(desk ? 1 : 0);
        },
      });
    },
    start(): void {
      if (desk) return;
      const tick = () =>
        void (async () => {
          if (!(await state.claim(LOG_LOCK, intervalMs * 0.9))) return;
          await report();
        })().catch((err) => void (isConnectionFailure(err) || logger.warn({ err: (err as Error).message }, 'waiting-case check failed')));
      // Once soon after start (a restart must not hide them for five minutes), then every interval.
      first = setTimeout(tick, Math.min(10_000, intervalMs));
      first.unref();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop(): void {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
