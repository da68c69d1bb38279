import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { z } from 'zod';
import { createOutbox, jobKind, PermanentDeliveryError, RetryLaterError } from '../../src/outbox/outbox.js';
import { createInstanceLock } from '../../src/db/instance-lock.js';
import { dropSchema, testConfig } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

const config = testConfig();
const logger = createLogger('silent');
let db: Database;
beforeAll(async () => {
  db = await createDatabase({ url: config.database.url, schema: config.database.schema, dataDir: 'memory://', logger });
  await migrate(db, logger);
});
afterAll(async () => {
  await db?.close();
  await dropSchema(config);
});

/** Runs the due jobs until `cond` holds (the tests' outboxes have no timer of their own running). */
const drainUntil = (cond: () => boolean, drain: () => Promise<unknown>, what: string) =>
  waitFor(async () => cond() || (await drain(), false), what);

describe('outbox', () => {
  it('delivers at once, and a second enqueue with the same key is a no-op', async () => {
    const outbox = createOutbox({ db, logger });
    const got: unknown[] = [];
    outbox.register('t1', async (job) => {
      got.push(job.payload);
      return { externalId: 'X1' };
    });
    const first = await outbox.enqueue('t1', 'key-1', { n: 1 });
    const second = await outbox.enqueue('t1', 'key-1', { n: 2 });
    expect(first).toMatchObject({ created: true, delivered: true });
    expect(second).toEqual({ id: first.id, created: false });
    expect(got).toEqual([{ n: 1 }]);
    expect(await outbox.get(first.id)).toMatchObject({ status: 'done', externalId: 'X1', attempts: 1 });
  });

  it('checks a typed kind’s payload against its schema: a row that does not fit is dead at once, never retried', async () => {
    const outbox = createOutbox({ db, logger });
    const kind = jobKind('t-typed', z.object({ messageId: z.number().int() }));
    const got: number[] = [];
    outbox.register(kind, async (job) => {
      got.push(job.payload.messageId);
    });
    const good = await outbox.enqueue(kind.kind, 'typed-ok', { messageId: 7 });
    const bad = await outbox.enqueue(kind.kind, 'typed-bad', { messageId: 'seven' });
    expect(good.delivered).toBe(true);
    expect(bad.delivered).toBe(false);
    expect(got).toEqual([7]);
    const dead = await outbox.get(bad.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1 });
    expect(dead?.lastError).toMatch(/t-typed payload is invalid \(messageId: /);
  });

  it('retries with backoff, gives up on permanent errors, and keeps order per ordering key', async () => {
    const outbox = createOutbox({ db, logger, backoffBaseMs: 5, backoffMaxMs: 20 });
    const order: string[] = [];
    let failFirst = 3;
    outbox.register('t2', async (job) => {
      const { label } = job.payload as { label: string };
      if (label === 'a' && failFirst-- > 0) throw new Error('temporary');
      if (label === 'never') throw new PermanentDeliveryError('invalid number');
      order.push(label);
    });
    await outbox.enqueue('t2', 'k-a', { label: 'a' }, { orderingKey: 'conv-1' });
    const b = await outbox.enqueue('t2', 'k-b', { label: 'b' }, { orderingKey: 'conv-1' });
    expect(b.delivered).toBe(false); // waits for a
    const never = await outbox.enqueue('t2', 'k-never', { label: 'never' }, { orderingKey: 'conv-2' });
    await drainUntil(() => order.length >= 2, () => outbox.drain(), 'a and b delivered');
    expect(order).toEqual(['a', 'b']);
    const dead = await outbox.get(never.id);
    expect(dead).toMatchObject({ status: 'dead', lastError: 'invalid number' });
    await outbox.stop();
  });

  it('finds a delivery by its key or the provider’s id, and lists an ordering key’s deliveries oldest first', async () => {
    const outbox = createOutbox({ db, logger });
    outbox.register('t-find', async (job) => ({ externalId: `SM-find-${(job.payload as { n: number }).n}` }));
    const a = await outbox.enqueue('t-find', 'find-a', { n: 1 }, { orderingKey: 'conv-find' });
    const b = await outbox.enqueue('t-find', 'find-b', { n: 2 }, { orderingKey: 'conv-find' });
    await outbox.enqueue('t-find', 'find-c', { n: 3 }, { orderingKey: 'conv-other' });
    expect(await outbox.find({ key: 'find-a' })).toMatchObject({ id: a.id, status: 'done', externalId: 'SM-find-1', attempts: 1 });
    expect(await outbox.find({ externalId: 'SM-find-2' })).toMatchObject({ id: b.id, status: 'done' });
    expect(await outbox.find({ key: 'no-such-key' })).toBeUndefined();
    expect((await outbox.list('conv-find')).map((r) => r.id)).toEqual([a.id, b.id]);
    expect(await outbox.list('conv-nobody')).toEqual([]);
  });

  it('records provider status callbacks and re-queues a failed delivery', async () => {
    const outbox = createOutbox({ db, logger, backoffBaseMs: 5 });
    let sends = 0;
    outbox.register('t3', async () => {
      sends++;
      return { externalId: `SM-${sends}` };
    });
    await outbox.enqueue('t3', 'k-status', {});
    const job = await outbox.recordExternalStatus('SM-1', 'failed', true);
    expect(job).toBeDefined();
    await drainUntil(() => sends >= 2, () => outbox.drain(), 'the re-queued send');
    expect(sends).toBe(2);
    await outbox.stop();
  });

  it('lets only one of two instances claim each row', async () => {
    const a = createOutbox({ db, logger });
    const b = createOutbox({ db, logger });
    const seen: number[] = [];
    const handler = async (job: { payload: { i: number } }) => {
      seen.push(job.payload.i);
    };
    a.register('t4', handler as never);
    b.register('t4', handler as never);
    for (let i = 0; i < 30; i++) await (i % 2 ? a : b).enqueue('t4', `k4-${i}`, { i }, { defer: true });
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('waits at least as long as the provider asked before retrying', async () => {
    const outbox = createOutbox({ db, logger, backoffBaseMs: 5 });
    outbox.register('t5', async () => {
      throw new RetryLaterError('429 too many requests', 60_000);
    });
    const { id } = await outbox.enqueue('t5', 'k-retry-after', {});
    const { rows } = await db.pool.query(`SELECT extract(epoch FROM next_attempt_at - now()) AS wait FROM outbox WHERE id = $1`, [id]);
    expect(Number(rows[0].wait)).toBeGreaterThan(50);
    expect(await outbox.drain()).toBe(0); // not due yet
    await outbox.stop();
  });

  it('takes up a row whose sender died mid-send at once, not after its lease, and leaves a live sender’s row alone', async () => {
    const lockA = createInstanceLock(db, logger);
    const lockB = createInstanceLock(db, logger);
    await Promise.all([lockA.ready, lockB.ready]);
    const b = createOutbox({ db, logger, instance: lockB });
    const sent: string[] = [];
    b.register('t6', async (job) => {
      sent.push((job.payload as { label: string }).label);
    });
    // A claimed the row and was sending it (its lease has a minute to run) when it died.
    const { rows } = await db.pool.query<{ id: number }>(
      `INSERT INTO outbox (kind, idempotency_key, ordering_key, payload, status, attempts, locked_until, claimed_by)
       VALUES ('t6', 'k6-a', 'conv-6', '{"label":"owed"}', 'sending', 1, now() + interval '1 minute', $1) RETURNING id`,
      [lockA.id],
    );
    await b.enqueue('t6', 'k6-b', { label: 'after' }, { orderingKey: 'conv-6' });
    expect(await b.drain()).toBe(0); // A is alive: its row is its own, and the next one waits behind it
    expect(sent).toEqual([]);

    await lockA.close(); // A's session ends, as when its process is killed
    await drainUntil(() => sent.length >= 2, () => b.drain(), 'both rows sent by B');
    expect(sent).toEqual(['owed', 'after']);
    expect(await b.get(rows[0]!.id)).toMatchObject({ status: 'done', attempts: 2 });
    await b.stop();
    await lockB.close();
  });
});
