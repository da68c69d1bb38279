/**
 * The fault suite's own world: a private PostgreSQL (initdb into a temporary directory, pg_ctl on
 * a free loopback port) and a private Redis, which tests stop, kill and start again; and CareRelay
 * itself as a child process (the built `dist/src/main.js`, as `npm start` runs it), which tests
 * SIGKILL and restart. Everything listens on 127.0.0.1 only and every wait is bounded.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../bench/app-process.js';

const exec = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export interface Service {
  url: string;
  port: number;
  /** An outage: the service dies at once (no clean shutdown). */
  kill(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- Redis ------------------------------------------------------------------------------------

export async function startRedis(): Promise<Service> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolveStart, reject) => {
      const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out.slice(-300)}`)), 15_000);
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolveStart();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}): ${out.slice(-300)}`));
      });
    });
  const kill = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, kill, destroy: kill };
}

// ---- PostgreSQL -------------------------------------------------------------------------------

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const path = join(root, version, 'bin', name);
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} not found under ${root}/*/bin (apt-get install postgresql)`);
}

export async function startPostgres(): Promise<Service> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'carerelay-faults-pg-'));
  const data = join(dir, 'data');
  // initdb refuses to run as root: as root, the cluster belongs to user postgres.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number((await exec('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await exec('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) => (asRoot ? exec('runuser', ['-u', 'postgres', '--', pgBin(bin), ...args]) : exec(pgBin(bin), args));
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = async () => {
    await run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  };
  // Immediate mode: the server quits without a checkpoint, as in a crash; connections are cut.
  const kill = async () => {
    await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']).catch(() => undefined);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    kill,
    async destroy() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- CareRelay as a process -------------------------------------------------------------------

export interface AppProcess {
  url: string;
  port: number;
  pid: number;
  /** stderr and stdout lines so far. */
  output: string[];
  /** Still running. */
  alive(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Environment for a child app: nothing inherited that points at the shared test services. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  return { ...base, ...env };
}

/** Spawns the app; `waitReady: false` returns at once (for an instance expected to refuse to start). */
export async function spawnApp(env: Record<string, string>, options: { port?: number; waitReady?: boolean; cwd?: string } = {}): Promise<AppProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} not built: run npm run build (npm run test:faults does)`);
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--max-semi-space-size=64', MAIN], {
    cwd: options.cwd ?? tmpdir(),
    env: childEnv({ PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      output.push(...lines);
    });
    stream.on('end', () => partial && output.push(partial));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    port,
    pid: child.pid!,
    output,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    async kill(signal = 'SIGKILL') {
      if (app.alive()) child.kill(signal);
      return exited;
    },
  };
  if (options.waitReady === false) return app;
  await until(
    async () => {
      if (!app.alive()) throw new Error(`app exited before it was ready:\n${output.slice(-20).join('\n')}`);
      return fetch(`${url}/health`).then((r) => r.ok, () => false);
    },
    'the app to answer /health',
    90_000,
  );
  return app;
}

// ---- What the database holds ------------------------------------------------------------------

/** Inbound message ids among `ids` that have no reply stored yet. */
export async function unanswered(databaseUrl: string, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT i.id FROM messages i
        WHERE i.id = ANY($1::bigint[]) AND i.direction = 'in'
          AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.direction = 'out' AND o.in_reply_to = i.id)
        ORDER BY i.id`,
      [ids],
    );
    return rows.map((r) => Number(r.id));
  } finally {
    await client.end();
  }
}

/**
 * Holds a conversation the way a running instance does (conversations.holder = an id whose
 * advisory lock a live session holds), so its turns cannot run anywhere else. `release()` ends
 * that session, as a crash would: the holder is then visibly dead.
 */
export async function holdConversation(databaseUrl: string, conversationId: string): Promise<{ id: number; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const id = 1_000_000_007 + Math.floor(Math.random() * 1_000_000);
  await client.query('SELECT pg_advisory_lock($1)', [id]);
  await client.query('UPDATE conversations SET holder = $2 WHERE id = $1', [conversationId, id]);
  return { id, release: () => client.end() };
}
