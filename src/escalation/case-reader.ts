import { existsSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { createDatabase, type Database } from '../db/database.js';
import { LOCK_FILE } from '../db/data-dir-lock.js';
import type { Logger } from '../logger.js';
import { findCase, listQueue, type QueueEntry } from './case-queue.js';
import { createStore } from '../store/store.js';
import { createCasesStore, type CaseEvent, type CaseState } from './cases-store.js';
import { handBack } from './policy.js';

/** One case with what staff need to follow it up: the ledger and the recent conversation. */
export interface CaseDetail extends QueueEntry {
  details: Record<string, unknown>;
  deadlineAt: Date | null;
  conversation: { channel: string; address: string | null; mode: string; language: string | null } | null;
  events: Pick<CaseEvent, 'at' | 'kind' | 'actor' | 'detail'>[];
  /** The newest messages, oldest first; `total` says how many the conversation has. */
  transcript: { messages: { at: Date; role: string; text: string }[]; total: number };
}

/** Reads (and, for `close`, closes) cases: from the database, or through the running server's socket. */
export interface CaseReader {
  readonly source: string;
  list(states: readonly CaseState[], limit: number): Promise<QueueEntry[]>;
  show(ref: string, messages: number): Promise<CaseDetail | undefined>;
  /** Marks an open case resolved (staff followed it up outside CareRelay); undefined when not open. */
  close(ref: string, actor: string): Promise<QueueEntry | undefined>;
  end(): Promise<void>;
}

const TRANSCRIPT_DEFAULT = 20;

/** The case tables exist (a database CareRelay has never started on has none). */
async function hasCaseTables(db: Database): Promise<boolean> {
  const { rows } = await db.pool.query<{ t: string | null }>(`SELECT to_regclass('cases')::text AS t`);
  return rows[0]?.t != null;
}

/** A reader over an open database (the CLI's own connection, or the server's pool behind its socket). */
export function databaseReader(db: Database, source: string, onEnd: () => Promise<void> = async () => undefined): CaseReader {
  let ready: Promise<boolean> | undefined;
  const tables = () => (ready ??= hasCaseTables(db));
  return {
    source,
    async list(states, limit) {
      if (!(await tables())) return [];
      return listQueue(db.pool, states, limit);
    },
    async show(ref, messages = TRANSCRIPT_DEFAULT) {
      if (!(await tables())) return undefined;
      const entry = await findCase(db.pool, ref);
      if (!entry) return undefined;
      const [extra, conversation, events, transcript, total] = await Promise.all([
        db.pool.query<{ details: Record<string, unknown>; deadlineAt: Date | null }>(`SELECT details, deadline_at AS "deadlineAt" FROM cases WHERE id = $1`, [entry.id]),
        db.pool.query<{ channel: string; address: string | null; mode: string; language: string | null }>(
          `SELECT c.channel, k.external_id AS address, c.mode, c.language FROM conversations c LEFT JOIN contacts k ON k.id = c.contact_id WHERE c.id = $1`,
          [entry.conversationId],
        ),
        db.pool.query<CaseDetail['events'][number]>(`SELECT at, kind, actor, detail FROM case_events WHERE case_id = $1 ORDER BY id`, [entry.id]),
        db.pool.query<{ at: Date; role: string; text: string }>(
          `SELECT at, role, text FROM (SELECT id, created_at AS at, role, body AS text FROM messages WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2) m ORDER BY id`,
          [entry.conversationId, Math.max(0, messages)],
        ),
        db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`, [entry.conversationId]),
      ]);
      return {
        ...entry,
        details: extra.rows[0]?.details ?? {},
        deadlineAt: extra.rows[0]?.deadlineAt ?? null,
        conversation: conversation.rows[0] ?? null,
        events: events.rows,
        transcript: { messages: transcript.rows, total: total.rows[0]?.n ?? 0 },
      };
    },
    async close(ref, actor) {
      if (!(await tables())) return undefined;
      const entry = await findCase(db.pool, ref);
      if (!entry) return undefined;
      const closed = await createCasesStore(db).close(entry.id, 'resolved', actor);
      if (!closed) return undefined;
      // The conversation goes back to the assistant, as after Resolve in Mattermost.
      await handBack(createStore(db).conversations, closed.conversationId);
      return findCase(db.pool, closed.id);
    },
    end: onEnd,
  };
}

// --- the running server's private socket (embedded database only) -------------------------

/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;
export const CASES_SOCKET = 'cases.sock';

export function casesSocketPath(dataDir: string): string | undefined {
  const path = join(resolve(dataDir), 'run', CASES_SOCKET);
  return path.length <= MAX_SOCKET_PATH ? path : undefined;
}

const revive = (_key: string, value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? new Date(value) : value;

/**
 * The embedded database belongs to the one process that holds DATA_DIR: while the server
 * runs, `carerelay cases` asks it over a Unix socket in DATA_DIR/run (a directory only this
 * user can enter, like the database socket next to it). Loopback JSON, three routes.
 */
export async function startCasesSocket(dataDir: string, reader: CaseReader, logger: Logger): Promise<{ close(): Promise<void> } | undefined> {
  const path = casesSocketPath(dataDir);
  if (!path) {
    logger.debug({ dataDir }, 'DATA_DIR too deep for a Unix socket path; `carerelay cases` needs the server stopped');
    return undefined;
  }
  rmSync(path, { force: true });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cases');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const run = async () => {
      const states = (url.searchParams.get('states') ?? 'queued,offered,claimed').split(',') as CaseState[];
      if (req.method === 'GET' && url.pathname === '/cases') return send(200, await reader.list(states, Number(url.searchParams.get('limit') ?? 200)));
      const show = /^\/cases\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && show) {
        const detail = await reader.show(decodeURIComponent(show[1]!), Number(url.searchParams.get('messages') ?? TRANSCRIPT_DEFAULT));
        return detail ? send(200, detail) : send(404, { error: 'not_found' });
      }
      const close = /^\/cases\/([^/]+)\/close$/.exec(url.pathname);
      if (req.method === 'POST' && close) {
        const closed = await reader.close(decodeURIComponent(close[1]!), url.searchParams.get('actor') ?? 'cli');
        return closed ? send(200, closed) : send(409, { error: 'not_open' });
      }
      send(404, { error: 'no_route' });
    };
    run().catch((err) => {
      logger.warn({ err: (err as Error).message }, 'cases socket request failed');
      send(500, { error: 'failed' });
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
        rmSync(path, { force: true });
      }),
  };
}

function socketCall<T>(path: string, method: 'GET' | 'POST', url: string): Promise<{ status: number; body: T }> {
  return new Promise((ok, fail) => {
    const req = request({ socketPath: path, method, path: url, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          ok({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8'), revive) as T });
        } catch (err) {
          fail(err);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('the running CareRelay did not answer in time')));
    req.on('error', fail);
    req.end();
  });
}

function socketReader(path: string, pid: number): CaseReader {
  return {
    source: `the running CareRelay (pid ${pid})`,
    async list(states, limit) {
      const r = await socketCall<QueueEntry[]>(path, 'GET', `/cases?states=${states.join(',')}&limit=${limit}`);
      if (r.status !== 200) throw new Error(`the running CareRelay answered ${r.status}`);
      return r.body;
    },
    async show(ref, messages = TRANSCRIPT_DEFAULT) {
      const r = await socketCall<CaseDetail>(path, 'GET', `/cases/${encodeURIComponent(ref)}?messages=${messages}`);
      if (r.status === 404) return undefined;
      if (r.status !== 200) throw new Error(`the running CareRelay answered ${r.status}`);
      return r.body;
    },
    async close(ref, actor) {
      const r = await socketCall<QueueEntry>(path, 'POST', `/cases/${encodeURIComponent(ref)}/close?actor=${encodeURIComponent(actor)}`);
      if (r.status === 409) return undefined;
      if (r.status !== 200) throw new Error(`the running CareRelay answered ${r.status}`);
      return r.body;
    },
    end: async () => undefined,
  };
}

/** The pid holding DATA_DIR, when that process is alive. */
function liveLockOwner(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(resolve(dataDir), LOCK_FILE), 'utf8').trim(), 10);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    try {
      process.kill(pid, 0);
      return pid;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
    }
  } catch {
    return undefined;
  }
}

export class NoCaseDatabase extends Error {
  /** True when there is simply no database yet (so no cases), false when one exists but cannot be read now. */
  constructor(message: string, readonly empty: boolean) {
    super(message);
  }
}

/**
 * Where `carerelay cases` reads from: DATABASE_URL when set; otherwise the embedded database
 * under DATA_DIR, opened directly when no server holds it, or through the running server.
 */
export async function openCaseReader(config: Config, logger: Logger): Promise<CaseReader> {
  const { url, schema } = config.database;
  if (url) {
    const db = await createDatabase({ url, schema, dataDir: config.dataDir, logger, maxConnections: 2 });
    return databaseReader(db, `PostgreSQL${schema ? ` (schema ${schema})` : ''}`, () => db.close());
  }
  const owner = liveLockOwner(config.dataDir);
  if (owner !== undefined) {
    const path = casesSocketPath(config.dataDir);
    if (!path || !existsSync(path)) {
      throw new NoCaseDatabase(
        `DATA_DIR ${resolve(config.dataDir)} is held by CareRelay (pid ${owner}), which offers no cases socket there. Stop it, or upgrade it, to read cases.`,
        false,
      );
    }
    return socketReader(path, owner);
  }
  if (!existsSync(join(resolve(config.dataDir), 'pg'))) {
    throw new NoCaseDatabase(`No database under DATA_DIR ${resolve(config.dataDir)} yet (CareRelay has not run there), so there are no cases. Set DATABASE_URL or DATA_DIR if the cases are elsewhere.`, true);
  }
  const db = await createDatabase({ dataDir: config.dataDir, logger });
  return databaseReader(db, `the embedded database in ${resolve(config.dataDir)}`, () => db.close());
}
