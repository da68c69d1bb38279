import { io, type Socket } from 'socket.io-client';
import { startServerProcess } from './app-process.js';
import { startNurseStation, watchPosts } from '../tests/escalation/nurse-station.js';
import { rssMb, summarise, type BenchResult } from './stats.js';

/**
 * Relay: a nurse posts in the case channel of (fake) Mattermost → the text arrives on the
 * patient's web chat socket. One claimed case; the nurse writes one message after another.
 */
const MESSAGES = Number(process.env.BENCH_RELAY_MESSAGES ?? 400);
const TIME_LIMIT_MS = 90_000;

export async function run(): Promise<BenchResult> {
  const station = await startNurseStation(1);
  const { fake } = station;
  const nurse = station.nurses[0]!;
  const server = await startServerProcess(station.env);
  const watcher = watchPosts(fake);
  const socket: Socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const latencies: number[] = [];
  let lost = 0;
  try {
    await new Promise((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    const waiting = new Map<string, (at: number) => void>();
    socket.on('message', (m: { role: string; text: string }) => {
      if (m.role === 'nurse') waiting.get(m.text)?.(performance.now());
    });
    const card = watcher.next((p) => String(p.props.carerelay_key ?? '').endsWith(':card'));
    await socket.timeout(10_000).emitWithAck('message', { text: 'I want to talk to a nurse' });
    await card;
    const channel = fake.channels().find((c) => c.name.startsWith('case-'))!;
    for (let i = 0; i < 200 && !fake.members(channel.id).includes(nurse.id); i++) await new Promise((r) => setTimeout(r, 10));

    const relayOnce = (text: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          waiting.delete(text);
          reject(new Error('not relayed in time'));
        }, 10_000);
        const sent = performance.now();
        waiting.set(text, (at) => {
          clearTimeout(t);
          waiting.delete(text);
          resolve(at - sent);
        });
        fake.postAs(nurse.id, channel.id, text);
      });
    // Warm-up (not measured): the first post also claims the case for the nurse.
    await relayOnce('warm-up');
    const started = performance.now();
    for (let i = 0; i < MESSAGES && performance.now() - started < TIME_LIMIT_MS; i++) {
      try {
        latencies.push(await relayOnce(`Nurse message ${i}`));
      } catch {
        lost++;
      }
    }
    return summarise('relay', latencies, performance.now() - started, {
      lost,
      rss_mb: server.rssMb(),
      client_rss_mb: rssMb(),
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
      state: process.env.REDIS_URL ? 'redis' : 'memory',
    });
  } finally {
    socket.disconnect();
    watcher.stop();
    await server.stop();
    await fake.close();
  }
}
