import { io, type Socket } from 'socket.io-client';
import { startServerProcess } from './app-process.js';
import { rssMb, summarise, type BenchResult } from './stats.js';

/**
 * Web chat message in → bot reply out, over real socket.io clients, open loop at a target
 * rate. Uses DATABASE_URL / REDIS_URL when set (as production would), embedded otherwise.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 1000); // messages per second offered
const QUESTIONS = ['hello', 'when are you open on saturday', 'how do i refill my prescription', 'hola', '你好', 'help'];

export async function run(): Promise<BenchResult> {
  const server = await startServerProcess();
  const sockets: Socket[] = [];
  const pending: number[][] = [];
  const latencies: number[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) {
      const socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
      const queue: number[] = [];
      socket.on('message', () => {
        const sent = queue.shift();
        if (sent !== undefined) latencies.push(performance.now() - sent);
      });
      await new Promise((resolve, reject) => {
        socket.once('session', resolve);
        socket.once('connect_error', reject);
      });
      sockets.push(socket);
      pending.push(queue);
    }
    // Warm-up: one turn per client, not measured.
    await Promise.all(sockets.map((s) => s.timeout(10_000).emitWithAck('message', { text: 'hello' })));
    await new Promise((r) => setTimeout(r, 1000));
    latencies.length = 0;
    for (const q of pending) q.length = 0;

    const started = performance.now();
    const interval = 1000 / RATE;
    for (let n = 0; n < MESSAGES; n++) {
      const due = started + n * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const i = n % CLIENTS;
      pending[i]!.push(performance.now());
      sockets[i]!.emit('message', { text: QUESTIONS[n % QUESTIONS.length] }, () => undefined);
    }
    const deadline = performance.now() + 30_000;
    while (latencies.length < MESSAGES && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const elapsed = performance.now() - started;
    return summarise('turn-socketio', latencies, elapsed, {
      clients: CLIENTS,
      offered_rate_per_s: RATE,
      lost: MESSAGES - latencies.length,
      rss_mb: server.rssMb(),
      client_rss_mb: rssMb(),
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
      state: process.env.REDIS_URL ? 'redis' : 'memory',
    });
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
  }
}
