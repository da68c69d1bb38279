import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { createCareRelay, type CareRelay } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

/**
 * Test configuration: real PostgreSQL / Redis when DATABASE_URL / REDIS_URL are set (each
 * test file gets its own schema and key prefix), embedded PGlite and in-process state
 * otherwise. With REQUIRE_SERVICES=1 a missing service fails the config, never skips.
 */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  const id = randomBytes(4).toString('hex');
  return parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: 'memory://',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_SCHEMA: process.env.DATABASE_URL ? `t_${id}` : undefined,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: `test:${id}:`,
    REQUIRE_SERVICES: process.env.REQUIRE_SERVICES,
    NODE_ENV: 'test',
    ...env,
  });
}

export interface TestApp {
  relay: CareRelay;
  url: string;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string | undefined> = {}, config = testConfig(env)): Promise<TestApp> {
  // Indexes built when a question needs them: a test server is asked a few questions in one or
  // two languages, and every index built in the background (seconds of CPU) slows the rest.
  const relay = await createCareRelay(config, { logger: createLogger(config.logLevel), indexInBackground: false });
  const address = await relay.listen();
  return {
    relay,
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      await relay.close();
      await dropSchema(config);
      if (config.redis.url) await dropKeys(config.redis.url, config.redis.keyPrefix);
    },
  };
}

/** Removes a test file's schema from the shared PostgreSQL. */
export async function dropSchema(config: Config): Promise<void> {
  if (!config.database.url || !config.database.schema) return;
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${config.database.schema} CASCADE`);
  await client.end();
}

export async function dropKeys(url: string, prefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

/** A web chat visitor over a real socket.io client. */
export async function connectVisitor(url: string, auth: { token?: string; language?: string } = {}) {
  const socket: Socket = connect(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  const received: { event: string; data: any }[] = [];
  socket.onAny((event, data) => received.push({ event, data }));
  const session = await new Promise<{ conversationId: string; token: string; language: string }>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    session,
    received,
    send(text: unknown, clientId?: string): Promise<any> {
      return socket.timeout(10_000).emitWithAck('message', clientId ? { text, clientId } : { text });
    },
    /** The `history` the server sent on resume (waits for it if it has not arrived yet). */
    history(timeoutMs = 10_000): Promise<any[]> {
      const seen = received.find((r) => r.event === 'history');
      if (seen) return Promise.resolve(seen.data);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no history in time')), timeoutMs);
        socket.once('history', (data: any[]) => {
          clearTimeout(timer);
          resolve(data);
        });
      });
    },
    /** Resolves with the next server `message` whose predicate matches. */
    next(predicate: (m: any) => boolean = () => true, timeoutMs = 10_000): Promise<any> {
      const seen = received.find((r) => r.event === 'message' && predicate(r.data) && !(r as any).taken);
      if (seen) {
        (seen as any).taken = true;
        return Promise.resolve(seen.data);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching message in time')), timeoutMs);
        const on = (m: any) => {
          if (!predicate(m)) return;
          const entry = received.find((r) => r.data === m);
          if (entry) (entry as any).taken = true;
          clearTimeout(timer);
          socket.off('message', on);
          resolve(m);
        };
        socket.on('message', on);
      });
    },
    close() {
      socket.disconnect();
    },
  };
}
