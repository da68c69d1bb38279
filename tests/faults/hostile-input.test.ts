/**
 * Hostile and malformed input against a running CareRelay process: wrong types and sizes on
 * every web chat event, broken and oversized HTTP bodies. Every event is answered with a code,
 * every request with a 4xx, a frame over socket.io's size limit closes only its own socket, and
 * the process keeps serving ordinary visitors.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor } from '../helpers/app.js';
import { spawnApp, type AppProcess } from './harness.js';

let app: AppProcess;
beforeAll(async () => {
  app = await spawnApp({ DATA_DIR: 'memory://', BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: '1', WEB_CHAT_IP_CONNECTIONS_PER_MIN: '0', WEB_CHAT_IP_MESSAGES_PER_MIN: '0' });
});
// SIGTERM: a clean stop also removes the embedded database's temporary socket directory.
afterAll(() => app?.kill('SIGTERM'));

type Ack = { ok: boolean; error?: { code: string; message: string } };

describe('fault: hostile input', () => {
  it('answers every malformed web chat event with an error code and keeps serving', async () => {
    const visitor = await connectVisitor(app.url);
    const ask = (event: string, ...args: unknown[]): Promise<Ack> => visitor.socket.timeout(15_000).emitWithAck(event, ...args);
    const nested: Record<string, unknown> = {};
    let cursor = nested;
    for (let i = 0; i < 500; i++) cursor = (cursor.a = {}) as Record<string, unknown>;
    const payloads: unknown[] = [
      null,
      'just a string',
      42,
      [],
      { text: 42 },
      { text: null },
      { text: ['a', 'b'] },
      { text: { nested: true } },
      { text: '' },
      { text: '\u0000\u0001\u0002' },
      { text: 'x'.repeat(4_100) },
      { text: 'hello', clientId: { not: 'a string' } },
      { text: 'hello', clientId: 'c'.repeat(10_000) },
      nested,
    ];
    const codes: string[] = [];
    for (const payload of payloads) {
      const ack = await ask('message', payload);
      const label = JSON.stringify(payload)?.slice(0, 60);
      // Refused with a code the page knows (nothing here is a message the bot should answer).
      expect(ack.ok, label).toBe(false);
      expect(ack.error?.code, label).toMatch(/^(invalid|empty|tooLong)$/);
      codes.push(ack.error!.code);
    }
    expect(codes).toContain('tooLong');
    for (const payload of [null, 'xx', { language: '../../etc/passwd' }, { language: { en: true } }, { language: 'x'.repeat(50_000) }]) {
      const ack = await ask('language', payload);
      expect(ack.ok, JSON.stringify(payload)?.slice(0, 60)).toBe(false);
      expect(ack.error?.code).not.toBe('internal');
    }
    // An event the server does not know, and an event without an acknowledgement callback.
    visitor.socket.emit('no-such-event', { text: 'hi' });
    visitor.socket.emit('message', { text: 'no ack wanted' });

    // A frame over socket.io's size limit closes that one socket, nothing else.
    const flooder = await connectVisitor(app.url);
    const closed = new Promise((resolve) => flooder.socket.once('disconnect', resolve));
    flooder.socket.emit('message', { text: 'x'.repeat(2_000_000) });
    await closed;

    expect(app.alive()).toBe(true);
    const ok = await visitor.send('What are your opening hours?', randomUUID());
    expect(ok).toMatchObject({ ok: true });
    await visitor.next((m) => m.role === 'bot' && /hour|open/i.test(m.text), 20_000);
    visitor.close();
  });

  it('refuses broken and oversized HTTP bodies with 4xx and keeps serving', async () => {
    const post = (path: string, body: string | Buffer, type: string) => fetch(`${app.url}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });
    const cases: [string, Promise<Response>][] = [
      ['broken JSON activity', post('/api/messages', '{"type": "message", ', 'application/json')],
      ['JSON that is not an activity', post('/api/messages', '[1,2,3]', 'application/json')],
      ['an activity of 5 MB', post('/api/messages', JSON.stringify({ type: 'message', text: 'x'.repeat(5_000_000) }), 'application/json')],
      ['a form to a channel that is off', post('/channels/twilio/sms', 'Body=hi&From=%2B1', 'application/x-www-form-urlencoded')],
      ['binary garbage', post('/api/messages', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]), 'application/json')],
    ];
    for (const [what, pending] of cases) {
      const res = await pending;
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(await res.text(), what).not.toMatch(/\n\s+at |node_modules/);
    }
    expect(app.alive()).toBe(true);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });
});
