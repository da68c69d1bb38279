import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { OutageLog } from '../outage-log.js';

export type Queryable = Pick<pg.Pool, 'query'>;

export interface Database {
  pool: pg.Pool;
  /** `embedded` when PGlite serves the pool on a private Unix socket. */
  kind: 'postgres' | 'embedded';
  /**
   * PGlite (ours, or one reached through DATABASE_URL): one session behind every connection,
   * one query at a time. The pool then has one connection and statements stay unnamed.
   */
  singleSession: boolean;
  /**
   * Whether hot statements may be prepared under a name (parsed and planned once per connection).
   * PostgreSQL: yes. Our embedded PGlite: yes, as each new pool connection first drops the names
   * a replaced connection left in the one session. A PGlite reached through DATABASE_URL: no (other
   * processes may share its session).
   */
  namedStatements: boolean;
  schema?: string;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /**
   * A connection of its own, outside the pool, for a session that must outlive any one query
   * (a session advisory lock). Ended by `close()` if its owner has not ended it. Not for a
   * single-session (PGlite) database, which has no second session to give.
   */
  dedicatedClient(): Promise<pg.Client>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  schema?: string;
  /** For the embedded database: a directory, or `memory://` for tests and `ask`. */
  dataDir: string;
  logger: Logger;
  maxConnections?: number;
  /** Connection failures become UnavailableError and are logged once per outage. */
  outage?: OutageLog;
}

// Bigints (bigserial ids, counts) come back as strings by default; ours fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Unix socket paths are limited to about 107 bytes; PostgreSQL names the file `.s.PGSQL.<port>`. */
const SOCKET_FILE = '.s.PGSQL.5432';
const MAX_SOCKET_PATH = 100;

/**
 * A directory only we can enter (0700) for the embedded server's socket: under DATA_DIR, or a
 * private temporary one for `memory://` and DATA_DIRs too deep for a socket path.
 */
function socketDir(dataDir: string | undefined): { dir: string; temporary: boolean } {
  if (dataDir) {
    const dir = resolve(dataDir, 'run');
    if (join(dir, SOCKET_FILE).length <= MAX_SOCKET_PATH) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
      return { dir, temporary: false };
    }
  }
  return { dir: mkdtempSync(join(tmpdir(), 'carerelay-pg-')), temporary: true };
}

async function startEmbedded(dataDir: string, maxConnections: number, logger: Logger) {
  const { PGlite } = await import('@electric-sql/pglite');
  // pgvector, for knowledge embeddings (migration 003 creates the extension in the database).
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const memory = dataDir.startsWith('memory://');
  const dir = memory ? dataDir : resolve(dataDir, 'pg');
  // One process per DATA_DIR: a second one would open the same database files.
  const lock = memory ? undefined : acquireDataDirLock(dataDir);
  let sockets: { dir: string; temporary: boolean } | undefined;
  try {
    if (!memory) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const db = await PGlite.create(dir, { extensions: { vector } });
    // PGlite has no passwords: the socket lives in a 0700 directory, so only this user can connect.
    sockets = socketDir(memory ? undefined : dataDir);
    const path = join(sockets.dir, SOCKET_FILE);
    // Left by a killed instance; we hold the DATA_DIR lock, so nobody else is serving it.
    rmSync(path, { force: true });
    const server = new PGLiteSocketServer({ db, path, maxConnections });
    await server.start();
    chmodSync(path, 0o600);
    logger.info({ dataDir: memory ? 'memory' : dir }, 'embedded PostgreSQL (PGlite) started');
    const socketsDir = sockets;
    return {
      url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketsDir.dir)}&port=5432&sslmode=disable`,
      async stop() {
        try {
          await server.stop();
          await db.close();
        } finally {
          rmSync(socketsDir.temporary ? socketsDir.dir : path, { recursive: true, force: true });
          lock?.release();
        }
      },
    };
  } catch (err) {
    if (sockets?.temporary) rmSync(sockets.dir, { recursive: true, force: true });
    lock?.release();
    throw err;
  }
}

function createPool(url: string, max: number, options: DatabaseOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', (err) => {
    if (options.outage) options.outage.failure('database', err);
    else options.logger.warn({ err: err.message }, 'database connection lost');
  });
  if (options.outage) reportCalls(pool, options.outage);
  return pool;
}

const REPORTED = Symbol('outage-reported');

/**
 * Every promise-returning `query` and `connect` (and the queries of checked-out clients) tells the
 * outage log how it went. Callback calls (pg-pool's own internals) pass through untouched.
 */
function reportCalls(pool: pg.Pool, outage: OutageLog): void {
  const settle = <T>(result: T): T => {
    if (!result || typeof (result as { then?: unknown }).then !== 'function') return result;
    return (result as unknown as Promise<unknown>).then(
      (value) => (outage.success('database'), value),
      (err) => {
        throw outage.failure('database', err);
      },
    ) as T;
  };
  const wrapClient = (client: pg.PoolClient): pg.PoolClient => {
    const tagged = client as pg.PoolClient & { [REPORTED]?: true };
    if (!tagged[REPORTED]) {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      tagged.query = ((...args: unknown[]) => settle(query(...args))) as typeof client.query;
      tagged[REPORTED] = true;
    }
    return client;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => settle(query(...args))) as typeof pool.query;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    if (typeof args[0] === 'function') return connect(...args);
    return settle((connect() as Promise<pg.PoolClient>).then(wrapClient));
  }) as typeof pool.connect;
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  // PGlite runs one query at a time, and its socket server can interleave the extended-protocol
  // messages of concurrent connections: a PGlite database gets exactly one connection. Our
  // embedded server allows a few more, since pg replaces a connection after a query error and
  // the old one may still be closing.
  const embedded = options.url ? undefined : await startEmbedded(options.dataDir, 4, options.logger);
  const url = options.url ?? embedded!.url;
  let pool = createPool(url, embedded ? 1 : (options.maxConnections ?? 10), options);
  // The embedded session outlives its connections: statements a replaced connection prepared
  // are still there, and pg would prepare them again under the same names on the new one.
  if (embedded) pool.on('connect', (client) => void client.query('DEALLOCATE ALL').catch(() => undefined));
  let singleSession = Boolean(embedded);
  if (!embedded) {
    const { rows } = await pool.query<{ version: string }>('SELECT version()');
    if (/PGlite/i.test(rows[0]?.version ?? '')) {
      singleSession = true;
      await pool.end();
      pool = createPool(url, 1, options);
    }
  }
  const schema = options.schema;
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const dedicated = new Set<pg.Client>();
  let closed = false;

  return {
    pool,
    kind: embedded ? 'embedded' : 'postgres',
    singleSession,
    namedStatements: !singleSession || Boolean(embedded),
    schema,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async dedicatedClient() {
      if (closed) throw new Error('database closed');
      if (singleSession) throw new Error('a single-session database has no dedicated connections');
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: 10_000,
        ...(schema ? { options: `-c search_path=${schema},public` } : {}),
      });
      dedicated.add(client);
      client.once('end', () => dedicated.delete(client));
      try {
        await client.connect();
      } catch (err) {
        dedicated.delete(client);
        throw err;
      }
      return client;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      closed = true;
      await Promise.all([...dedicated].map((c) => c.end().catch(() => undefined)));
      await pool.end();
      await embedded?.stop();
    },
  };
}
