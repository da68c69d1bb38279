/**
 * Proves the provider fakes against the REAL clients: the twilio SDK (through a
 * base-URL-rewriting RequestClient), plain fetch for Telegram, and the openai SDK.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import OpenAI from 'openai';
import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';
import { cosine, fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from './openai-server.js';
import {
  editedMessageUpdate,
  photoUpdate,
  startFakeTelegram,
  stickerUpdate,
  textUpdate,
  type FakeTelegram,
  type TgMessage,
  type TgResponse,
  type TgUpdate,
} from './telegram-server.js';
import {
  postTwilioWebhook,
  signTwilioRequest,
  smsSegments,
  smsWebhookParams,
  startFakeTwilio,
  statusCallbackParams,
  voiceWebhookParams,
  whatsappWebhookParams,
  type FakeTwilio,
} from './twilio-server.js';

const fixture = (p: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start a tiny express app on 127.0.0.1; returns its base URL and a closer. */
async function startApp(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------
// Twilio
// ---------------------------------------------------------------------------

/**
 * How the product can point the twilio SDK (v6) at another origin: subclass the
 * exported RequestClient (constructor takes the usual RequestClientOptions) and
 * override `request(opts)`, rewriting `opts.uri` before delegating to super.
 * The SDK builds every URI as https://<product>[.<edge>.<region>].twilio.com/...,
 * so rewrite any *.twilio.com origin, not only api.twilio.com.
 */
class BaseUrlRequestClient extends twilio.RequestClient {
  readonly baseUrl: string;
  constructor(baseUrl: string, opts?: TwilioRequestClient.RequestClientOptions) {
    super(opts);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }
  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z0-9.-]+\.twilio\.com/i, this.baseUrl) });
  }
}

const SID = 'AC' + '1234567890abcdef'.repeat(2);
const TOKEN = 'f'.repeat(32);

describe('fake Twilio with the real twilio SDK', () => {
  let fake: FakeTwilio;
  let client: twilio.Twilio;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: SID, authToken: TOKEN });
    client = twilio(SID, TOKEN, { httpClient: new BaseUrlRequestClient(fake.url) });
  });
  afterAll(() => fake.close());

  it('creates a message and returns the real Message resource', async () => {
    const msg = await client.messages.create({
      to: '+12125550123',
      from: '+14155550100',
      body: 'Your appointment is confirmed for Monday 9:00.',
      statusCallback: 'https://example.org/twilio/status',
    });
    expect(msg.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(msg.status).toBe('queued');
    expect(msg.numSegments).toBe('1');
    expect(msg.numMedia).toBe('0');
    expect(msg.direction).toBe('outbound-api');
    expect(msg.accountSid).toBe(SID);
    expect(msg.apiVersion).toBe('2010-04-01');
    expect(msg.dateCreated).toBeInstanceOf(Date); // the SDK parsed our RFC 2822 date
    expect(Number.isNaN(msg.dateCreated.getTime())).toBe(false);
    expect(Math.abs(msg.dateCreated.getTime() - Date.now())).toBeLessThan(5_000);
    expect(msg.uri).toBe(`/2010-04-01/Accounts/${SID}/Messages/${msg.sid}.json`);
    expect(msg.errorCode).toBeNull();

    const sent = fake.messages.at(-1)!;
    expect(sent).toMatchObject({
      sid: msg.sid,
      to: '+12125550123',
      from: '+14155550100',
      body: 'Your appointment is confirmed for Monday 9:00.',
      statusCallback: 'https://example.org/twilio/status',
    });
    const req = fake.requests.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['user-agent']).toMatch(/^twilio-node\//);
    expect(req.username).toBe(SID);
  });

  it('fetches a message by sid and 404s unknown ones with code 20404', async () => {
    const created = await client.messages.create({ to: '+12125550124', from: '+14155550100', body: 'hi' });
    const fetched = await client.messages(created.sid).fetch();
    expect(fetched.sid).toBe(created.sid);
    expect(fetched.body).toBe('hi');
    const err = await client.messages('SM' + '0'.repeat(32)).fetch().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(twilio.RestException);
    expect((err as twilio.RestException).status).toBe(404);
    expect((err as twilio.RestException).code).toBe(20404);
  });

  it('counts GSM-7 and UCS-2 segments like Twilio', async () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('{'.repeat(80))).toBe(1); // extension chars cost 2 septets
    expect(smsSegments('é'.repeat(160))).toBe(1); // é is in GSM-7
    expect(smsSegments('ł'.repeat(70))).toBe(1); // UCS-2
    expect(smsSegments('ł'.repeat(71))).toBe(2);
    const msg = await client.messages.create({ to: '+12125550123', from: '+14155550100', body: 'Привет! '.repeat(10) });
    expect(msg.numSegments).toBe('2');
  });

  it('sends through a Messaging Service: status accepted, from null, 0 segments', async () => {
    const msid = 'MG' + 'ab'.repeat(16);
    const msg = await client.messages.create({ to: '+12125550123', messagingServiceSid: msid, body: 'Reminder' });
    expect(msg.status).toBe('accepted');
    expect(msg.from).toBeNull();
    expect(msg.messagingServiceSid).toBe(msid);
    expect(msg.numSegments).toBe('0');
  });

  it('validates parameters with the real error codes', async () => {
    const noBody = await client.messages.create({ to: '+12125550123', from: '+14155550100' }).catch((e: unknown) => e);
    expect((noBody as twilio.RestException).code).toBe(21602);
    expect((noBody as twilio.RestException).status).toBe(400);
    const badTo = await client.messages
      .create({ to: 'not-a-number', from: '+14155550100', body: 'x' })
      .catch((e: unknown) => e);
    expect((badTo as twilio.RestException).code).toBe(21211);
    const tooLong = await client.messages
      .create({ to: '+12125550123', from: '+14155550100', body: 'x'.repeat(1601) })
      .catch((e: unknown) => e);
    expect((tooLong as twilio.RestException).code).toBe(21617);
  });

  it('rejects wrong credentials with 401 / 20003 and the Twilio error body', async () => {
    const bad = twilio(SID, 'wrong-token', { httpClient: new BaseUrlRequestClient(fake.url) });
    const err = await bad.messages.create({ to: '+12125550123', from: '+14155550100', body: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(twilio.RestException);
    const rest = err as twilio.RestException;
    expect(rest.status).toBe(401);
    expect(rest.code).toBe(20003);
    expect(rest.message).toBe('Authenticate');
    expect(rest.moreInfo).toBe('https://www.twilio.com/docs/errors/20003');
    // Raw wire check: WWW-Authenticate and the 4-field JSON body.
    const res = await fetch(`${fake.url}/2010-04-01/Accounts/${SID}/Messages.json`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Basic');
    expect(await res.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('failNext surfaces as RestException with the code, then recovers', async () => {
    const before = fake.messages.length;
    fake.failNext(1, { status: 429, code: 20429 });
    fake.failNext(1, { status: 500 });
    const e1 = await client.messages.create({ to: '+12125550123', from: '+14155550100', body: 'a' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(twilio.RestException);
    expect((e1 as twilio.RestException).status).toBe(429);
    expect((e1 as twilio.RestException).code).toBe(20429);
    const e2 = await client.messages.create({ to: '+12125550123', from: '+14155550100', body: 'b' }).catch((e: unknown) => e);
    expect((e2 as twilio.RestException).status).toBe(500);
    expect((e2 as twilio.RestException).code).toBe(20500);
    expect(fake.messages.length).toBe(before); // failed sends are not logged as sent
    const ok = await client.messages.create({ to: '+12125550123', from: '+14155550100', body: 'c' });
    expect(ok.status).toBe('queued');
    expect(fake.messages.length).toBe(before + 1);
  });

  it('down() makes the SDK see a network error; up() restores service', async () => {
    fake.down();
    const err = (await client.messages
      .create({ to: '+12125550123', from: '+14155550100', body: 'x' })
      .catch((e: unknown) => e)) as { code?: string; message: string };
    expect(err).not.toBeInstanceOf(twilio.RestException);
    expect(err.code === 'ECONNRESET' || /socket hang up/i.test(err.message)).toBe(true);
    fake.down('503');
    const e503 = await client.messages.create({ to: '+12125550123', from: '+14155550100', body: 'x' }).catch((e: unknown) => e);
    expect((e503 as twilio.RestException).status).toBe(503);
    expect((e503 as twilio.RestException).code).toBe(20503);
    fake.up();
    const msg = await client.messages.create({ to: '+12125550123', from: '+14155550100', body: 'back' });
    expect(msg.sid).toMatch(/^SM/);
  });

  it('updates a live call with TwiML and 404s unknown calls', async () => {
    const callSid = 'CA' + '9'.repeat(32);
    fake.addCall(callSid, 'in-progress');
    const twiml = new twilio.twiml.VoiceResponse();
    twiml.say('A nurse will call you back shortly.');
    twiml.hangup();
    const call = await client.calls(callSid).update({ twiml });
    expect(call.sid).toBe(callSid);
    expect(call.status).toBe('in-progress');
    const upd = fake.callUpdates.at(-1)!;
    expect(upd.callSid).toBe(callSid);
    expect(upd.twiml).toContain('<Say>A nurse will call you back shortly.</Say>');
    expect(upd.twiml).toContain('<Hangup/>');

    const redirected = await client.calls(callSid).update({ url: 'https://example.org/voice/next', method: 'POST' });
    expect(redirected.sid).toBe(callSid);
    expect(fake.callUpdates.at(-1)).toMatchObject({ url: 'https://example.org/voice/next', method: 'POST' });

    const ended = await client.calls(callSid).update({ status: 'completed' });
    expect(ended.status).toBe('completed');
    const notLive = await client.calls(callSid).update({ twiml: '<Response/>' }).catch((e: unknown) => e);
    expect((notLive as twilio.RestException).code).toBe(21220);

    const missing = await client.calls('CA' + '8'.repeat(32)).update({ twiml: '<Response/>' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(twilio.RestException);
    expect((missing as twilio.RestException).status).toBe(404);
    expect((missing as twilio.RestException).code).toBe(20404);
  });

  it('signTwilioRequest produces what twilio.validateRequest accepts', () => {
    const url = 'https://carerelay.example.org/twilio/sms?clinic=north';
    const params = smsWebhookParams({ from: '+12125550123', to: '+14155550100', body: 'Hello' });
    const sig = signTwilioRequest(TOKEN, url, params);
    expect(sig).toMatch(/^[A-Za-z0-9+/]{27}=$/); // base64 HMAC-SHA1
    expect(twilio.validateRequest(TOKEN, sig, url, params)).toBe(true);
    expect(twilio.validateRequest(TOKEN, sig, url, { ...params, Body: 'Hello!' })).toBe(false);
    expect(twilio.validateRequest('other-token', sig, url, params)).toBe(false);
    expect(twilio.validateRequest(TOKEN, sig, url.replace('north', 'south'), params)).toBe(false);
  });

  it('postTwilioWebhook passes twilio.webhook() validation in an express app; unsigned is rejected', async () => {
    const received: Record<string, string>[] = [];
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/twilio/sms', twilio.webhook(TOKEN), (req, res) => {
      received.push({ ...req.body });
      const reply = new twilio.twiml.MessagingResponse();
      reply.message('Thanks, we got it.');
      res.type('text/xml').send(reply.toString());
    });
    const srv = await startApp(app);
    try {
      const params = smsWebhookParams({
        from: '+12125550123',
        to: '+14155550100',
        body: 'Can I book a flu shot?',
        mediaUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME1',
      });
      const res = await postTwilioWebhook(`${srv.url}/twilio/sms`, TOKEN, params);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<Message>Thanks, we got it.</Message>');
      expect(received[0]).toMatchObject({ Body: 'Can I book a flu shot?', NumMedia: '1', MediaContentType0: 'image/jpeg' });
      expect(received[0]!.MessageSid).toMatch(/^MM[0-9a-f]{32}$/);

      const forged = await postTwilioWebhook(`${srv.url}/twilio/sms`, 'not-the-token', params);
      expect(forged.status).toBe(403);
      const unsigned = await postTwilioWebhook(`${srv.url}/twilio/sms`, TOKEN, params, { signature: null });
      expect(unsigned.status).toBe(400);
    } finally {
      await srv.close();
    }
  });

  it('advanceMessage posts a signed status callback to the StatusCallback URL', async () => {
    const got: { valid: boolean; body: Record<string, string> }[] = [];
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/status', (req, res) => {
      const url = `http://${req.headers.host}${req.originalUrl}`;
      const valid = twilio.validateRequest(TOKEN, req.header('X-Twilio-Signature') ?? '', url, req.body);
      got.push({ valid, body: { ...req.body } });
      res.sendStatus(204);
    });
    const srv = await startApp(app);
    try {
      const msg = await client.messages.create({
        to: '+12125550123',
        from: '+14155550100',
        body: 'x',
        statusCallback: `${srv.url}/status`,
      });
      expect(await fake.advanceMessage(msg.sid, 'delivered')).toBe(204);
      expect(await fake.advanceMessage(msg.sid, 'undelivered', { errorCode: 30005 })).toBe(204);
      expect(got).toHaveLength(2);
      expect(got.every((g) => g.valid)).toBe(true);
      expect(got[0]!.body).toMatchObject({ MessageSid: msg.sid, MessageStatus: 'delivered', SmsStatus: 'delivered' });
      expect(got[0]!.body.RawDlrDoneDate).toMatch(/^\d{10}$/);
      expect(got[1]!.body).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30005' });
      const fetched = await client.messages(msg.sid).fetch();
      expect(fetched.status).toBe('undelivered');
      expect(fetched.errorCode).toBe(30005);
    } finally {
      await srv.close();
    }
  });

  it('WhatsApp: templates with ContentSid / ContentVariables, channel-matched addresses, 63016 outside the window', async () => {
    const got: Record<string, string>[] = [];
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.post('/in', (_req, res) => void res.type('text/xml').send('<Response/>'));
    app.post('/status', (req, res) => {
      got.push({ ...req.body });
      res.sendStatus(204);
    });
    const srv = await startApp(app);
    const user = 'whatsapp:+447700900123';
    const sender = 'whatsapp:+14155550100';
    const error = (p: Promise<unknown>) => p.then(() => undefined, (e: twilio.RestException) => e.code);
    try {
      expect(await error(client.messages.create({ to: user, from: '+14155550100', body: 'x' }))).toBe(21910);
      expect(await error(client.messages.create({ to: user, from: sender, contentSid: 'HX123' }))).toBe(21655);
      const contentSid = 'HX' + 'ab'.repeat(16);
      expect(await error(client.messages.create({ to: user, from: sender, contentSid, contentVariables: '{"1": ""}' }))).toBe(21656);
      expect(await error(client.messages.create({ to: user, from: sender, contentSid, contentVariables: 'not json' }))).toBe(21656);
      expect(await error(client.messages.create({ to: user, from: sender, body: 'x', contentVariables: '{"1":"a"}' }))).toBe(21654);

      // A template goes at any time; a free-form message only within 24 hours of the user's last message.
      const template = await client.messages.create({ to: user, from: sender, contentSid, contentVariables: JSON.stringify({ 1: 'Clinic' }), statusCallback: `${srv.url}/status` });
      expect(template.status).toBe('queued');
      expect(fake.messages.at(-1)).toMatchObject({ contentSid, contentVariables: { 1: 'Clinic' }, body: '' });
      const early = await client.messages.create({ to: user, from: sender, body: 'hello', statusCallback: `${srv.url}/status` });
      expect(early.status).toBe('queued');
      expect(early.numSegments).toBe('1');
      await waitFor(() => got.length > 0, 'the failed status callback');
      expect(got).toEqual([expect.objectContaining({ MessageSid: early.sid, MessageStatus: 'failed', ErrorCode: '63016', ChannelPrefix: 'whatsapp' })]);
      expect((await client.messages(early.sid).fetch()).errorCode).toBe(63016);

      const inbound = whatsappWebhookParams({ from: user, to: sender, body: 'hi' });
      expect(inbound).toMatchObject({ WaId: '447700900123', MessageType: 'text', NumSegments: '1' });
      expect((await fake.deliverInbound(`${srv.url}/in`, inbound)).status).toBe(200);
      await client.messages.create({ to: user, from: sender, body: 'welcome', statusCallback: `${srv.url}/status` });
      await sleep(100); // a window in which no second failure may arrive
      expect(got).toHaveLength(1); // inside the window: nothing failed
      fake.setSession(user, null);
    } finally {
      await srv.close();
    }
  });

  it('builders produce the same field sets as the JSON fixtures', () => {
    const sms = smsWebhookParams({ from: '+12125550123', to: '+14155550100', body: 'x' });
    expect(Object.keys(sms).sort()).toEqual(Object.keys(fixture('twilio/sms-inbound.json') as object).sort());
    const voice = voiceWebhookParams({
      callSid: 'CA' + '1'.repeat(32),
      from: '+12125550123',
      to: '+14155550100',
      speechResult: 'reschedule',
      confidence: 0.87,
    });
    expect(Object.keys(voice).sort()).toEqual(Object.keys(fixture('twilio/voice-gather.json') as object).sort());
    expect(voice).toMatchObject({ CallStatus: 'in-progress', SpeechResult: 'reschedule', Confidence: '0.87' });
    expect(voiceWebhookParams({ callSid: 'CA1', from: '+1', to: '+2' }).CallStatus).toBe('ringing');
    const status = statusCallbackParams({ messageSid: 'SM1', from: '+1', to: '+2', status: 'delivered' });
    expect(Object.keys(status).sort()).toEqual(Object.keys(fixture('twilio/sms-status.json') as object).sort());
    for (const f of ['twilio/sms-inbound.json', 'twilio/voice-gather.json', 'twilio/sms-status.json']) {
      expect(Object.values(fixture(f) as object).every((v) => typeof v === 'string')).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------
// Telegram
// ---------------------------------------------------------------------------

const TG_TOKEN = '7012345678:AAHk3bX9fakeTokenForTests_abcdefghij';

describe('fake Telegram with fetch', () => {
  let tg: FakeTelegram;
  const call = async <T = unknown>(
    method: string,
    params?: Record<string, unknown>,
    encoding: 'json' | 'form' | 'multipart' = 'json',
  ): Promise<{ status: number; body: TgResponse<T>; ms: number }> => {
    const started = Date.now();
    let init: RequestInit = { method: 'POST' };
    if (params && encoding === 'json') {
      init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) };
    } else if (params && encoding === 'form') {
      const usp = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) usp.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      init = { method: 'POST', body: usp };
    } else if (params && encoding === 'multipart') {
      const fd = new FormData();
      for (const [k, v] of Object.entries(params)) fd.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      init = { method: 'POST', body: fd };
    }
    const res = await fetch(`${tg.url}/bot${TG_TOKEN}/${method}`, init);
    return { status: res.status, body: (await res.json()) as TgResponse<T>, ms: Date.now() - started };
  };

  beforeAll(async () => {
    tg = await startFakeTelegram({ token: TG_TOKEN });
  });
  afterAll(() => tg.close());

  it('getMe answers the bot user; a wrong token gets the exact 401 body', async () => {
    const me = await call<{ id: number; is_bot: boolean; username: string }>('getMe');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ ok: true, result: { id: 7012345678, is_bot: true, username: 'carerelay_test_bot' } });
    const res = await fetch(`${tg.url}/bot123:wrong/getMe`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('{"ok":false,"error_code":401,"description":"Unauthorized"}');
    const unknown = await call('noSuchMethod');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('sendMessage (JSON, form and multipart) returns a Message and is logged', async () => {
    const chatId = 7212345678; // > 2^31
    const r1 = await call<TgMessage>('sendMessage', { chat_id: chatId, text: 'Hello from the clinic' });
    expect(r1.status).toBe(200);
    if (!r1.body.ok) throw new Error('expected ok');
    const m1 = r1.body.result;
    expect(m1.chat.id).toBe(chatId);
    expect(m1.chat.type).toBe('private');
    expect(m1.text).toBe('Hello from the clinic');
    expect(m1.from?.is_bot).toBe(true);
    expect(Math.abs(m1.date - Date.now() / 1000)).toBeLessThan(5);

    const r2 = await call<TgMessage>('sendMessage', { chat_id: String(chatId), text: 'Second' }, 'form');
    const r3 = await call<TgMessage>(
      'sendMessage',
      { chat_id: String(chatId), text: 'Third', reply_markup: { inline_keyboard: [[{ text: 'Call a nurse', callback_data: 'nurse' }]] } },
      'multipart',
    );
    if (!r2.body.ok || !r3.body.ok) throw new Error('expected ok');
    expect(r2.body.result.message_id).toBe(m1.message_id + 1);
    expect(r3.body.result.message_id).toBe(m1.message_id + 2);
    expect(r3.body.result.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Call a nurse', callback_data: 'nurse' }]] });
    expect(tg.sent.slice(-3).map((s) => [s.chatId, s.text])).toEqual([
      [chatId, 'Hello from the clinic'],
      [chatId, 'Second'],
      [chatId, 'Third'],
    ]);

    const group = await call<TgMessage>('sendMessage', { chat_id: -1001234567890123, text: 'To the group' });
    if (!group.body.ok) throw new Error('expected ok');
    expect(group.body.result.chat).toMatchObject({ id: -1001234567890123, type: 'supergroup' });
  });

  it('enforces the 4096-character limit and other sendMessage errors', async () => {
    const ok = await call('sendMessage', { chat_id: 1, text: 'a'.repeat(4096) });
    expect(ok.status).toBe(200);
    const emoji = await call('sendMessage', { chat_id: 1, text: '😀'.repeat(4096) }); // 8192 UTF-16 units, 4096 code points
    expect(emoji.status).toBe(200);
    const tooLong = await call('sendMessage', { chat_id: 1, text: 'a'.repeat(4097) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    expect((await call('sendMessage', { chat_id: 1, text: '' })).body).toMatchObject({
      description: 'Bad Request: message text is empty',
    });
    expect((await call('sendMessage', { text: 'x' })).body).toMatchObject({ description: 'Bad Request: chat_id is empty' });
    const md = await call('sendMessage', { chat_id: 1, text: 'Open 9-5. Call us!', parse_mode: 'MarkdownV2' });
    expect(md.status).toBe(400);
    expect(md.body).toMatchObject({ description: expect.stringContaining("can't parse entities") });
    const mdOk = await call('sendMessage', { chat_id: 1, text: '*Open* 9\\-5\\. [site](https://x.org/a.b)', parse_mode: 'MarkdownV2' });
    expect(mdOk.status).toBe(200);
    const html = await call('sendMessage', { chat_id: 1, text: '<div>hi</div>', parse_mode: 'HTML' });
    expect(html.body).toMatchObject({ description: expect.stringContaining('Unsupported start tag "div"') });
    tg.blockChat(555);
    const blocked = await call('sendMessage', { chat_id: 555, text: 'x' });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ description: 'Forbidden: bot was blocked by the user' });
  });

  it('rateLimitNext answers 429 with parameters.retry_after, then succeeds', async () => {
    tg.rateLimitNext(1, 3);
    const limited = await call('sendMessage', { chat_id: 42, text: 'hi' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    const again = await call('sendMessage', { chat_id: 42, text: 'hi' });
    expect(again.status).toBe(200);
  });

  it('sendChatAction validates the action', async () => {
    expect((await call('sendChatAction', { chat_id: 42, action: 'typing' })).body).toEqual({ ok: true, result: true });
    expect(tg.chatActions.at(-1)).toEqual({ chatId: 42, action: 'typing' });
    const bad = await call('sendChatAction', { chat_id: 42, action: 'dancing' });
    expect(bad.status).toBe(400);
  });

  it('getUpdates long-polls until an update is queued, and offset confirms', async () => {
    const pollP = call<TgUpdate[]>('getUpdates', { timeout: 10, allowed_updates: ['message', 'edited_message'] });
    await sleep(200); // the poll must not answer while nothing is queued (poll.ms below)
    const update = textUpdate({ updateId: 900000001, chatId: 7212345678, userId: 7212345678, text: '/start', languageCode: 'de' });
    tg.queueUpdate(update);
    const poll = await pollP;
    expect(poll.status).toBe(200);
    expect(poll.ms).toBeGreaterThanOrEqual(150);
    expect(poll.ms).toBeLessThan(5_000);
    if (!poll.body.ok) throw new Error('expected ok');
    expect(poll.body.result).toEqual([update]);
    expect(poll.body.result[0]!.message!.entities).toEqual([{ offset: 0, length: 6, type: 'bot_command' }]);

    // Not confirmed yet: the same update comes back.
    const again = await call<TgUpdate[]>('getUpdates', { timeout: 0 });
    if (!again.body.ok) throw new Error('expected ok');
    expect(again.body.result.map((u) => u.update_id)).toEqual([900000001]);
    // offset = last + 1 confirms it.
    const confirmed = await call<TgUpdate[]>('getUpdates', { offset: 900000002, timeout: 0 });
    expect(confirmed.body).toEqual({ ok: true, result: [] });
    expect(tg.pendingUpdates).toHaveLength(0);

    tg.queueUpdate(editedMessageUpdate({ updateId: 900000003, chatId: 1, userId: 1, messageId: 7, text: 'edited' }));
    tg.queueUpdate(textUpdate({ updateId: 900000002, chatId: 1, userId: 1, text: 'first' }));
    const two = await call<TgUpdate[]>('getUpdates', { limit: 1 }, 'form');
    if (!two.body.ok) throw new Error('expected ok');
    expect(two.body.result.map((u) => u.update_id)).toEqual([900000002]); // sorted, limited
    await call('getUpdates', { offset: 900000004 });
  });

  it('getUpdates returns [] after the timeout, and a second poller terminates the first (409)', async () => {
    const empty = await call<TgUpdate[]>('getUpdates', { timeout: 1 });
    expect(empty.body).toEqual({ ok: true, result: [] });
    expect(empty.ms).toBeGreaterThanOrEqual(900);

    const firstP = call('getUpdates', { timeout: 5 });
    await sleep(100); // the fake's own long-poll timing: it does not show when the first poll is parked
    const secondP = call('getUpdates', { timeout: 1 });
    const first = await firstP;
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({ description: expect.stringContaining('terminated by other getUpdates request') });
    expect((await secondP).status).toBe(200);
  });

  describe('webhooks', () => {
    let app: { url: string; close: () => Promise<void> };
    const seen: { secret: string | undefined; update: TgUpdate }[] = [];
    const SECRET = 'carerelay-secret_123';

    beforeAll(async () => {
      const ex = express();
      ex.post('/telegram/webhook', express.json(), (req, res) => {
        const secret = req.header('X-Telegram-Bot-Api-Secret-Token');
        if (secret !== SECRET) {
          res.sendStatus(401);
          return;
        }
        const update = req.body as TgUpdate;
        seen.push({ secret, update });
        // Answer with a method call in the webhook response, as Telegram allows.
        res.json({ method: 'sendMessage', chat_id: update.message?.chat.id, text: 'pong' });
      });
      app = await startApp(ex);
    });
    afterAll(async () => {
      await call('deleteWebhook');
      await app.close();
    });
    afterEach(() => {
      seen.length = 0;
    });

    it('setWebhook/getWebhookInfo/deliverWebhook with the secret header; 409 for getUpdates meanwhile', async () => {
      const bad = await call('setWebhook', { url: `${app.url}/telegram/webhook`, secret_token: 'has spaces!' });
      expect(bad.body).toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: secret token contains unallowed characters' });

      const set = await call('setWebhook', {
        url: `${app.url}/telegram/webhook`,
        secret_token: SECRET,
        allowed_updates: ['message', 'edited_message'],
      });
      expect(set.body).toEqual({ ok: true, result: true, description: 'Webhook was set' });
      expect(tg.webhook).toMatchObject({ secretToken: SECRET, allowedUpdates: ['message', 'edited_message'] });

      const info = await call<Record<string, unknown>>('getWebhookInfo');
      expect(info.body).toMatchObject({
        ok: true,
        result: { url: `${app.url}/telegram/webhook`, has_custom_certificate: false, pending_update_count: 0, allowed_updates: ['message', 'edited_message'] },
      });

      const conflict = await call('getUpdates');
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ description: expect.stringContaining("can't use getUpdates method while webhook is active") });

      const sentBefore = tg.sent.length;
      const update = textUpdate({ updateId: 5_000_001, chatId: -1001234567890123, userId: 7212345678, text: 'ping', firstName: 'Maria' });
      expect(await tg.deliverWebhook(update)).toBe(200);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.update).toEqual(update);
      expect(seen[0]!.update.message!.chat.id).toBe(-1001234567890123); // big negative ids survive JSON
      // The method returned in the webhook response was executed.
      expect(tg.sent.length).toBe(sentBefore + 1);
      expect(tg.sent.at(-1)).toMatchObject({ chatId: -1001234567890123, text: 'pong', via: 'webhook-reply' });
    });

    it('a wrong secret is rejected by the app and recorded as last_error', async () => {
      const update = stickerUpdate({ updateId: 5_000_002, chatId: 1, userId: 1 });
      expect(await tg.deliverWebhook(update, { secretToken: 'wrong' })).toBe(401);
      expect(await tg.deliverWebhook(update, { secretToken: null })).toBe(401);
      expect(seen).toHaveLength(0);
      const info = await call<Record<string, unknown>>('getWebhookInfo');
      if (!info.body.ok) throw new Error('expected ok');
      expect(info.body.result.last_error_message).toBe('Wrong response from the webhook: 401 Unauthorized');
      expect(typeof info.body.result.last_error_date).toBe('number');

      const del = await call('deleteWebhook');
      expect(del.body).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
      const again = await call('deleteWebhook');
      expect(again.body).toEqual({ ok: true, result: true, description: 'Webhook is already deleted' });
    });
  });

  it('update builders produce real Update shapes matching the fixtures', () => {
    const t = textUpdate({ updateId: 815234671, chatId: 7212345678, userId: 7212345678, text: '/start hola', languageCode: 'es', firstName: 'Maria' });
    const fx = fixture('telegram/text-update.json') as TgUpdate;
    expect(Object.keys(t).sort()).toEqual(Object.keys(fx).sort());
    expect(Object.keys(t.message!).sort()).toEqual(Object.keys(fx.message!).sort());
    expect(t.message!.from).toMatchObject({ id: 7212345678, is_bot: false, language_code: 'es' });

    const s = stickerUpdate({ updateId: 815234672, chatId: -1001234567890123, userId: 7212345678, languageCode: 'es' });
    const sfx = fixture('telegram/sticker-update.json') as TgUpdate;
    expect(Object.keys(s.message!).sort()).toEqual(Object.keys(sfx.message!).sort());
    expect(Object.keys(s.message!.sticker!).sort()).toEqual(Object.keys(sfx.message!.sticker!).sort());
    expect(s.message!.chat).toEqual({ id: -1001234567890123, title: 'Clinic patients', type: 'supergroup' });
    expect(s.message!.text).toBeUndefined();

    const p = photoUpdate({ updateId: 3, chatId: 1, userId: 1, caption: 'my rash' });
    expect(p.message!.photo!.length).toBeGreaterThan(1);
    expect(p.message!.photo![0]!.width).toBeLessThan(p.message!.photo!.at(-1)!.width);
    expect(p.message!.caption).toBe('my rash');

    const e = editedMessageUpdate({ updateId: 4, chatId: 1, userId: 1, messageId: 10, text: 'fixed typo', date: 1_700_000_000 });
    expect(e.message).toBeUndefined();
    expect(e.edited_message).toMatchObject({ message_id: 10, text: 'fixed typo', date: 1_700_000_000, edit_date: 1_700_000_030 });
  });
});

// ---------------------------------------------------------------------------
// OpenAI
// ---------------------------------------------------------------------------

describe('fake OpenAI with the real openai SDK', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;
  const KEY = 'sk-test-carerelay-0123456789';

  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: KEY });
    client = new OpenAI({ apiKey: KEY, baseURL: fake.url, maxRetries: 0 });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.delayMs(0);
    fake.setChatReply(null);
  });

  it('chat.completions.create returns a real ChatCompletion grounded in the context', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are CareRelay. Answer only from the context.' },
        {
          role: 'user',
          content: 'Context:\nThe clinic opens at 8:00 on weekdays.\nParking is free.\n\nQuestion: when do you open?',
        },
      ],
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('gpt-4o-mini');
    expect(Math.abs(completion.created - Date.now() / 1000)).toBeLessThan(5);
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]!.index).toBe(0);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.choices[0]!.message.role).toBe('assistant');
    expect(completion.choices[0]!.message.content).toContain('The clinic opens at 8:00 on weekdays.');
    expect(completion.choices[0]!.message.content).not.toContain('Parking');
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);

    const req = fake.requests.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.body.messages).toHaveLength(2);
  });

  it('setChatReply controls the answer; <context> tags and max_tokens work', async () => {
    fake.setChatReply((messages) => `echo:${messages.length}`);
    const c1 = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(c1.choices[0]!.message.content).toBe('echo:1');
    fake.setChatReply(null);
    const c2 = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'Q?\n<context>\n\nFlu shots are available on Tuesdays.\nOther</context>' }],
    });
    expect(c2.choices[0]!.message.content).toBe('Based on the provided information: "Flu shots are available on Tuesdays."');
    const c3 = await client.chat.completions.create({ model: 'm', max_tokens: 2, messages: [{ role: 'user', content: 'tell me everything' }] });
    expect(c3.choices[0]!.finish_reason).toBe('length');
  });

  it('streams SSE chunks the SDK can consume', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Context: Vaccines on Fridays.\nWhen?' }],
    });
    let text = '';
    let finish: string | null = null;
    let usage: unknown = null;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Based on the provided information: "Vaccines on Fridays."');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ total_tokens: expect.any(Number) });
  });

  it('embeddings: the SDK asks for base64 by default and gets decoded float32 vectors', async () => {
    const texts = [
      'What are the clinic opening hours on Saturday?',
      'Clinic opening hours: Saturday 9am to 1pm.',
      'How do I reset my patient portal password?',
    ];
    const res = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
    const req = fake.requests.at(-1)!;
    expect(req.path).toBe('/v1/embeddings');
    expect(req.body.encoding_format).toBe('base64'); // openai v6 default!
    expect(res.object).toBe('list');
    expect(res.model).toBe('text-embedding-3-small');
    expect(res.data.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(res.data.every((d) => d.object === 'embedding')).toBe(true);
    expect(res.usage.prompt_tokens).toBeGreaterThan(0);
    const [q, hit, miss] = res.data.map((d) => d.embedding);
    expect(Array.isArray(q)).toBe(true);
    expect(q).toHaveLength(64);
    expect(Math.hypot(...q!)).toBeCloseTo(1, 5);
    expect(cosine(q!, hit!)).toBeGreaterThan(0.5);
    expect(cosine(q!, hit!)).toBeGreaterThan(cosine(q!, miss!) + 0.3);

    // Explicit float format returns JSON numbers, identical to the decoded base64.
    const asFloat = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts[0]!, encoding_format: 'float' });
    expect(fake.requests.at(-1)!.body.encoding_format).toBe('float');
    expect(asFloat.data[0]!.embedding).toEqual(q);
    expect(asFloat.data[0]!.embedding).toEqual(fakeEmbedding(texts[0]!));

    // Raw wire check: base64 is little-endian float32.
    const raw = await fetch(`${fake.url}/embeddings`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'x', input: 'hello', encoding_format: 'base64', dimensions: 8 }),
    });
    const body = (await raw.json()) as { data: { embedding: string }[] };
    const buf = Buffer.from(body.data[0]!.embedding, 'base64');
    expect(buf.length).toBe(8 * 4);
    expect(Array.from({ length: 8 }, (_, i) => buf.readFloatLE(i * 4))).toEqual(fakeEmbedding('hello', 8));

    const bad = await client.embeddings.create({ model: 'text-embedding-3-small', input: '' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('failNext maps to the SDK error classes with the real error body', async () => {
    fake.failNext(1, 429);
    const e429 = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(e429).toBeInstanceOf(OpenAI.RateLimitError);
    expect((e429 as InstanceType<typeof OpenAI.RateLimitError>).status).toBe(429);
    expect((e429 as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');
    expect((e429 as InstanceType<typeof OpenAI.RateLimitError>).type).toBe('requests');

    fake.failNext(1, 429, { code: 'insufficient_quota' });
    const quota = await client.embeddings.create({ model: 'e', input: 'x' }).catch((e: unknown) => e);
    expect(quota).toBeInstanceOf(OpenAI.RateLimitError);
    expect((quota as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('insufficient_quota');

    fake.failNext(1, 500);
    const e500 = await client.embeddings.create({ model: 'e', input: 'x' }).catch((e: unknown) => e);
    expect(e500).toBeInstanceOf(OpenAI.InternalServerError);
    expect((e500 as InstanceType<typeof OpenAI.InternalServerError>).message).toContain('The server had an error');

    const ok = await client.embeddings.create({ model: 'e', input: 'x' });
    expect(ok.data).toHaveLength(1);
  });

  it('rejects missing or wrong API keys with 401', async () => {
    const wrong = new OpenAI({ apiKey: 'sk-wrong-key-123456', baseURL: fake.url, maxRetries: 0 });
    const err = await wrong.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.type).toBe('invalid_request_error');
  });

  it('delayMs + the SDK timeout option produce APIConnectionTimeoutError', async () => {
    fake.delayMs(2_000);
    const slow = new OpenAI({ apiKey: KEY, baseURL: fake.url, maxRetries: 0, timeout: 200 });
    const started = Date.now();
    const err = await slow.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
    fake.delayMs(0);
    const ok = await slow.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(ok.choices[0]!.message.content).toContain('x');
  });
});
