import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs the built server in its own process (as users run it), so its memory is measured alone. */
export async function startServerProcess(
  env: Record<string, string> = {},
  options: { main?: string } = {},
): Promise<{ url: string; pid: number; rssMb(): number; stop(): Promise<void> }> {
  const port = await freePort();
  // `main`: another server to run the same way (the turn-floor server), relative to dist/bench.
  const main = options.main ? join(dirname(fileURLToPath(import.meta.url)), options.main) : join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main.js');
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  // The flags `npm start` runs the server with (package.json), for CareRelay and its floor alike.
  const nodeArgs = ['--max-semi-space-size=64', ...(process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
  // The embedded database in files on disk, as `npm start` keeps it (in memory, PGlite copies a
  // whole file each time one grows: a cost no user has), in a directory of its own, removed after.
  const dataDir = process.env.DATABASE_URL ? './data' : mkdtempSync(join(tmpdir(), 'carerelay-bench-'));
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_SCHEMA: process.env.DATABASE_URL ? `bench_${process.pid}` : '',
      REDIS_KEY_PREFIX: `bench:${process.pid}:`,
      // Every bench client comes from 127.0.0.1: no per-address web chat limits.
      WEB_CHAT_IP_CONNECTIONS_PER_MIN: '0',
      WEB_CHAT_IP_MESSAGES_PER_MIN: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const removeDataDir = () => {
    if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      // Ready, not merely alive: a load balancer sends no patients to an instance still indexing.
      if (await fetch(`${url}/ready`).then((r) => r.ok).catch(() => false)) break;
      if (i > 600) throw new Error('server did not start in 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    // A server that never came up leaves neither a process nor a data directory behind.
    if (child.exitCode === null) child.kill('SIGKILL');
    removeDataDir();
    throw err;
  }
  return {
    url,
    pid: child.pid!,
    rssMb() {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      return Number((kb / 1024).toFixed(1));
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      removeDataDir();
    },
  };
}

/** A port nothing listens on right now, for a server that must know its URL before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
