/**
 * Web chat doors: which origins may open a session, per-address limits that new visitor ids
 * do not escape, tokens that expire and rotate, and "End chat".
 */
import { createHmac } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSessionTokens } from '../../channels/web-chat/session-token.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';

// Each test starts its own app (and Redis or PostgreSQL): slow on a busy machine, not a timing assertion.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SECRET = 'web-chat-security-test-secret-0123456789abcdef';
const DAY_MS = 24 * 3600_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ SESSION_SECRET: SECRET, ALLOWED_ORIGINS: 'https://clinic.example, https://partner.example/' });
});
afterAll(() => app?.close());

/** Opens a socket with the given headers; resolves with `session` or the connect error's message. */
function open(url: string, headers: Record<string, string> = {}, auth: Record<string, unknown> = {}) {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers, auth });
  return new Promise<{ ok: true; session: { token: string; conversationId: string } } | { ok: false; error: string }>((resolve) => {
    socket.once('session', (session) => resolve({ ok: true, session }));
    socket.once('connect_error', (err) => resolve({ ok: false, error: err.message }));
  }).finally(() => socket.disconnect());
}

describe('origins (ALLOWED_ORIGINS)', () => {
  it('lets the page itself, PUBLIC_URL, listed origins and non-browser clients in, and no other site', async () => {
    const own = new URL(app.url);
    expect((await open(app.url, { Origin: own.origin })).ok).toBe(true);
    expect((await open(app.url, { Origin: 'https://clinic.example' })).ok).toBe(true);
    expect((await open(app.url, { Origin: 'https://partner.example' })).ok).toBe(true);
    expect((await open(app.url)).ok).toBe(true);
    for (const origin of ['https://evil.example', 'http://clinic.example', 'https://clinic.example.evil.example', 'null']) {
      const refused = await open(app.url, { Origin: origin });
      expect(refused.ok, origin).toBe(false);
    }
  });
});

describe('per-address limits', () => {
  it('refuses connections over the per-IP limit; each forwarded client address counts on its own', async () => {
    const limited = await startTestApp({ WEB_CHAT_IP_CONNECTIONS_PER_MIN: '3' });
    try {
      const from = (ip: string) => ({ 'X-Forwarded-For': ip });
      for (let i = 0; i < 3; i++) expect((await open(limited.url, from('203.0.113.7'))).ok).toBe(true);
      expect(await open(limited.url, from('203.0.113.7'))).toEqual({ ok: false, error: 'rateLimited' });
      // Another client behind the same (loopback) proxy is not affected.
      expect((await open(limited.url, from('203.0.113.8'))).ok).toBe(true);
      // A forged left-most hop does not help: the proxy appends the real address on the right.
      expect(await open(limited.url, from('198.51.100.1, 203.0.113.7'))).toEqual({ ok: false, error: 'rateLimited' });
    } finally {
      await limited.close();
    }
  });

  it('counts messages per IP across new visitor ids', async () => {
    const limited = await startTestApp({ WEB_CHAT_IP_MESSAGES_PER_MIN: '5' });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) {
        // A fresh visitor each time: the per-visitor limit alone would allow all of these.
        const visitor = await connectVisitor(limited.url);
        for (let j = 0; j < 2; j++) {
          const ack = await visitor.send(`hello ${i}.${j}`, `m${i}-${j}`);
          codes.push(ack.ok ? 'ok' : ack.error.code);
        }
        visitor.close();
      }
      expect(codes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'rateLimited']);
    } finally {
      await limited.close();
    }
  });
});

describe('visitor tokens', () => {
  it('carry an issue time: a token older than WEB_CHAT_TOKEN_TTL_DAYS (30) no longer resumes', async () => {
    const first = await connectVisitor(app.url);
    expect((await first.send('hello', 'a')).ok).toBe(true);
    first.close();
    const visitorId = first.session.token.split('.')[1]!;
    const issuedAgo = (ms: number) => createSessionTokens(SECRET, { now: () => Date.now() - ms }).issue(visitorId).token;

    const recent = await connectVisitor(app.url, { token: issuedAgo(29 * DAY_MS) });
    expect(recent.session.conversationId).toBe(first.session.conversationId);
    recent.close();
    const expired = await connectVisitor(app.url, { token: issuedAgo(31 * DAY_MS) });
    expect(expired.session.conversationId).not.toBe(first.session.conversationId);
    expect(expired.received.some((r) => r.event === 'history')).toBe(false);
    expired.close();
  });

  it('rotate on resume: the session carries a fresh token for the same visitor', async () => {
    const first = await connectVisitor(app.url);
    first.close();
    const old = createSessionTokens(SECRET, { now: () => Date.now() - 10 * DAY_MS }).issue(first.session.token.split('.')[1]).token;
    const again = await connectVisitor(app.url, { token: old });
    expect(again.session.conversationId).toBe(first.session.conversationId);
    expect(again.session.token).not.toBe(old);
    const verified = createSessionTokens(SECRET).verify(again.session.token)!;
    expect(verified.visitorId).toBe(old.split('.')[1]);
    expect(verified.issuedAt.getTime()).toBeGreaterThan(Date.now() - DAY_MS);
    again.close();
  });

  it('refuse the old format without an issue time (v1)', async () => {
    const visitor = await connectVisitor(app.url);
    visitor.close();
    const [, id] = visitor.session.token.split('.');
    // Signed exactly as version 1 was: it would resume for ever if it were still accepted.
    const signature = createHmac('sha256', SECRET).update(`webchat:${id}`).digest('base64url');
    const v1 = await connectVisitor(app.url, { token: `v1.${id}.${signature}` });
    expect(v1.session.conversationId).not.toBe(visitor.session.conversationId);
    v1.close();
  });
});

describe('End chat', () => {
  it('`end` closes the conversation; the token stops working and the socket is let go', async () => {
    const visitor = await connectVisitor(app.url);
    expect((await visitor.send('hello', 'e1')).ok).toBe(true);
    const disconnected = new Promise<string>((resolve) => visitor.socket.once('disconnect', resolve));
    expect(await visitor.socket.timeout(5000).emitWithAck('end')).toEqual({ ok: true });
    expect(await disconnected).toBe('io server disconnect');
    expect((await app.relay.store.conversations.get(visitor.session.conversationId))?.mode).toBe('closed');

    const back = await connectVisitor(app.url, { token: visitor.session.token });
    expect(back.session.conversationId).not.toBe(visitor.session.conversationId);
    expect(back.received.some((r) => r.event === 'history')).toBe(false);
    expect((await back.send('a new start', 'e2')).ok).toBe(true);
    back.close();
  });
});
