import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startServerProcess } from './app-process.js';
import { rssMb, summarise, type BenchResult } from './stats.js';
import { runTurnLoad } from './turn-load.js';

/**
 * Web chat message in → bot reply out, over real socket.io clients, open loop at each offered
 * rate, against CareRelay (`turn-socketio`) and, in the same run with the same load generator,
 * against the floor (`turn-floor`: bench/floor-server.ts, a socket.io server that stores each
 * message and its reply in one PostgreSQL statement). Each `turn-socketio` line carries the
 * ratios to the floor at the same rate. Uses DATABASE_URL / REDIS_URL when set (as production
 * would), embedded otherwise; the floor uses the same database.
 *
 * Every rate gets fresh clients, and each client sends at most `messages / clients` (+1 warm-up)
 * within a few seconds: under the per-visitor limit of 20 per 10 s.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const RATES = (process.env.BENCH_RATES ?? process.env.BENCH_RATE ?? '300,1000,2000').split(',').map(Number).filter((r) => r > 0);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const QUESTIONS = ['hello', 'when are you open on saturday', 'how do i refill my prescription', 'hola', '你好', 'help'];

const messagesAt = (rate: number) => Number(process.env.BENCH_MESSAGES ?? Math.round(rate * SECONDS));
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

type Server = Awaited<ReturnType<typeof startServerProcess>>;

/** CPU time (ms) a process has used: user + system, from /proc (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
/** CPU time (ms) the whole machine has spent busy (every process: server, database, Redis, load generator). */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait.
  return (ticks.reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!) * 10;
}

async function measure(name: string, server: Server, rate: number, extra: Record<string, unknown>): Promise<BenchResult> {
  const messages = messagesAt(rate);
  // CPU per message is steadier than throughput on a shared machine: it says where a ceiling comes from.
  let cpu = { server: 0, machine: 0 };
  const load = await runTurnLoad(server.url, {
    clients: CLIENTS,
    messages,
    rate,
    questions: QUESTIONS,
    onPhase(phase) {
      const now = { server: processCpuMs(server.pid), machine: machineBusyMs() };
      cpu = phase === 'start' ? now : { server: now.server - cpu.server, machine: now.machine - cpu.machine };
    },
  });
  return summarise(name, load.latencies, load.elapsedMs, {
    clients: CLIENTS,
    offered_rate_per_s: rate,
    messages,
    answered_pct: round((100 * load.latencies.length) / messages),
    lost: load.lost,
    ...(Object.keys(load.refused).length ? { refused: load.refused } : {}),
    rss_mb: server.rssMb(),
    server_cpu_ms_per_msg: round(cpu.server / Math.max(1, load.latencies.length), 3),
    machine_cpu_ms_per_msg: round(cpu.machine / Math.max(1, load.latencies.length), 3),
    client_rss_mb: rssMb(),
    database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    ...extra,
  });
}

/** Floor and CareRelay at each rate, floor first; `only` runs just one of them. */
export async function runTurnBenches(only?: 'turn-floor' | 'turn-socketio'): Promise<BenchResult[]> {
  const floorSchema = `floor_${process.pid}`;
  const results: BenchResult[] = [];
  const floor = only === 'turn-socketio' ? undefined : await startServerProcess({ DATABASE_SCHEMA: process.env.DATABASE_URL ? floorSchema : '' }, { main: 'floor-server.js' });
  const relay = only === 'turn-floor' ? undefined : await startServerProcess();
  try {
    for (const rate of RATES) {
      process.stderr.write(`  ${rate} msg/s offered…\n`);
      const f = floor ? await measure('turn-floor', floor, rate, {}) : undefined;
      if (f) results.push(f);
      if (!relay) continue;
      const r = await measure('turn-socketio', relay, rate, { state: process.env.REDIS_URL ? 'redis' : 'memory' });
      if (f) {
        // Throughput: answered per second, ours over the floor's (1 = as fast as the floor).
        r.ratio_throughput = round(r.throughput_per_s / f.throughput_per_s, 3);
        // Latency: ours over the floor's (1 = as quick as the floor).
        r.ratio_p50 = round(r.p50_ms / f.p50_ms, 1);
        r.ratio_p99 = round(r.p99_ms / f.p99_ms, 1);
        r.floor_p99_ms = f.p99_ms;
        r.p99_target_ms = round(Math.max(25, 3 * f.p99_ms), 1);
      }
      results.push(r);
    }
  } finally {
    await Promise.all([floor?.stop(), relay?.stop()]);
    if (floor && process.env.DATABASE_URL) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${floorSchema} CASCADE`).finally(() => client.end());
    }
  }
  return results;
}

export function run(): Promise<BenchResult[]> {
  return runTurnBenches();
}
