import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryState } from '../../src/state/memory-state.js';
import { createRedisState } from '../../src/state/redis-state.js';
import type { StateStore } from '../../src/state/state-store.js';
import { dropKeys } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const prefix = `test:${randomBytes(4).toString('hex')}:`;

// One contract, every implementation. Redis runs whenever REDIS_URL is set (always in CI).
const implementations: [string, () => Promise<StateStore>][] = [['memory', async () => createMemoryState()]];
if (process.env.REDIS_URL) implementations.push(['redis', () => createRedisState({ url: process.env.REDIS_URL!, keyPrefix: prefix })]);

describe('state store environment', () => {
  it('has Redis when services are required', () => {
    if (process.env.REQUIRE_SERVICES === '1') expect(process.env.REDIS_URL).toBeTruthy();
    expect(implementations.length).toBeGreaterThanOrEqual(process.env.REDIS_URL ? 2 : 1);
  });
});

afterAll(async () => {
  if (process.env.REDIS_URL) await dropKeys(process.env.REDIS_URL, prefix);
});

describe.each(implementations)('%s state store', (_name, make) => {
  it('stores JSON values, copies them and forgets them after their TTL', async () => {
    const state = await make();
    const value = { a: 1, nested: { list: [1, 2] } };
    await state.set('k1', value, 80);
    value.a = 2;
    expect(await state.get('k1')).toEqual({ a: 1, nested: { list: [1, 2] } });
    await waitFor(async () => (await state.get('k1')) === undefined, 'k1 to expire');
    await state.set('k2', 'forever');
    await state.del('k2');
    expect(await state.get('k2')).toBeUndefined();
    await state.close();
  });

  it('claims a key once until it expires', async () => {
    const state = await make();
    expect(await state.claim('c1', 100)).toBe(true);
    expect(await state.claim('c1', 100)).toBe(false);
    // A refused claim changes nothing, so asking again is how to see the first one expire.
    await waitFor(() => state.claim('c1', 100), 'the first claim to expire');
    await state.close();
  });

  it('counts within a window that starts at the first increment', async () => {
    const state = await make();
    expect(await state.incr('n1', 100)).toBe(1);
    expect(await state.incr('n1', 100)).toBe(2);
    expect(await state.incr('n1', 100)).toBe(3);
    // Each poll counts too: a window that moved with every increment would never end here.
    await waitFor(async () => (await state.incr('n1', 100)) === 1, 'a new window');
    await state.close();
  });

  it('grants a lock to one holder; only the holder releases or extends it', async () => {
    const a = await make();
    // In-process state is shared within one process only: two holders there share one store.
    const b = a.kind === 'memory' ? a : await make();
    const lock = await a.tryLock('l1', 5000);
    expect(lock).toBeDefined();
    expect(await b.tryLock('l1', 5000)).toBeUndefined();
    expect(await lock!.extend(5000)).toBe(true);
    await lock!.release();
    const second = await b.tryLock('l1', 100);
    expect(second).toBeDefined();
    await lock!.release(); // a stale holder's release must not free the new holder's lock
    expect(await a.tryLock('l1', 100)).toBeUndefined();
    // A lease can be watched only by extending or taking it, which would change it: let it run out.
    await sleep(150);
    expect(await second!.extend(100)).toBe(false); // lease ran out
    const third = await a.tryLock('l1', 1000);
    expect(third).toBeDefined();
    await third!.release();
    await a.close();
    if (b !== a) await b.close();
  });

  it('answers ping', async () => {
    const state = await make();
    await expect(state.ping()).resolves.toBeUndefined();
    await state.close();
  });
});

describe('Redis client during an outage', () => {
  it('pipelines commands only while connected, so calls fail fast while Redis is down', async () => {
    const { startPrivateRedis } = await import('../helpers/private-services.js');
    const { createRedisClient } = await import('../../src/state/redis-state.js');
    const redis = await startPrivateRedis();
    const client = createRedisClient(redis.url, 'outage:');
    const event = (name: string) => new Promise((r) => client.once(name, r));
    try {
      await client.connect();
      expect(client.options.enableAutoPipelining).toBe(true);
      const closed = event('close');
      await redis.stop();
      await closed;
      expect(client.options.enableAutoPipelining).toBe(false);
      await expect(client.incr('n')).rejects.toThrow();
      const ready = event('ready');
      await redis.start();
      await ready;
      expect(client.options.enableAutoPipelining).toBe(true);
      expect(await client.incr('n')).toBe(1);
    } finally {
      client.disconnect();
      await redis.destroy();
    }
  });
});
