import WebSocket from 'ws';
import { startServerProcess } from './app-process.js';
import { rssMb, type BenchResult } from './stats.js';

/**
 * Concurrent idle web chat connections held by one server process, and its resident memory.
 * Clients speak the engine.io v4 / socket.io v5 wire protocol over plain `ws` so the client
 * side stays light; each completes the handshake and receives its `session` event.
 */
const TARGET = Number(process.env.BENCH_CONNECTIONS ?? 10_000);
const BATCH = 250;
const TIME_LIMIT_MS = 180_000;

function connect(url: string): Promise<{ ws: WebSocket; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const timer = setTimeout(() => reject(new Error('handshake timeout')), 30_000);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send('40{}'); // engine.io open → connect to the main namespace
      else if (text === '2') ws.send('3'); // ping → pong, to stay connected while idle
      else if (text.startsWith('42["session"')) {
        clearTimeout(timer);
        resolve({ ws, ms: performance.now() - started });
      }
    });
    ws.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

export async function run(): Promise<BenchResult> {
  const server = await startServerProcess();
  const sockets: WebSocket[] = [];
  const handshakes: number[] = [];
  const baseline = server.rssMb();
  const started = performance.now();
  let failed = 0;
  try {
    while (sockets.length < TARGET && performance.now() - started < TIME_LIMIT_MS) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(BATCH, TARGET - sockets.length) }, () => connect(server.url)));
      for (const r of batch) {
        if (r.status === 'fulfilled') {
          sockets.push(r.value.ws);
          handshakes.push(r.value.ms);
        } else failed++;
      }
      if (failed > TARGET / 10) break;
      process.stderr.write(`\r  ${sockets.length} connections`);
    }
    process.stderr.write('\n');
    const elapsed = performance.now() - started;
    // Let them sit idle through a ping interval's worth of time before measuring.
    await new Promise((r) => setTimeout(r, 5000));
    const open = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
    const sorted = [...handshakes].sort((a, b) => a - b);
    const pct = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(3));
    return {
      bench: 'connections',
      n: open,
      p50_ms: pct(50),
      p95_ms: pct(95),
      p99_ms: pct(99),
      throughput_per_s: Number(((handshakes.length / elapsed) * 1000).toFixed(1)),
      rss_mb: server.rssMb(),
      server_rss_baseline_mb: baseline,
      kb_per_connection: Number((((server.rssMb() - baseline) * 1024) / Math.max(1, open)).toFixed(1)),
      failed,
      client_rss_mb: rssMb(),
    };
  } finally {
    for (const s of sockets) s.terminate();
    await server.stop();
  }
}
