import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger.js';

export type Queryable = Pick<pg.Pool, 'query'>;

export interface Database {
  pool: pg.Pool;
  /** `embedded` when PGlite serves the pool on loopback. */
  kind: 'postgres' | 'embedded';
  /**
   * PGlite (ours, or one reached through DATABASE_URL): one session behind every connection,
   * one query at a time. The pool then has one connection and statements stay unnamed.
   */
  singleSession: boolean;
  schema?: string;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
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
}

// Bigints (bigserial ids, counts) come back as strings by default; ours fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

async function startEmbedded(dataDir: string, maxConnections: number, logger: Logger) {
  const { PGlite } = await import('@electric-sql/pglite');
  // pgvector, for knowledge embeddings (migration 003 creates the extension in the database).
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const memory = dataDir.startsWith('memory://');
  const dir = memory ? dataDir : resolve(dataDir, 'pg');
  if (!memory) mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir, { extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const address = server.getServerConn();
  logger.info({ dataDir: memory ? 'memory' : dir }, 'embedded PostgreSQL (PGlite) started');
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
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
  pool.on('error', (err) => options.logger.warn({ err: err.message }, 'database connection lost'));
  return pool;
}

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  // PGlite runs one query at a time, and its socket server can interleave the extended-protocol
  // messages of concurrent connections: a PGlite database gets exactly one connection. Our
  // embedded server allows a few more, since pg replaces a connection after a query error and
  // the old one may still be closing.
  const embedded = options.url ? undefined : await startEmbedded(options.dataDir, 4, options.logger);
  const url = options.url ?? embedded!.url;
  let pool = createPool(url, embedded ? 1 : (options.maxConnections ?? 10), options);
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

  return {
    pool,
    kind: embedded ? 'embedded' : 'postgres',
    singleSession,
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
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
