/**
 * The embedded database (PGlite behind pglite-socket) on a real DATA_DIR: served on a Unix
 * socket in a 0700 directory instead of a loopback port anyone on the machine could reach, and
 * guarded by a pid lock file so a second process cannot open the same files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/db/data-dir-lock.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';

const logger = createLogger('silent');
const dirs: string[] = [];
const open: Database[] = [];
const children: ChildProcess[] = [];

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'carerelay-db-test-'));
  dirs.push(dir);
  return dir;
}
async function embedded(dir: string): Promise<Database> {
  const db = await createDatabase({ dataDir: dir, logger });
  open.push(db);
  return db;
}
/** The connection string the pool was given. */
const connectionOf = (db: Database) => (db.pool as unknown as { options: { connectionString: string } }).options.connectionString;

/** A process that is certainly alive (until we stop it), or one that certainly is not. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('embedded database access', () => {
  it('is served on a Unix socket in a directory only its owner can enter, not on a TCP port', async () => {
    const dir = dataDir();
    const db = await embedded(dir);
    const url = new URL(connectionOf(db));
    const socketDir = url.searchParams.get('host')!;
    expect(socketDir).toBe(join(dir, 'run'));
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(socketDir, '.s.PGSQL.5432')).isSocket()).toBe(true);
    expect(url.port).toBe('');
    await db.pool.query(`CREATE TABLE note (body text); INSERT INTO note VALUES ('private')`);
    // A client that knows the directory (as the owner) reaches the same database through the socket.
    const client = new pg.Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' });
    await client.connect();
    expect((await client.query('SELECT body FROM note')).rows).toEqual([{ body: 'private' }]);
    await client.end();
  });

  it('memory:// gets a private temporary socket directory, removed on close', async () => {
    const db = await createDatabase({ dataDir: 'memory://', logger });
    const socketDir = new URL(connectionOf(db)).searchParams.get('host')!;
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await db.close();
    expect(existsSync(socketDir)).toBe(false);
  });
});

describe('DATA_DIR lock', () => {
  it('holds a lock file with our pid while open, and removes it on close', async () => {
    const dir = dataDir();
    const db = await embedded(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    await db.close();
    open.splice(open.indexOf(db), 1);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a DATA_DIR locked by a running process, naming it, without touching the files', async () => {
    const dir = dataDir();
    const other = liveProcess();
    writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`);
    await expect(createDatabase({ dataDir: dir, logger })).rejects.toMatchObject({
      code: 'data_dir_locked',
      message: expect.stringContaining(`in use by another CareRelay (pid ${other.pid})`),
    });
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(other.pid));
    expect(existsSync(join(dir, 'pg'))).toBe(false);
  });

  it('takes over a stale lock left by a process that no longer runs, keeping the data', async () => {
    const dir = dataDir();
    const first = await embedded(dir);
    await first.pool.query(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)`);
    await first.close();
    open.splice(open.indexOf(first), 1);
    // As if the owner had been killed: its lock file stays behind.
    writeFileSync(join(dir, LOCK_FILE), `${await deadPid()}\n`);
    const again = await embedded(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect((await again.pool.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
  });
});

describe('embedded database statements', () => {
  it('keeps named statements working when a failed query replaces the connection', async () => {
    const db = await embedded('memory://');
    expect(db.namedStatements).toBe(true);
    const { migrate } = await import('../../src/db/migrate.js');
    const { createStore } = await import('../../src/store/store.js');
    await migrate(db, logger);
    const store = createStore(db);
    const conversation = await store.conversations.current(await store.contacts.upsert('test', 'named-statements'));
    await store.messages.insertInbound({ conversationId: conversation.id, role: 'patient', channel: 'test', body: 'first' });
    for (let i = 0; i < 3; i++) {
      // The same named claim, prepared again on each new connection of the one PGlite session.
      expect((await store.messages.claimTurn(conversation.id, 1))?.message?.body).toBe('first');
      await expect(db.pool.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
    }
  });
});
