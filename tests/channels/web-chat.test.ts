import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('web chat over socket.io', () => {
  it('gives a new visitor a session and answers a message', async () => {
    const visitor = await connectVisitor(app.url);
    expect(visitor.session.token).toMatch(/^v2\./);
    expect(visitor.session.conversationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(visitor.session.language).toBe('en');
    const ack = await visitor.send('hello');
    expect(ack).toEqual({ ok: true, id: expect.any(String) });
    const reply = await visitor.next((m) => m.role === 'bot');
    expect(reply.text).toMatch(/virtual assistant/);
    expect(reply).toMatchObject({ id: expect.any(String), role: 'bot', createdAt: expect.any(String) });
    visitor.close();
  });

  it('resumes the conversation and its history with the token', async () => {
    const first = await connectVisitor(app.url);
    await first.send('hola');
    await first.next((m) => m.role === 'bot');
    first.close();

    const again = await connectVisitor(app.url, { token: first.session.token });
    expect(again.session.conversationId).toBe(first.session.conversationId);
    const history = await again.history();
    expect(history.map((m) => m.role)).toEqual(['patient', 'bot']);
    expect(history[0]).toMatchObject({ role: 'patient', text: 'hola', id: expect.any(String), createdAt: expect.any(String) });
    expect(history[1].text).toMatch(/asistente virtual/);
    again.close();
  });

  it('never opens another visitor’s conversation: forged and altered tokens get a fresh one', async () => {
    const alice = await connectVisitor(app.url);
    await alice.send('hello');
    await alice.next((m) => m.role === 'bot');
    const [v, id, sig] = alice.session.token.split('.');
    const tampered = [`${v}.${id}.${sig!.slice(0, -2)}xx`, `${v}.00000000-0000-4000-8000-000000000000.${sig}`, 'garbage', ''];
    for (const token of tampered) {
      const mallory = await connectVisitor(app.url, { token });
      expect(mallory.session.conversationId).not.toBe(alice.session.conversationId);
      expect(mallory.received.some((r) => r.event === 'history')).toBe(false);
      mallory.close();
    }
    alice.close();
  });

  it('keeps two visitors apart: replies reach only their own socket', async () => {
    const a = await connectVisitor(app.url);
    const b = await connectVisitor(app.url);
    await a.send('hello');
    await b.send('hola');
    const replyA = await a.next((m) => m.role === 'bot');
    const replyB = await b.next((m) => m.role === 'bot');
    expect(replyA.text).toMatch(/Hello/);
    expect(replyB.text).toMatch(/Hola/);
    await new Promise((r) => setTimeout(r, 200)); // a window in which a stray reply to the other socket would show
    expect(a.received.filter((r) => r.event === 'message')).toHaveLength(1);
    expect(b.received.filter((r) => r.event === 'message')).toHaveLength(1);
    a.close();
    b.close();
  });

  it('rejects empty, oversized and malformed messages in the ack and processes none of them', async () => {
    const visitor = await connectVisitor(app.url);
    const cases: [unknown, string][] = [
      ['   ', 'empty'],
      ['x'.repeat(4001), 'tooLong'],
      [{ nope: true }, 'invalid'],
      [42, 'invalid'],
      [null, 'invalid'],
    ];
    for (const [text, code] of cases) {
      const ack = await visitor.socket.timeout(5000).emitWithAck('message', typeof text === 'string' ? { text } : text);
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe(code);
      expect(ack.error.message.length).toBeGreaterThan(5);
    }
    // exactly 4,000 characters is accepted
    const ok = await visitor.send('a'.repeat(4000));
    expect(ok.ok).toBe(true);
    const stored = await app.relay.store.messages.history(visitor.session.conversationId);
    expect(stored.filter((m) => m.direction === 'in')).toHaveLength(1);
    visitor.close();
  });

  it('answers in order and stores a message sent twice with the same clientId once', async () => {
    const visitor = await connectVisitor(app.url);
    const texts = ['hello', 'help', 'thanks', 'purple elephants dancing', 'help', 'hello'];
    const acks = await Promise.all(texts.map((t, i) => visitor.send(t, `c${i}`)));
    expect(acks.every((a) => a.ok)).toBe(true);
    const again = await visitor.send('hello', 'c0');
    expect(again).toEqual(acks[0]);
    const replies = [];
    for (let i = 0; i < texts.length; i++) replies.push(await visitor.next((m) => m.role === 'bot'));
    const kinds = replies.map((r) =>
      /^Hello/.test(r.text) ? 'greeting' : /You can ask me/.test(r.text) ? 'help' : /welcome/.test(r.text) ? 'thanks' : 'other',
    );
    expect(kinds).toEqual(['greeting', 'help', 'thanks', 'other', 'help', 'greeting']);
    const stored = await app.relay.store.messages.history(visitor.session.conversationId);
    expect(stored.filter((m) => m.direction === 'in').map((m) => m.body)).toEqual(texts);
    visitor.close();
  });

  it('switches language from the selector and from the conversation', async () => {
    const visitor = await connectVisitor(app.url, { language: 'hi' });
    expect(visitor.session.language).toBe('hi');
    const ack = await visitor.socket.timeout(5000).emitWithAck('language', { language: 'zh' });
    expect(ack).toEqual({ ok: true, language: 'zh' });
    const bad = await visitor.socket.timeout(5000).emitWithAck('language', { language: 'fr' });
    expect(bad.ok).toBe(false);
    await visitor.send('help');
    expect((await visitor.next()).text).toMatch(/您可以这样问我/);
    await visitor.send('español');
    expect((await visitor.next()).text).toBe('Muy bien, seguimos en español.');
    visitor.close();
  });

  it('reads a message sent right after a language change in the new language (events of any kind keep their order)', async () => {
    const visitor = await connectVisitor(app.url, { language: 'en' });
    // Not waiting for the language ack, as the page does not: the message is still in Spanish.
    const changed = visitor.socket.timeout(5000).emitWithAck('language', { language: 'es' });
    const refused = visitor.socket.timeout(5000).emitWithAck('message', { text: 'x'.repeat(4001) });
    expect(await changed).toEqual({ ok: true, language: 'es' });
    expect(await refused).toMatchObject({ ok: false, error: { code: 'tooLong', message: 'El mensaje es demasiado largo. Use menos de 4000 caracteres.' } });
    visitor.socket.emit('language', { language: 'zh' });
    await visitor.send('help');
    expect((await visitor.next()).text).toMatch(/您可以这样问我/);
    visitor.close();
  });

  it('gives the page what it renders: an emergency reply’s numbers, the reply’s language, and `resumed` on the session', async () => {
    const visitor = await connectVisitor(app.url);
    expect(visitor.session).toMatchObject({ resumed: false });
    await visitor.send('I have crushing chest pain');
    const alert = await visitor.next((m) => m.role === 'bot');
    expect(alert.alert).toEqual({ disposition: 'emergency', call: [{ label: '911', number: '911' }] });
    expect(alert.language).toBe('en');
    visitor.close();
    const again = await connectVisitor(app.url, { token: visitor.session.token });
    expect(again.session).toMatchObject({ resumed: true });
    const history = await again.history();
    expect(history.find((m) => m.role === 'bot')).toMatchObject({ alert: { disposition: 'emergency' }, language: 'en' });
    again.close();
  });

  it('takes a button’s value as the bot’s own words: "topic:…" does not change the conversation’s language', async () => {
    const visitor = await connectVisitor(app.url, { language: 'es' });
    await visitor.send('topic:billing-payments');
    const reply = await visitor.next((m) => m.role === 'bot');
    expect(reply.language).toBe('es');
    expect(reply.sources?.[0]?.id).toBe('billing-payments');
    visitor.close();
  });

  it('serves /widget.js to any site, the favicon, and strings a clinic page may read', async () => {
    const widget = await fetch(`${app.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await widget.text()).toContain('data-carerelay-launcher');
    const icon = await fetch(`${app.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect((await fetch(`${app.url}/favicon.svg`)).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const strings = await fetch(`${app.url}/webchat/strings/zh`, { headers: { Origin: 'https://clinic.example' } });
    expect(strings.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await strings.json()) as any;
    expect(body.strings.launcher).toBe('在线咨询');
    expect(body.errors.tooLong).toContain('4000');
    expect(body.moreLines.en).toBe('More: %TITLE% %URL%');
    expect(body.phones).toEqual(['911', '988']);
  });

  it('serves the page, its strings and the operational routes', async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('role="log"');
    const strings = (await (await fetch(`${app.url}/webchat/strings/es`)).json()) as any;
    expect(strings.language).toBe('es');
    expect(strings.strings.send).toBe('Enviar');
    expect(strings.strings.emergency).toContain('911');
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    // Ready once the knowledge indexes the server builds after start are there.
    const ready = await waitFor(async () => {
      const res = await fetch(`${app.url}/ready`);
      return res.status === 200 && ((await res.json()) as any);
    }, 'the instance to be ready');
    expect(ready.checks).toMatchObject({ database: { ok: true }, state: { ok: true }, knowledge: { ok: true, detail: 'indexed' } });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('carerelay_messages_in_total');
    const missing = await fetch(`${app.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe('not_found');
  });
});
