/**
 * Short-lived shared state: conversation state, locks, counters, presence. Redis when
 * several instances run; in-process for one. Everything durable lives in PostgreSQL.
 */
export interface Lock {
  /** Pushes the lease out by `leaseMs`; false if the lock was lost meanwhile. */
  extend(leaseMs: number): Promise<boolean>;
  release(): Promise<void>;
}

export interface StateStore {
  readonly kind: 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Sets `key` only if absent; true if this call set it. For "exactly once" claims. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Increments a counter that expires `ttlMs` after its first increment; returns the new count. */
  incr(key: string, ttlMs: number): Promise<number>;
  /** Takes one back from a counter made by `incr` (a refund), keeping its expiry; no-op once it expired. */
  decr(key: string): Promise<void>;
  /** A lease lock; undefined when someone else holds it. */
  tryLock(key: string, leaseMs: number): Promise<Lock | undefined>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
