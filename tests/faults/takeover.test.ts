/**
 * Two CareRelay processes on one PostgreSQL and one Redis, web chat visitors sending steadily to
 * both, and one of the two SIGKILLed ten times (alternately), each time restarted. Checked:
 *
 * - no acknowledged message is lost: every message whose ack said `ok` is answered;
 * - no reply is duplicated: each answered message has exactly one reply per reply index;
 * - takeover is quick: the messages acknowledged but not yet answered when the process died are
 *   all answered within 5 s of the kill, measured from the kill to the reply's stored time, and
 *   the conversations the dead process held (its turns in flight) among them. Just before each
 *   kill the victim's visitors send a spike, so it certainly dies with turns in flight and queued.
 *
 * Loopback only, every wait bounded. Figures go to stderr (one JSON line per kill and a summary).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnApp, startPostgres, startRedis, unanswered, until, type AppProcess, type Service } from './harness.js';
import { freePort } from '../../bench/app-process.js';

const KILLS = 10;
const VISITORS = 80;
// Each visitor sends two messages back to back every 1.25 s: about 128 messages a second in all,
// 16 per visitor per 10 s (the per-visitor limit is 20). Pairs keep conversations busy across turns.
const BURST = 2;
const BURST_EVERY_MS = 1250;
const LOAD_BEFORE_KILL_MS = 2500;
const TAKEOVER_LIMIT_MS = 5000;
const QUESTIONS = ['hello', 'when are you open on saturday', 'how do i refill my prescription', 'do you take my insurance', 'thanks'];

let postgres: Service;
let redis: Service;
let db: pg.Pool;
const apps: (AppProcess | undefined)[] = [undefined, undefined];
const ports: number[] = [];

const env = () => ({
  DATABASE_URL: postgres.url,
  REDIS_URL: redis.url,
  REDIS_KEY_PREFIX: 'takeover:',
  REQUIRE_SERVICES: '1',
  // The instance id is logged at info level when its lock is held.
  LOG_LEVEL: 'info',
  WEB_CHAT_IP_CONNECTIONS_PER_MIN: '0',
  WEB_CHAT_IP_MESSAGES_PER_MIN: '0',
});

async function start(slot: number): Promise<{ app: AppProcess; instance: number }> {
  const app = await spawnApp(env(), { port: ports[slot] });
  apps[slot] = app;
  const line = await until(() => app.output.find((l) => l.includes('"instance lock held"')), 'the instance id in the log', 30_000);
  return { app, instance: Number((JSON.parse(line) as { instance: number }).instance) };
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  ports.push(await freePort(), await freePort());
});
afterAll(async () => {
  for (const app of apps) await app?.kill('SIGKILL');
  await db?.end();
  await Promise.all([postgres?.destroy(), redis?.destroy()]);
});

/** A web chat visitor that keeps its conversation across instances (reconnects with its token). */
class Visitor {
  socket?: Socket;
  token?: string;
  conversationId?: string;
  acked: number[] = [];
  slot: number;
  constructor(slot: number) {
    this.slot = slot;
  }
  async connect(slot: number): Promise<void> {
    this.slot = slot;
    this.socket?.disconnect();
    const socket = io(`http://127.0.0.1:${ports[slot]}`, { auth: this.token ? { token: this.token } : {}, transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket = socket;
    const session = await new Promise<{ conversationId: string; token: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no session in 15 s')), 15_000);
      socket.once('session', (s) => (clearTimeout(timer), resolve(s)));
      socket.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
    });
    if (this.conversationId) expect(session.conversationId).toBe(this.conversationId);
    this.conversationId = session.conversationId;
    this.token = session.token;
  }
  /** Sends one message; its id is kept when the server acknowledged it as stored. */
  async send(text: string): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    try {
      const ack = await socket.timeout(10_000).emitWithAck('message', { text, clientId: randomUUID() });
      if (ack?.ok) this.acked.push(Number(ack.id));
    } catch {
      // No ack (the instance died under it): not acknowledged, so nothing was promised.
    }
  }
}

async function replyStats(ids: number[]): Promise<{ duplicated: number; firstReplyMs: Map<number, number> }> {
  const { rows } = await db.query<{ id: string; n: number; indexes: number; max_index: number; first_ms: number }>(
    `SELECT in_reply_to AS id, count(*)::int AS n, count(DISTINCT reply_index)::int AS indexes, max(reply_index)::int AS max_index,
            extract(epoch FROM min(created_at)) * 1000 AS first_ms
       FROM messages WHERE direction = 'out' AND in_reply_to = ANY($1::bigint[]) GROUP BY in_reply_to`,
    [ids],
  );
  // Each inbound message: one row per reply index, indexes 0..n-1, never two rows for one index.
  const duplicated = rows.filter((r) => r.n !== r.indexes || r.n !== r.max_index + 1).length;
  return { duplicated, firstReplyMs: new Map(rows.map((r) => [Number(r.id), Number(r.first_ms)])) };
}

describe('fault: SIGKILL one of two instances under load', () => {
  it(`loses nothing, duplicates nothing, and takes over within ${TAKEOVER_LIMIT_MS / 1000} s, ${KILLS} times`, async () => {
    const instances = [await start(0), await start(1)];
    const visitors = Array.from({ length: VISITORS }, (_, i) => new Visitor(i % 2));
    await Promise.all(visitors.map((v) => v.connect(v.slot)));

    // Steady load until told to stop: each visitor's bursts, spread over the interval.
    let loading = true;
    let sent = 0;
    const load = Promise.all(
      visitors.map(async (v, i) => {
        await new Promise((r) => setTimeout(r, (i * BURST_EVERY_MS) / VISITORS));
        while (loading) {
          const next = Date.now() + BURST_EVERY_MS;
          for (let b = 0; b < BURST; b++) {
            sent++;
            await v.send(QUESTIONS[(sent + b) % QUESTIONS.length]!);
          }
          await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
        }
      }),
    );

    const results: { kill: number; victim: number; waiting: number; orphaned: number; takeoverMs: number; orphanTakeoverMs: number | null }[] = [];
    try {
      for (let k = 0; k < KILLS; k++) {
        await new Promise((r) => setTimeout(r, LOAD_BEFORE_KILL_MS));
        const victim = k % 2;
        const survivor = 1 - victim;
        const dead = instances[victim]!;

        // A spike on the victim just before the kill, so it certainly dies with turns in flight and
        // queued: each of its visitors sends two more at once; kill once a third of them are stored.
        const onVictim = visitors.filter((v) => v.slot === victim);
        const ackedBefore = onVictim.reduce((n, v) => n + v.acked.length, 0);
        const spike = onVictim.map((v) => Promise.all([v.send('what are your opening hours'), v.send('can I get a flu shot')]));
        await until(() => onVictim.reduce((n, v) => n + v.acked.length, 0) - ackedBefore >= Math.ceil((onVictim.length * 2) / 3), 'spike acknowledgements', 10_000);
        const killedAt = Date.now();
        await dead.app.kill('SIGKILL');
        // What the dead process owed: acknowledged, unanswered; and the conversations it held (turns in flight).
        const acked = visitors.flatMap((v) => v.acked);
        const waiting = await unanswered(postgres.url, acked);
        const { rows: held } = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE holder = $1`, [dead.instance]);
        const heldIds = new Set(held.map((r) => r.id));
        const { rows: orphanRows } = await db.query<{ id: string }>(
          `SELECT id FROM messages WHERE id = ANY($1::bigint[]) AND conversation_id = ANY($2::uuid[])`,
          [waiting, [...heldIds]],
        );
        const orphans = orphanRows.map((r) => Number(r.id));

        // Its visitors come back on the other instance, with their tokens, while it restarts.
        const moving = visitors.filter((v) => v.slot === victim);
        await Promise.all(moving.map((v) => v.connect(survivor)));
        await until(async () => (await unanswered(postgres.url, waiting)).length === 0, `the ${waiting.length} messages owed at kill ${k + 1}`, 30_000);
        const { firstReplyMs } = await replyStats(waiting);
        const after = (ids: number[]) => Math.max(0, ...ids.map((id) => (firstReplyMs.get(id) ?? Number.POSITIVE_INFINITY) - killedAt));
        const result = {
          kill: k + 1,
          victim,
          waiting: waiting.length,
          orphaned: orphans.length,
          takeoverMs: Math.round(after(waiting)),
          orphanTakeoverMs: orphans.length ? Math.round(after(orphans)) : null,
        };
        results.push(result);
        process.stderr.write(`${JSON.stringify({ fault: 'takeover', ...result })}\n`);
        expect(result.takeoverMs).toBeLessThan(TAKEOVER_LIMIT_MS);

        await Promise.all(spike);
        instances[victim] = await start(victim);
        // Two instances under load again: half the visitors go back to the restarted one.
        await Promise.all(visitors.filter((_, i) => i % 2 === victim).map((v) => v.connect(victim)));
      }
    } finally {
      loading = false;
      await load;
    }

    // Everything acknowledged is answered, exactly once.
    const acked = visitors.flatMap((v) => v.acked);
    await until(async () => (await unanswered(postgres.url, acked)).length === 0, 'every acknowledged message answered', 30_000);
    const { duplicated } = await replyStats(acked);
    const { rows: totals } = await db.query<{ replies: number; keyed: number }>(
      `SELECT count(*)::int AS replies, count(DISTINCT (in_reply_to, reply_index))::int AS keyed FROM messages WHERE direction = 'out' AND in_reply_to IS NOT NULL`,
    );
    const summary = {
      fault: 'takeover-summary',
      kills: results.length,
      acknowledged: acked.length,
      duplicated,
      replies: totals[0]!.replies,
      orphaned_turns: results.reduce((n, r) => n + r.orphaned, 0),
      max_takeover_ms: Math.max(...results.map((r) => r.takeoverMs)),
      max_orphan_takeover_ms: Math.max(0, ...results.map((r) => r.orphanTakeoverMs ?? 0)),
    };
    process.stderr.write(`${JSON.stringify(summary)}\n`);
    expect(results).toHaveLength(KILLS);
    expect(acked.length).toBeGreaterThan(KILLS * 100);
    expect(summary.orphaned_turns).toBeGreaterThan(0);
    expect(duplicated).toBe(0);
    expect(totals[0]!.replies).toBe(totals[0]!.keyed);
    for (const v of visitors) v.socket?.disconnect();
  }, 600_000);
});
