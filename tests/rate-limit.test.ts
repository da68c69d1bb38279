/**
 * Per-sender limits over both state stores: in-process always, Redis when REDIS_URL is set
 * (each run under its own key prefix).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/rate-limit.js';
import { createMemoryState } from '../src/state/memory-state.js';
import { createRedisState } from '../src/state/redis-state.js';
import type { StateStore } from '../src/state/state-store.js';
import { dropKeys } from './helpers/app.js';
import { waitFor } from './helpers/wait-for.js';

const prefix = `test:${randomBytes(4).toString('hex')}:`;
const stores: [string, () => Promise<StateStore>][] = [['memory', async () => createMemoryState()]];
if (process.env.REDIS_URL) stores.push(['redis', () => createRedisState({ url: process.env.REDIS_URL!, keyPrefix: prefix })]);
const opened: StateStore[] = [];

afterAll(async () => {
  for (const s of opened) await s.close();
  if (process.env.REDIS_URL) await dropKeys(process.env.REDIS_URL, prefix);
});

describe.each(stores)('rate limiter on %s state', (_name, open) => {
  it('allows up to the limit, notifies exactly once, then stays quiet until the window ends', async () => {
    const state = await open();
    opened.push(state);
    const limiter = createRateLimiter(state, { inbound: { limit: 3, windowMs: 400 } });
    const verdicts = [];
    for (let i = 0; i < 6; i++) verdicts.push(await limiter.inbound('sms', '+15550001'));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false, false]);
    expect(verdicts.map((v) => v.notify)).toEqual([false, false, false, true, false, false]);
    // Another sender and another channel have their own counters.
    expect((await limiter.inbound('sms', '+15550002')).allowed).toBe(true);
    expect((await limiter.inbound('telegram', '+15550001')).allowed).toBe(true);
    // Asking is counting: refused until the window ends, with no second notice, then a new window.
    const asked: { allowed: boolean; notify: boolean }[] = [];
    const next = await waitFor(async () => {
      const verdict = await limiter.inbound('sms', '+15550001');
      asked.push(verdict);
      return verdict.allowed && verdict;
    }, 'the window to end');
    expect(next).toMatchObject({ allowed: true, count: 1 });
    expect(asked.filter((v) => v.notify)).toEqual([]);
  });

  it('gives a message back when it could not be taken because a service was down, and only then', async () => {
    const state = await open();
    opened.push(state);
    const limiter = createRateLimiter(state, { inbound: { limit: 2, windowMs: 60_000 } });
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 5; i++) {
      expect((await limiter.inbound('webchat', 'v-outage')).allowed).toBe(true);
      await expect(limiter.refundOnOutage('webchat', 'v-outage', () => Promise.reject(down))).rejects.toBe(down);
    }
    // A failure that is not an outage is still counted.
    await limiter.inbound('webchat', 'v-outage');
    await expect(limiter.refundOnOutage('webchat', 'v-outage', () => Promise.reject(new Error('bad input')))).rejects.toThrow('bad input');
    expect(await limiter.inbound('webchat', 'v-outage')).toMatchObject({ allowed: true, count: 2 });
    expect((await limiter.inbound('webchat', 'v-outage')).allowed).toBe(false);
  });

  it('counts parallel messages exactly once each', async () => {
    const state = await open();
    opened.push(state);
    const limiter = createRateLimiter(state, { inbound: { limit: 10, windowMs: 60_000 } });
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => limiter.inbound('ip', '203.0.113.7')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts.filter((v) => v.notify)).toHaveLength(1);
  });

  it('caps the bot’s own messages per conversation', async () => {
    const state = await open();
    opened.push(state);
    const limiter = createRateLimiter(state, { outbound: { limit: 2, windowMs: 60_000 } });
    expect([await limiter.outbound('c1'), await limiter.outbound('c1'), await limiter.outbound('c1')]).toEqual([true, true, false]);
    expect(await limiter.outbound('c2')).toBe(true);
  });
});
