import { io, type Socket } from 'socket.io-client';
import { startServerProcess } from './app-process.js';
import { startNurseStation, watchPosts } from '../tests/escalation/nurse-station.js';
import { rssMb, summarise, type BenchResult } from './stats.js';

/**
 * Escalation: a web chat patient asks for a nurse → the case card is posted in a new
 * private case channel in (fake) Mattermost. Each case is a new patient; a few run at once.
 * The server runs in its own process; Mattermost is the protocol-faithful fake on loopback.
 */
const CASES = Number(process.env.BENCH_ESCALATIONS ?? 120);
// The embedded database (PGlite behind one socket server) does not take concurrent sessions
// well; with a real PostgreSQL several patients escalate at once.
const CONCURRENCY = Number(process.env.BENCH_ESCALATION_CONCURRENCY ?? (process.env.DATABASE_URL ? 4 : 1));
const TIME_LIMIT_MS = 120_000;

export async function run(): Promise<BenchResult> {
  const station = await startNurseStation();
  const server = await startServerProcess(station.env);
  const watcher = watchPosts(station.fake);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  try {
    const escalateOnce = async (n: number) => {
      const socket: Socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      try {
        const session = await new Promise<{ conversationId: string }>((resolve, reject) => {
          socket.once('session', resolve);
          socket.once('connect_error', reject);
        });
        const text = `I want to talk to a nurse, ref ${n} end`;
        const card = watcher.next((p) => String(p.props.carerelay_key ?? '').endsWith(':card') && p.message.includes(`ref ${n} end`));
        const sent = performance.now();
        await socket.timeout(10_000).emitWithAck('message', { text });
        latencies.push((await card) - sent);
        void session;
      } catch {
        failed++;
      } finally {
        socket.disconnect();
      }
    };
    // Warm-up (not measured): the first case resolves the bot identity and the nurse pool.
    await escalateOnce(-1);
    latencies.length = 0;
    const measuredFrom = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CASES && performance.now() - started < TIME_LIMIT_MS) await escalateOnce(next++);
      }),
    );
    return summarise('escalation', latencies, performance.now() - measuredFrom, {
      concurrency: CONCURRENCY,
      failed,
      rss_mb: server.rssMb(),
      client_rss_mb: rssMb(),
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
      state: process.env.REDIS_URL ? 'redis' : 'memory',
    });
  } finally {
    watcher.stop();
    await server.stop();
    await station.fake.close();
  }
}
