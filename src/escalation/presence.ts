import type { Logger } from '../logger.js';
import type { StateStore } from '../state/state-store.js';
import type { Presence } from './assignment.js';
import type { StaffDesk } from './desk.js';

/** The shared view: statuses by staff id, and when they were read. */
export interface PresenceSnapshot {
  at: number;
  statuses: Record<string, Presence>;
}

/** Where presence comes from: the staff desk. */
export type PresenceSource = Pick<StaffDesk, 'pool' | 'statuses' | 'describeError'>;

const KEY = 'mm:presence';
const POLL_LOCK = 'mm:presence:poll';

/** Who among the staff is around, as every instance sees it. */
export interface PresenceTracker {
  /** Polls the desk now and shares what it says. */
  refresh(): Promise<PresenceSnapshot>;
  /** Statuses no older than `maxAgeMs`, polling the desk if the shared view is older. */
  current(maxAgeMs: number): Promise<Record<string, Presence>>;
  /** Polls periodically (one instance per interval). */
  start(): void;
  stop(): void;
}

/**
 * Who among the nurses is online, shared by every instance through the state store. A
 * periodic poll (one instance per interval) keeps it fresh, and assignment asks for a
 * fresh-enough view before choosing. (A desk need not push other users' status changes:
 * Mattermost sends `status_change` only to the user whose status changed.)
 */
export function createPresence({ source, state, logger, pollMs = 30_000 }: { source: PresenceSource; state: StateStore; logger: Logger; pollMs?: number }): PresenceTracker {
  let timer: NodeJS.Timeout | undefined;
  const ttl = () => pollMs * 4;

  async function refresh(): Promise<PresenceSnapshot> {
    const nurses = await source.pool();
    const statuses = await source.statuses(nurses.map((n) => n.id));
    const snapshot: PresenceSnapshot = { at: Date.now(), statuses };
    await state.set(KEY, snapshot, ttl());
    return snapshot;
  }

  return {
    refresh,
    /**
     * Statuses no older than `maxAgeMs`, polling the desk if the shared view is older.
     * If the poll fails, an older shared view is better than none.
     */
    async current(maxAgeMs: number): Promise<Record<string, Presence>> {
      const saved = await state.get<PresenceSnapshot>(KEY);
      if (saved && Date.now() - saved.at <= maxAgeMs) return saved.statuses;
      try {
        return (await refresh()).statuses;
      } catch (err) {
        if (!saved) throw err;
        logger.warn({ err: source.describeError(err), ageMs: Date.now() - saved.at }, 'presence poll failed; using the last shared view');
        return saved.statuses;
      }
    },
    start(): void {
      timer = setInterval(() => {
        void (async () => {
          if (!(await state.claim(POLL_LOCK, pollMs * 0.9))) return;
          await refresh();
        })().catch((err) => logger.debug({ err: source.describeError(err) }, 'presence poll failed'));
      }, pollMs);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
