import { randomInt } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';

/**
 * This process's identity in the shared database, and the proof that it is alive.
 *
 * The id is a random number that this instance holds as a PostgreSQL session advisory lock on a
 * connection of its own. Whatever the instance claims (a conversation's turns, an outbox row) is
 * marked with the id. PostgreSQL releases a session lock the moment the session ends, so when the
 * process dies (SIGKILL, a crash, the machine) its lock is free at once, and any other instance
 * can tell with `pg_try_advisory_xact_lock(id)` that the claim's holder is gone: no lease to wait
 * out. Tests and recovery code use the same check (see `holderIsDead` in the store).
 *
 * A single-session database (PGlite) has no second session: there the DATA_DIR lock already
 * guarantees one process, so every holder other than ourselves is a previous process, and the
 * same SQL check finds its lock free.
 */
export interface InstanceLock {
  /** The advisory lock key; also the value written as holder / claimed_by. */
  readonly id: number;
  /** Resolves once the lock is held the first time (at once for a single-session database). */
  readonly ready: Promise<void>;
  /** True while the lock is known to be held. */
  readonly held: boolean;
  /**
   * Other live instances that the database cannot tell apart from dead ones: on a single-session
   * database, the other instance locks of this process on the same database (tests run two
   * processors on one PGlite). Empty on PostgreSQL, where every instance has its own session.
   */
  peers(): number[];
  close(): Promise<void>;
}

// Up to 2^47: a bigint in PostgreSQL, an exact number in JavaScript, never colliding in practice
// with the small fixed keys the migrations use.
const newId = () => randomInt(1 << 20, 2 ** 47);

const singleSessionLocks = new WeakMap<Database, Set<number>>();
const NO_PEERS: number[] = [];

export function createInstanceLock(db: Database, logger?: Logger): InstanceLock {
  let id = newId();
  let held = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  if (db.singleSession) {
    const live = singleSessionLocks.get(db) ?? new Set<number>();
    singleSessionLocks.set(db, live);
    live.add(id);
    held = true;
    markReady();
    return {
      id,
      ready,
      get held() {
        return held;
      },
      peers: () => (live.size > 1 ? [...live].filter((other) => other !== id) : NO_PEERS),
      async close() {
        closed = true;
        held = false;
        live.delete(id);
      },
    };
  }

  let wait = 100;
  async function acquire(): Promise<void> {
    retry = undefined;
    if (closed) return;
    let c: pg.Client | undefined;
    try {
      c = await db.dedicatedClient();
      const mine = c;
      mine.on('error', () => undefined);
      mine.once('end', () => {
        if (client !== mine) return;
        client = undefined;
        held = false;
        if (!closed) {
          logger?.warn({ instance: id }, 'instance lock connection lost; taking it again');
          schedule();
        }
      });
      // Before the first claim the id can still change; afterwards it must stay ours (claims carry it).
      for (let tries = 0; ; tries++) {
        const { rows } = await mine.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [id]);
        if (rows[0]?.ok) break;
        // Someone checking whether we are alive holds it for one statement; or, before we ever
        // held it, another process drew the same number.
        if (!held && tries === 0 && !readyDone) id = newId();
        await new Promise((r) => setTimeout(r, 20));
        if (closed) throw new Error('closed');
      }
      if (closed) {
        await mine.end().catch(() => undefined);
        return;
      }
      client = mine;
      held = true;
      wait = 100;
      if (!readyDone) {
        readyDone = true;
        markReady();
      }
    } catch (err) {
      await c?.end().catch(() => undefined);
      if (closed || (err as Error).message === 'database closed') return;
      logger?.debug({ err: (err as Error).message }, 'instance lock not taken yet; retrying');
      schedule();
    }
  }
  function schedule(): void {
    if (closed || retry) return;
    retry = setTimeout(() => void acquire(), wait);
    retry.unref();
    wait = Math.min(wait * 2, 1000);
  }
  let readyDone = false;
  void acquire();

  return {
    get id() {
      return id;
    },
    ready,
    get held() {
      return held;
    },
    peers: () => NO_PEERS,
    async close() {
      closed = true;
      clearTimeout(retry);
      held = false;
      const c = client;
      client = undefined;
      // Ending the session releases the lock: our claims become visibly abandoned at once.
      await c?.end().catch(() => undefined);
    },
  };
}
