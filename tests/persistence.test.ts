import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp } from './helpers/app.js';

// The bare-machine default: embedded PostgreSQL on disk and in-process state, whatever
// services the rest of the suite uses.
const dataDir = mkdtempSync(join(tmpdir(), 'carerelay-persist-'));
const embedded = { DATABASE_URL: '', REDIS_URL: '', REQUIRE_SERVICES: '', DATA_DIR: dataDir };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('embedded database', () => {
  it('keeps a visitor’s conversation across a restart', async () => {
    const first = await startTestApp(embedded);
    expect(first.relay.db.kind).toBe('embedded');
    const visitor = await connectVisitor(first.url);
    await visitor.send('hola');
    await visitor.next((m) => m.role === 'bot');
    visitor.close();
    await first.close();

    const second = await startTestApp(embedded);
    try {
      const back = await connectVisitor(second.url, { token: visitor.session.token });
      expect(back.session.conversationId).toBe(visitor.session.conversationId);
      const history = await back.history();
      expect(history.map((m) => [m.role, m.text.slice(0, 5)])).toEqual([
        ['patient', 'hola'],
        ['bot', '¡Hola'],
      ]);
      back.close();
    } finally {
      await second.close();
    }
  });
});
