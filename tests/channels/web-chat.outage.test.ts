/**
 * Web chat while PostgreSQL or Redis is down: every event is answered (`unavailable`, never an
 * unhandled rejection), the outage is logged once with a count when it ends, ioredis prints
 * nothing of its own, and failed attempts do not use up the visitor's rate limit.
 * Each test runs its own Redis or PostgreSQL and stops it.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCareRelay, type CareRelay } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { connectVisitor, dropKeys, dropSchema, testConfig } from '../helpers/app.js';
import { startPrivatePostgres, startPrivateRedis, type PrivateService } from '../helpers/private-services.js';
import { waitFor } from '../helpers/wait-for.js';

interface LogLine {
  level: number;
  msg: string;
  err?: { stack?: string };
  dependency?: string;
  failures?: number;
}

// Each test starts its own app (and Redis or PostgreSQL): slow on a busy machine, not a timing assertion.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function startApp(env: Record<string, string>, service: PrivateService) {
  const lines: LogLine[] = [];
  const logger = createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
  const config = testConfig(env);
  const relay: CareRelay = await createCareRelay(config, { logger });
  const address = await relay.listen();
  cleanups.push(() => service.destroy());
  cleanups.push(async () => {
    await service.start().catch(() => undefined);
    await relay.close();
    await dropSchema(config);
    if (config.redis.url && config.redis.url !== env.REDIS_URL) await dropKeys(config.redis.url, config.redis.keyPrefix);
  });
  return { relay, url: `http://127.0.0.1:${address.port}`, lines };
}

/** How the page retries while a service comes back: every 100 ms (the old loops' 100 to 200 tries took 10 to 20 s plus their round trips). */
const RETRY = { timeoutMs: 30_000, intervalMs: 100 };

/** Sends until the server takes the message again (the service is back); every refusal says `unavailable`. */
async function sendUntilAccepted(visitor: Awaited<ReturnType<typeof connectVisitor>>, text: string, clientId: string) {
  const refusals: string[] = [];
  const accepted = await waitFor(async () => {
    const ack = await visitor.send(text, clientId);
    if (!ack.ok) refusals.push(ack.error.code);
    return ack.ok ? ack : undefined;
  }, `"${text}" accepted`, RETRY);
  expect(refusals.filter((code) => code !== 'unavailable')).toEqual([]);
  return accepted;
}

/** Opens a socket: its session, or the code and message of the refusal. */
function openSession(url: string): Promise<{ ok: true; socket: Socket } | { ok: false; code?: string; message?: string }> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve) => {
    socket.once('session', () => resolve({ ok: true, socket }));
    socket.once('connect_error', (err: Error & { data?: { code?: string; message?: string } }) => {
      socket.disconnect();
      resolve({ ok: false, code: err.data?.code, message: err.data?.message });
    });
  });
}

const stackLines = (lines: LogLine[]) => lines.filter((l) => l.err?.stack);

describe('web chat during a Redis outage', () => {
  it('answers `message` with `unavailable` (a language change needs only PostgreSQL), logs the outage once, and recovers', async () => {
    const redis = await startPrivateRedis();
    const app = await startApp({ REDIS_URL: redis.url }, redis);
    const printed = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
    const visitor = await connectVisitor(app.url);
    expect((await visitor.send('hello', 'before')).ok).toBe(true);
    // Nothing in flight when the outage starts: the turn has been answered.
    await visitor.next((m) => m.role === 'bot');
    const before = app.lines.length;

    await redis.stop();
    // The conversation's state lives in PostgreSQL with its turns: choosing a language does not need Redis.
    const language = await visitor.socket.timeout(20_000).emitWithAck('language', { language: 'es' });
    expect(language).toEqual({ ok: true, language: 'es' });
    const message = await visitor.socket.timeout(20_000).emitWithAck('message', { text: 'are you there?', clientId: 'during' });
    expect(message.ok).toBe(false);
    expect(message.error.code).toBe('unavailable');

    await redis.start();
    expect((await sendUntilAccepted(visitor, 'are you there?', 'during')).ok).toBe(true);
    const ack = await visitor.socket.timeout(10_000).emitWithAck('language', { language: 'es' });
    expect(ack).toEqual({ ok: true, language: 'es' });

    const outage = app.lines.slice(before);
    expect(outage.filter((l) => l.msg === 'state unavailable')).toHaveLength(1);
    const back = outage.filter((l) => l.msg === 'state available again');
    expect(back).toHaveLength(1);
    expect(back[0]!.failures).toBeGreaterThanOrEqual(2);
    expect(stackLines(outage)).toEqual([]);
    // ioredis' own "[ioredis] Unhandled error event" lines went to the outage log instead.
    for (const spy of printed) expect(spy.mock.calls.flat().join(' ')).not.toContain('ioredis');
    visitor.close();
  });
});

describe('web chat during a PostgreSQL outage', () => {
  it('says `unavailable` (not `internal`), does not charge the rate limit, and logs the outage once', async () => {
    const pg = await startPrivatePostgres();
    const app = await startApp({ DATABASE_URL: pg.url }, pg);
    const visitor = await connectVisitor(app.url);
    expect((await visitor.send('hello', 'first')).ok).toBe(true);
    // Nothing in flight when the outage starts: the turn has been answered.
    await visitor.next((m) => m.role === 'bot');
    const before = app.lines.length;

    await pg.stop();
    // More attempts than the visitor's limit (20 per 10 s): every one is `unavailable`, none `rateLimited`.
    const codes = [];
    for (let i = 0; i < 25; i++) codes.push((await visitor.send(`retry ${i}`, `retry-${i}`)).error?.code);
    expect(new Set(codes)).toEqual(new Set(['unavailable']));
    const language = await visitor.socket.timeout(20_000).emitWithAck('language', { language: 'es' });
    expect(language.error.code).toBe('unavailable');

    await pg.start();
    expect((await sendUntilAccepted(visitor, 'back again', 'after')).ok).toBe(true);
    const stored = await app.relay.store.messages.history(visitor.session.conversationId);
    expect(stored.filter((m) => m.direction === 'in').map((m) => m.body)).toEqual(['hello', 'back again']);

    const outage = app.lines.slice(before);
    expect(outage.filter((l) => l.msg === 'database unavailable')).toHaveLength(1);
    expect(outage.filter((l) => l.msg === 'database available again')).toHaveLength(1);
    expect(stackLines(outage)).toEqual([]);
    visitor.close();
  });

  it('a page connecting during the outage is refused with `unavailable` (connect_error), and can connect once it is back', async () => {
    const pg = await startPrivatePostgres();
    const app = await startApp({ DATABASE_URL: pg.url }, pg);
    await pg.stop();
    const refused = await openSession(app.url);
    expect(refused).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringMatching(/try again/) });
    await pg.start();
    // Like the page: try again until a session opens (the first tries may still meet the outage).
    const refusals: (string | undefined)[] = [];
    const opened = await waitFor(async () => {
      const session = await openSession(app.url);
      if (!session.ok) refusals.push(session.code);
      return session.ok ? session : undefined;
    }, 'a session once PostgreSQL is back', RETRY);
    expect(refusals.filter((code) => code !== 'unavailable')).toEqual([]);
    expect((await opened.socket.timeout(20_000).emitWithAck('message', { text: 'hello', clientId: 'x' })).ok).toBe(true);
    opened.socket.disconnect();
  });
});
