/**
 * Outages of PostgreSQL and Redis under a running CareRelay process, with web chat visitors
 * sending messages and choosing a language throughout: the process stays up, every event is
 * answered (`unavailable` while a service is down, never silence or a crash), and every message
 * it acknowledged is answered once the service is back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor } from '../helpers/app.js';
import { spawnApp, startPostgres, startRedis, unanswered, until, type AppProcess, type Service } from './harness.js';

type Visitor = Awaited<ReturnType<typeof connectVisitor>>;
type Ack = { ok: true; id?: number; language?: string } | { ok: false; error: { code: string; message: string } };

let postgres: Service;
let redis: Service;
let app: AppProcess;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  app = await spawnApp({
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'faults:',
    REQUIRE_SERVICES: '1',
    // Every visitor here comes from 127.0.0.1.
    WEB_CHAT_IP_CONNECTIONS_PER_MIN: '0',
    WEB_CHAT_IP_MESSAGES_PER_MIN: '0',
  });
});
afterAll(async () => {
  await app?.kill('SIGTERM');
  await Promise.all([postgres?.destroy(), redis?.destroy()]);
});

/** An event with its acknowledgement; a server that never answers fails the test. */
const ask = (visitor: Visitor, event: string, data: unknown): Promise<Ack> => visitor.socket.timeout(25_000).emitWithAck(event, data);

async function visitors(n: number): Promise<Visitor[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => connectVisitor(app.url, { language: i % 2 ? 'es' : 'en' })));
}

/** What the page does after `unavailable`: send the same message (same clientId) again until it is taken. */
async function resendUntilTaken(visitor: Visitor, text: string, clientId: string): Promise<number> {
  return until(
    async () => {
      const ack = await ask(visitor, 'message', { text, clientId });
      if (ack.ok) return Number(ack.id);
      expect(ack.error.code).toBe('unavailable');
      return false;
    },
    'the message to be taken after the outage',
    60_000,
  );
}

async function expectServing(process: AppProcess) {
  expect(process.alive(), process.output.slice(-20).join('\n')).toBe(true);
  expect((await fetch(`${process.url}/health`)).status).toBe(200);
}

/** Runs one outage: messages before, during (with `language` too) and after; returns what the visitors saw. */
async function outage(service: Service, dependency: 'database' | 'state') {
  const people = await visitors(3);
  const acked: number[] = [];
  for (const [i, v] of people.entries()) {
    const ack = await ask(v, 'message', { text: i % 2 ? '¿A qué hora abren?' : 'What are your opening hours?', clientId: randomUUID() });
    expect(ack).toMatchObject({ ok: true });
    acked.push(Number((ack as { id: number }).id));
  }

  await service.kill();
  const failed: { visitor: Visitor; text: string; clientId: string }[] = [];
  const codes: string[] = [];
  // The visitors act at the same time, as they would; each waits for its own answers.
  await Promise.all(
    people.map(async (v, i) => {
      for (let round = 0; round < 3; round++) {
        const text = `Question ${round} from visitor ${i}: how do I refill my prescription?`;
        const clientId = randomUUID();
        const sent = await ask(v, 'message', { text, clientId });
        if (sent.ok) acked.push(Number(sent.id));
        else {
          codes.push(sent.error.code);
          failed.push({ visitor: v, text, clientId });
        }
        const language = await ask(v, 'language', { language: round % 2 ? 'en' : 'es' });
        if (!language.ok) codes.push(language.error.code);
      }
    }),
  );
  // Everything refused was refused as `unavailable` (what the page says "try again" to), nothing else.
  expect(new Set(codes)).toEqual(new Set(['unavailable']));
  await expectServing(app);
  const ready = await fetch(`${app.url}/ready`);
  const readiness = await ready.text();
  expect(ready.status).toBe(503);
  expect(JSON.parse(readiness).failing).toContain(dependency);
  expect(readiness).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}\b/);

  await service.start();
  for (const f of failed) acked.push(await resendUntilTaken(f.visitor, f.text, f.clientId));
  for (const v of people) expect(await ask(v, 'language', { language: 'en' })).toMatchObject({ ok: true });
  const left = await until(async () => ((await unanswered(postgres.url, acked)).length === 0 ? 'none' : false), 'every acknowledged message to be answered', 90_000);
  expect(left).toBe('none');
  await expectServing(app);
  for (const v of people) v.close();
  return { acked, refused: codes.length };
}

describe('fault: outages under a running process', () => {
  it('Redis outage: the server stays up, answers `unavailable`, and answers every acknowledged message after recovery', async () => {
    const { acked } = await outage(redis, 'state');
    expect(acked.length).toBeGreaterThanOrEqual(3 + 9);
  });

  it('PostgreSQL outage: the server stays up, answers `unavailable`, and answers every acknowledged message after recovery', async () => {
    const { acked, refused } = await outage(postgres, 'database');
    // Nothing can be stored while PostgreSQL is down: every message in the outage was refused, then resent.
    expect(refused).toBeGreaterThanOrEqual(9);
    expect(acked.length).toBe(3 + 9);
  });
});
