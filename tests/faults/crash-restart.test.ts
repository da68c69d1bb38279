/**
 * SIGKILL of a CareRelay process with acknowledged messages not yet answered, then a restart:
 * nothing acknowledged is lost, every such message is answered by the new process.
 *
 * To have turns certainly pending at the kill (rather than hoping to kill mid-turn), the test
 * holds one conversation as another live instance would (conversations.holder, with that
 * instance's advisory lock held); that conversation's messages are stored and acknowledged but
 * cannot run until the holder is gone.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor } from '../helpers/app.js';
import { holdConversation, spawnApp, startPostgres, startRedis, unanswered, until, type AppProcess, type Service } from './harness.js';

const PREFIX = 'faults:';
let postgres: Service;
let redis: Service;
const apps: AppProcess[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
});
afterAll(async () => {
  for (const app of apps) await app.kill('SIGKILL');
  await Promise.all([postgres?.destroy(), redis?.destroy()]);
});

const env = () => ({
  DATABASE_URL: postgres.url,
  REDIS_URL: redis.url,
  REDIS_KEY_PREFIX: PREFIX,
  REQUIRE_SERVICES: '1',
  WEB_CHAT_IP_CONNECTIONS_PER_MIN: '0',
  WEB_CHAT_IP_MESSAGES_PER_MIN: '0',
});

async function start(port?: number): Promise<AppProcess> {
  const app = await spawnApp(env(), port ? { port } : {});
  apps.push(app);
  return app;
}

describe('fault: SIGKILL and restart', () => {
  it('loses no acknowledged message: the restarted process answers every one', async () => {
    const first = await start();
    const [held, free] = await Promise.all([connectVisitor(first.url), connectVisitor(first.url)]);

    // Another live "instance" holds the held visitor's conversation.
    const other = await holdConversation(postgres.url, held.session.conversationId);

    const heldIds: number[] = [];
    for (const text of ['How do I refill my prescription?', 'And when are you open on Saturday?', 'Do you take my insurance?']) {
      const ack = await held.send(text, randomUUID());
      expect(ack).toMatchObject({ ok: true });
      heldIds.push(Number(ack.id));
    }
    const freeAck = await free.send('What are your opening hours?', randomUUID());
    expect(freeAck).toMatchObject({ ok: true });
    await until(async () => (await unanswered(postgres.url, [Number(freeAck.id)])).length === 0, 'the free visitor’s answer');
    // Stored and acknowledged, not answered: the turns are pending when the process dies.
    expect(await unanswered(postgres.url, heldIds)).toEqual(heldIds);

    const killed = await first.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    held.close();
    free.close();
    // The other instance dies too: its session ends, and with it its claim.
    await other.release();

    const second = await start(first.port);
    await until(async () => (await unanswered(postgres.url, heldIds)).length === 0, 'the pending messages answered after the restart', 60_000);

    // Answered in order, in the conversation they came from.
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ reply_to: string; n: number; conversation_id: string }>(
      `SELECT in_reply_to::text AS reply_to, count(*)::int AS n, min(conversation_id::text) AS conversation_id, min(id) AS first_id
         FROM messages WHERE direction = 'out' AND in_reply_to::text = ANY($1::text[]) GROUP BY 1 ORDER BY first_id`,
      [heldIds.map(String)],
    );
    await client.end();
    expect(rows.map((r) => Number(r.reply_to))).toEqual(heldIds);
    expect(new Set(rows.map((r) => r.conversation_id))).toEqual(new Set([held.session.conversationId]));

    // The visitor comes back with their token and finds the whole conversation.
    const back = await connectVisitor(second.url, { token: held.session.token });
    expect(back.session.conversationId).toBe(held.session.conversationId);
    const history = await back.history();
    const patient = history.filter((m) => m.role === 'patient').map((m) => m.text);
    expect(patient).toEqual(['How do I refill my prescription?', 'And when are you open on Saturday?', 'Do you take my insurance?']);
    expect(history.filter((m) => m.role === 'bot').length).toBeGreaterThanOrEqual(3);
    back.close();
    expect(second.alive()).toBe(true);
  });
});
