/**
 * Two CareRelay processes on one DATA_DIR (the embedded database): the second refuses to start,
 * saying why, and the first keeps serving. After the first is SIGKILLed its lock is stale, and a
 * new process takes it over and finds every acknowledged message.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectVisitor } from '../helpers/app.js';
import { spawnApp, type AppProcess } from './harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'carerelay-faults-data-'));
const apps: AppProcess[] = [];
afterAll(async () => {
  for (const app of apps) await app.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

// Embedded everything: no DATABASE_URL or REDIS_URL reaches the child.
const embedded = { DATA_DIR: dataDir, WEB_CHAT_IP_CONNECTIONS_PER_MIN: '0', WEB_CHAT_IP_MESSAGES_PER_MIN: '0' };

describe('fault: two instances on one DATA_DIR', () => {
  it('the second refuses to start; after a SIGKILL the stale lock is taken over and nothing is lost', async () => {
    const first = await spawnApp(embedded);
    apps.push(first);
    expect(readFileSync(join(dataDir, 'carerelay.lock'), 'utf8').trim()).toBe(String(first.pid));
    expect(statSync(join(dataDir, 'run')).mode & 0o777).toBe(0o700);
    const visitor = await connectVisitor(first.url);
    const ack = await visitor.send('How do I refill my prescription?', randomUUID());
    expect(ack).toMatchObject({ ok: true });
    await visitor.next((m) => m.role === 'bot');

    const second = await spawnApp(embedded, { waitReady: false });
    apps.push(second);
    const { code } = await second.exited;
    expect(code).toBe(78);
    const said = second.output.join('\n');
    expect(said).toContain(`DATA_DIR ${dataDir} is in use by another CareRelay (pid ${first.pid})`);
    expect(said).not.toMatch(/\n\s+at /); // a plain sentence, no stack trace
    // The first one never noticed.
    expect(first.alive()).toBe(true);
    expect(await visitor.send('And on Saturday?', randomUUID())).toMatchObject({ ok: true });
    await visitor.next((m) => m.role === 'bot');
    visitor.close();

    await first.kill('SIGKILL');
    // Its lock stays behind with a pid that no longer runs.
    expect(readFileSync(join(dataDir, 'carerelay.lock'), 'utf8').trim()).toBe(String(first.pid));

    const third = await spawnApp(embedded);
    apps.push(third);
    expect(readFileSync(join(dataDir, 'carerelay.lock'), 'utf8').trim()).toBe(String(third.pid));
    const back = await connectVisitor(third.url, { token: visitor.session.token });
    const history = await back.history();
    expect(history.filter((m) => m.role === 'patient').map((m) => m.text)).toEqual(['How do I refill my prescription?', 'And on Saturday?']);
    back.close();

    // A clean stop removes the lock.
    const stopped = await third.kill('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(() => statSync(join(dataDir, 'carerelay.lock'))).toThrow();
  });
});
