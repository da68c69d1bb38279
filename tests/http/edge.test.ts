/**
 * The HTTP edge: what /ready tells the public during an outage, the /metrics token, and the
 * security headers on every response (the chat page itself is checked in Chromium by
 * web-chat.browser.test.ts under the same headers).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type ReadinessCheck } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const METRICS_TOKEN = 'm3tr1cs-' + 'a7c9'.repeat(8);
const EMBEDDER = 'https://www.clinic.example';

/** The operational routes alone, with the checks given. */
async function edge(checks: [string, ReadinessCheck][], options: { metricsToken?: string } = {}) {
  const http = createHttpApp({ logger: createLogger('silent'), metrics: createMetrics(), checks: new Map(checks), ...options });
  http.finish();
  await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => http.server.close(resolve)) };
}

describe('/ready during an outage', () => {
  it('names the failing parts without addresses or error text', async () => {
    const server = await edge([
      ['database', async () => Promise.reject(new Error('connect ECONNREFUSED 10.20.30.40:5432'))],
      ['state', async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND redis.internal.example'), { address: '10.20.30.41' }))],
      ['escalation', async () => ({ ok: false, required: false, detail: 'connecting' })],
    ]);
    try {
      const res = await fetch(`${server.url}/ready`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).not.toMatch(/\d+\.\d+\.\d+\.\d+|ECONNREFUSED|ENOTFOUND|internal\.example|5432/);
      const body = JSON.parse(text);
      expect(body).toEqual({
        status: 'not ready',
        checks: { database: { ok: false, detail: 'unreachable' }, state: { ok: false, detail: 'unreachable' }, escalation: { ok: false, detail: 'connecting' } },
        failing: ['database', 'escalation', 'state'],
      });
    } finally {
      await server.close();
    }
  });

  it('is ready when only an optional part is down', async () => {
    const server = await edge([
      ['database', async () => ({ ok: true, detail: 'postgres' })],
      ['escalation', async () => ({ ok: false, required: false, detail: 'not configured' })],
    ]);
    try {
      const res = await fetch(`${server.url}/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ready', failing: ['escalation'] });
    } finally {
      await server.close();
    }
  });
});

describe('the app behind METRICS_TOKEN and ALLOWED_ORIGINS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ METRICS_TOKEN, ALLOWED_ORIGINS: EMBEDDER });
  });
  afterAll(() => app?.close());

  it('answers /metrics only with the bearer token', async () => {
    for (const authorization of [undefined, 'Bearer', 'Bearer wrong-token', `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}`, `Bearer ${METRICS_TOKEN}x`]) {
      const res = await fetch(`${app.url}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('carerelay_');
    }
    const res = await fetch(`${app.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('carerelay_messages_in_total');
  });

  it('sends the security headers on every response, pages, errors and socket.io alike', async () => {
    const responses = await Promise.all(
      ['/', '/chat.js', '/health', '/ready', '/no-such-page', '/socket.io/socket.io.min.js'].map(async (path) => [path, await fetch(`${app.url}${path}`)] as const),
    );
    for (const [path, res] of responses) {
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives['default-src'], path).toEqual(["'self'"]);
      expect(directives['script-src'], path).toEqual(["'self'"]);
      expect(directives['object-src'], path).toEqual(["'none'"]);
      expect(directives['connect-src'], path).toContain("'self'");
      expect(directives['connect-src'], path).toContain(app.relay.config.http.publicUrl.replace(/^http/, 'ws'));
      expect(directives['frame-ancestors'], path).toEqual(expect.arrayContaining(["'self'", EMBEDDER]));
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });
});

describe('without METRICS_TOKEN', () => {
  it('leaves /metrics open, as before', async () => {
    const server = await edge([]);
    try {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
