import { randomUUID } from 'node:crypto';
import type { Lock, StateStore } from './state-store.js';

interface Entry {
  value: unknown;
  expiresAt: number;
}

/** One process only: the default when REDIS_URL is unset. Values are copied so callers can't mutate stored state. */
export function createMemoryState(): StateStore {
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e && e.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  const put = (key: string, value: unknown, ttlMs?: number) =>
    entries.set(key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Number.POSITIVE_INFINITY });
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k);
  }, 30_000);
  sweep.unref();

  return {
    kind: 'memory',
    async get<T>(key: string) {
      const e = live(key);
      return e ? (structuredClone(e.value) as T) : undefined;
    },
    async set(key, value, ttlMs) {
      put(key, structuredClone(value), ttlMs);
    },
    async del(key) {
      entries.delete(key);
    },
    async claim(key, ttlMs) {
      if (live(key)) return false;
      put(key, 1, ttlMs);
      return true;
    },
    async incr(key, ttlMs) {
      const e = live(key);
      const next = ((e?.value as number | undefined) ?? 0) + 1;
      if (e) e.value = next;
      else put(key, next, ttlMs);
      return next;
    },
    async decr(key) {
      const e = live(key);
      if (e && typeof e.value === 'number' && e.value > 0) e.value -= 1;
    },
    async tryLock(key, leaseMs): Promise<Lock | undefined> {
      if (live(key)) return undefined;
      const token = randomUUID();
      put(key, token, leaseMs);
      return {
        async extend(ms) {
          const e = live(key);
          if (!e || e.value !== token) return false;
          e.expiresAt = Date.now() + ms;
          return true;
        },
        async release() {
          if (live(key)?.value === token) entries.delete(key);
        },
      };
    },
    async ping() {},
    async close() {
      clearInterval(sweep);
      entries.clear();
    },
  };
}
