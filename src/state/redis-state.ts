import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { OutageLog } from '../outage-log.js';
import type { Lock, StateStore } from './state-store.js';

// Compare-and-act scripts so a lock is only released or extended by its holder.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
// Gives back one count without touching the expiry, and never below zero or for a key that expired.
const DECR = `if redis.call('get', KEYS[1]) and tonumber(redis.call('get', KEYS[1])) > 0 then return redis.call('decr', KEYS[1]) else return 0 end`;
const INCR = `local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n`;

export interface RedisStateOptions {
  url: string;
  keyPrefix: string;
  /** Connection failures become UnavailableError and are logged once per outage. */
  outage?: OutageLog;
}

/**
 * A client whose connection errors go to the outage log. With no 'error' listener ioredis
 * prints every failed reconnect to the console itself, outside our JSON logs.
 */
export function createRedisClient(url: string, keyPrefix = '', outage?: OutageLog): Redis {
  const client = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    // Back off up to 2 s between reconnects; commands fail fast while Redis is down.
    retryStrategy: (times) => Math.min(times * 100, 2000),
    enableOfflineQueue: true,
    // Commands issued in the same tick (many visitors' rate-limit counts, socket.io broadcasts)
    // go out in one write and come back in one read (switched on once connected, see below).
    enableAutoPipelining: false,
  });
  client.on('error', (err) => void outage?.failure('state', err));
  client.on('ready', () => outage?.success('state'));
  // Pipelined only while connected: during an outage a pipelined command waits for the whole
  // batch's retries (seconds), a plain one fails fast, so callers can say `unavailable` at once.
  client.on('ready', () => void (client.options.enableAutoPipelining = true));
  client.on('close', () => void (client.options.enableAutoPipelining = false));
  return client;
}

export async function createRedisState({ url, keyPrefix, outage }: RedisStateOptions): Promise<StateStore & { redis: Redis }> {
  const redis = createRedisClient(url, keyPrefix, outage);
  await redis.connect();
  // The scripts by their SHA (EVALSHA, loaded on first use), not their text on every call.
  redis.defineCommand('carerelayIncr', { numberOfKeys: 1, lua: INCR });
  redis.defineCommand('carerelayDecr', { numberOfKeys: 1, lua: DECR });
  const scripts = redis as unknown as {
    carerelayIncr(key: string, ttlMs: number): Promise<number>;
    carerelayDecr(key: string): Promise<number>;
  };

  const store: StateStore & { redis: Redis } = {
    kind: 'redis',
    redis,
    async get<T>(key: string) {
      const raw = await redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlMs) {
      const raw = JSON.stringify(value);
      if (ttlMs) await redis.set(key, raw, 'PX', Math.ceil(ttlMs));
      else await redis.set(key, raw);
    },
    async del(key) {
      await redis.del(key);
    },
    async claim(key, ttlMs) {
      return (await redis.set(key, '1', 'PX', Math.ceil(ttlMs), 'NX')) === 'OK';
    },
    async incr(key, ttlMs) {
      return Number(await scripts.carerelayIncr(key, Math.ceil(ttlMs)));
    },
    async decr(key) {
      await scripts.carerelayDecr(key);
    },
    async tryLock(key, leaseMs): Promise<Lock | undefined> {
      const token = randomUUID();
      const ok = await redis.set(key, token, 'PX', Math.ceil(leaseMs), 'NX');
      if (ok !== 'OK') return undefined;
      return {
        async extend(ms) {
          return Number(await redis.eval(EXTEND, 1, key, token, Math.ceil(ms))) === 1;
        },
        async release() {
          await redis.eval(RELEASE, 1, key, token);
        },
      };
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
  if (!outage) return store;
  // Every call reports to the outage log; connection failures reach callers as UnavailableError.
  for (const name of ['get', 'set', 'del', 'claim', 'incr', 'decr', 'tryLock', 'ping'] as const) {
    const call = store[name] as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      call(...args).then(
        (value) => (outage.success('state'), value),
        (err) => {
          throw outage.failure('state', err);
        },
      );
  }
  return store;
}
