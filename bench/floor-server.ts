/**
 * The floor for `turn-socketio`: the least a durable web chat server can do per message with the
 * same parts (our socket.io, our pg, our database set-up), and nothing else. Each message is
 * stored together with its reply in one PostgreSQL statement (one round trip), then acknowledged
 * and answered. No engine, no rate limits, no Redis. Run as its own process by bench/turn-floor.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { createDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';

const logger = createLogger('warn');
const db = await createDatabase({
  url: process.env.DATABASE_URL || undefined,
  schema: process.env.DATABASE_SCHEMA || undefined,
  dataDir: 'memory://',
  logger,
});
await db.pool.query(`CREATE TABLE IF NOT EXISTS floor_messages (
  id bigserial PRIMARY KEY, conversation_id uuid NOT NULL, direction text NOT NULL, body text NOT NULL,
  in_reply_to bigint, created_at timestamptz NOT NULL DEFAULT now())`);

const STORE = `WITH m AS (INSERT INTO floor_messages (conversation_id, direction, body) VALUES ($1, 'in', $2) RETURNING id)
  INSERT INTO floor_messages (conversation_id, direction, body, in_reply_to) SELECT $1, 'out', $3, m.id FROM m
  RETURNING in_reply_to AS "inId", id, created_at AS "createdAt"`;

const http = createServer((req, res) => {
  res.writeHead(req.url === '/health' || req.url === '/ready' ? 200 : 404, { 'content-type': 'text/plain' }).end('ok');
});
const io = new Server(http, { maxHttpBufferSize: 64 * 1024, pingInterval: 25_000, pingTimeout: 20_000 });
io.on('connection', (socket) => {
  const conversationId = randomUUID();
  socket.emit('session', { conversationId, token: conversationId, language: 'en' });
  socket.on('message', (payload: { text?: unknown }, ack?: (r: unknown) => void) => {
    const text = typeof payload?.text === 'string' ? payload.text : '';
    db.pool.query<{ inId: number; id: number; createdAt: Date }>({ name: db.namedStatements ? 'floor-store' : undefined, text: STORE, values: [conversationId, text, `echo: ${text}`] }).then(
      ({ rows }) => {
        const row = rows[0]!;
        ack?.({ ok: true, id: String(row.inId) });
        socket.emit('message', { id: String(row.id), role: 'bot', text: `echo: ${text}`, createdAt: row.createdAt.toISOString() });
      },
      () => ack?.({ ok: false, error: { code: 'unavailable', message: 'unavailable' } }),
    );
  });
});
http.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
const stop = async () => {
  io.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
