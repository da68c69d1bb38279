/**
 * The generic voice-transcript webhook (3CX and the like): HMAC-SHA256 over the raw body,
 * strict JSON, and the same dialog answered as {text, language, action}.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';

const SECRET = 'transcript-secret-for-tests-0123456789';
let app: TestApp;
let route: string;
let counter = 0;
const newCaller = () => `+1718555${String(3000 + counter++).padStart(4, '0')}`;

beforeAll(async () => {
  app = await startTestApp({ VOICE_WEBHOOK_SECRET: SECRET });
  route = `${app.url}/channels/voice/transcript`;
});
afterAll(() => app?.close());

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function post(body: string, headers: Record<string, string> = { 'X-Signature': sign(body) }) {
  const res = await fetch(route, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { status: res.status, json: (await res.json()) as any };
}

const conversationOf = async (caller: string) => {
  const contact = await app.relay.store.contacts.find('voice-transcript', caller);
  return contact ? app.relay.store.conversations.current(contact) : undefined;
};

describe('POST /channels/voice/transcript', () => {
  it('answers a signed utterance with text, language and action', async () => {
    const caller = newCaller();
    const body = JSON.stringify({ callId: 'call-1', from: caller, text: 'Hello', language: 'en-US' });
    const { status, json } = await post(body);
    expect(status).toBe(200);
    expect(json).toMatchObject({ language: 'en', action: 'continue' });
    expect(json.text).toMatch(/say or press 1/);
    expect(json.text).not.toMatch(/https?:|\*\*/);
    const conversation = (await conversationOf(caller))!;
    const inbound = (await app.relay.store.messages.history(conversation.id)).filter((m) => m.direction === 'in');
    expect(inbound).toMatchObject([{ kind: 'transcript', body: 'Hello' }]);
  });

  it('answers in the caller’s language', async () => {
    const { json } = await post(JSON.stringify({ callId: 'call-2', from: newCaller(), text: 'Hola, buenos días', language: 'es-MX' }));
    expect(json.language).toBe('es');
    expect(json.action).toBe('continue');
  });

  it('refuses a bad or missing signature with 403 before reading the body', async () => {
    const caller = newCaller();
    const body = JSON.stringify({ callId: 'call-3', from: caller, text: 'Hello' });
    expect((await post(body, { 'X-Signature': sign(body, 'another-secret') })).status).toBe(403);
    expect((await post(body, {})).status).toBe(403);
    expect((await post(body, { 'X-Signature': sign(body).replace('sha256=', '') })).status).toBe(403);
    // Signed over different bytes than the ones sent.
    expect((await post(body.replace('Hello', 'Hellp'), { 'X-Signature': sign(body) })).status).toBe(403);
    // Not even JSON: still 403, not 400, without the right signature.
    expect((await post('{not json', { 'X-Signature': sign('{}') })).status).toBe(403);
    expect(await conversationOf(caller)).toBeUndefined();
  });

  it('answers 400 with a clear error for malformed JSON or fields', async () => {
    const broken = '{"callId": "x", "from": ';
    const bad = await post(broken);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid_json' });

    const missing = JSON.stringify({ callId: 'call-4', text: 'hi' });
    const fields = await post(missing);
    expect(fields.status).toBe(400);
    expect(fields.json.error.code).toBe('invalid_fields');
    expect(fields.json.error.message).toMatch(/from/);
  });

  it('answers 413 for an oversized body', async () => {
    const body = JSON.stringify({ callId: 'call-5', from: newCaller(), text: 'a'.repeat(40_000) });
    const res = await fetch(route, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': sign(body) }, body });
    expect(res.status).toBe(413);
  });

  it('stores a retried utterance once when it carries an Idempotency-Key', async () => {
    const caller = newCaller();
    const body = JSON.stringify({ callId: 'call-6', from: caller, text: 'thank you' });
    const headers = { 'X-Signature': sign(body), 'Idempotency-Key': 'utt-1' };
    const first = await post(body, headers);
    const second = await post(body, headers);
    expect(second.json.text).toBe(first.json.text);
    const conversation = (await conversationOf(caller))!;
    await app.relay.processor.settle(conversation.id);
    const history = await app.relay.store.messages.history(conversation.id);
    expect(history.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(history.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('on an emergency says what to do and ends the call when there is no nurse line to transfer to', async () => {
    const caller = newCaller();
    const { json } = await post(JSON.stringify({ callId: 'call-8', from: caller, text: 'My wife collapsed and is not breathing', language: 'en' }));
    expect(json.action).toBe('hangup');
    expect(json.transferTo).toBeUndefined();
    expect(json.text).toMatch(/hang up now and call 9 1 1/);
    const conversation = (await conversationOf(caller))!;
    expect((await app.relay.store.messages.history(conversation.id)).find((m) => m.direction === 'in')).toMatchObject({ kind: 'transcript' });
  });

  it('hangs up politely when the caller says goodbye', async () => {
    const { json } = await post(JSON.stringify({ callId: 'call-7', from: newCaller(), text: 'No, thanks. Bye!' }));
    expect(json.action).toBe('hangup');
  });
});

describe('POST /channels/voice/transcript with a nurse line and no Twilio', () => {
  it('transfers an emergency call to NURSE_LINE_NUMBER', async () => {
    const withLine = await startTestApp({ VOICE_WEBHOOK_SECRET: SECRET, NURSE_LINE_NUMBER: '+15550104299' });
    try {
      const body = JSON.stringify({ callId: 'call-line-1', from: newCaller(), text: 'my husband has crushing chest pain', language: 'en' });
      const res = await fetch(`${withLine.url}/channels/voice/transcript`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Signature': sign(body) },
        body,
      });
      const json = (await res.json()) as any;
      expect(json.action).toBe('transfer');
      expect(json.transferTo).toBe('+15550104299');
    } finally {
      await withLine.close();
    }
  });
});
