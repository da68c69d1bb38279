/**
 * NUL and other control characters sent on any channel: removed at the edge (one normaliser,
 * src/inbound.ts) so the message is stored and answered, never refused as `internal`; a
 * Telegram update that keeps failing is acknowledged after a few attempts so it is not
 * redelivered for ever.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTelegramChannel, TELEGRAM_WEBHOOK_PATH } from '../../channels/telegram/index.js';
import { cleanText } from '../../src/inbound.js';
import { postTwilioWebhook, smsWebhookParams } from '../fakes/twilio-server.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../fakes/telegram-server.js';
import { connectVisitor } from '../helpers/app.js';
import { AUTH_TOKEN, CLINIC_NUMBER, startTwilioApp, twimlMessages, waitFor, type TwilioTestApp } from './twilio-harness.js';

const TG_TOKEN = '7012345678:AAHk3bX9fakeTokenForTests_abcdefghij';
const TG_SECRET = 'carerelay_webhook-secret_0123456789';
const VOICE_SECRET = 'transcript-secret-for-tests-0123456789';
const NASTY = '\u0000\u0001\u0007\u001b\u007f\u0085\u009f';

let t: TwilioTestApp;
let tg: FakeTelegram;
let tgUpdate = 810_000_000;
beforeAll(async () => {
  tg = await startFakeTelegram({ token: TG_TOKEN });
  t = await startTwilioApp({ TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: tg.url, VOICE_WEBHOOK_SECRET: VOICE_SECRET });
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

/** A real database error for one text, as a poison message would cause. */
async function withPoisonTrigger(run: () => Promise<void>) {
  const pool = t.app.relay.db.pool;
  await pool.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.body = 'poison pill' THEN RAISE EXCEPTION 'poison'; END IF; RETURN NEW; END $$`);
  await pool.query(`CREATE TRIGGER refuse_poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
  try {
    await run();
  } finally {
    await pool.query(`DROP TRIGGER refuse_poison ON messages`);
    await pool.query(`DROP FUNCTION refuse_poison()`);
  }
}

const inboundBodies = async (channel: string, address: string) => {
  const contact = await t.app.relay.store.contacts.find(channel, address);
  if (!contact) return [];
  const conversation = await t.app.relay.store.conversations.current(contact);
  return (await t.app.relay.store.messages.history(conversation.id)).filter((m) => m.direction === 'in').map((m) => m.body);
};

const postTelegram = (update: unknown) =>
  fetch(`${t.url}${TELEGRAM_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
    body: JSON.stringify(update),
  });

describe('the inbound normaliser', () => {
  it('removes C0/C1 controls and DEL, keeps line feeds and tabs, mends half surrogate pairs', () => {
    expect(cleanText(`a${NASTY}b\tc\r\nd\re`)).toBe('ab\tc\nd\ne');
    expect(cleanText('ok \uD83D\uDE00 \uD800x')).toBe('ok \uD83D\uDE00 \uFFFDx');
  });
});

describe('control characters on every channel', () => {
  it('web chat: stores the text without them; a message of nothing else is refused as `empty`', async () => {
    const visitor = await connectVisitor(t.url);
    const ack = await visitor.send(`I need${NASTY} a refill`);
    expect(ack).toEqual({ ok: true, id: expect.any(String) });
    const refused = await visitor.send(NASTY);
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('empty');
    expect(await inboundBodies('webchat', (await t.app.relay.store.conversations.get(visitor.session.conversationId))!.address)).toEqual(['I need a refill']);
    visitor.close();
  });

  it('SMS: a Body with NUL is answered with TwiML and stored clean', async () => {
    const from = '+14155551234';
    const res = await postTwilioWebhook(`${t.url}/channels/twilio/sms`, AUTH_TOKEN, smsWebhookParams({ from, to: CLINIC_NUMBER, body: `hello\u0000 there` }));
    expect(res.status).toBe(200);
    expect(twimlMessages(await res.text()).length).toBeGreaterThan(0);
    expect(await inboundBodies('sms', from)).toEqual(['hello there']);
  });

  it('voice transcripts: NUL in the text and the caller are removed', async () => {
    const body = JSON.stringify({ callId: 'call-nul\u0000', from: '+1718555\u00007001', text: 'Hello\u0000 again' });
    const signature = `sha256=${createHmac('sha256', VOICE_SECRET).update(body).digest('hex')}`;
    const res = await fetch(`${t.url}/channels/voice/transcript`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Signature': signature }, body });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { action: string }).action).toBe('continue');
    expect(await inboundBodies('voice-transcript', '+17185557001')).toEqual(['Hello again']);
  });

  it('Telegram: NUL in the text and in first_name is acknowledged (200) and stored clean', async () => {
    const chat = 5_300_000_001;
    const res = await postTelegram(textUpdate({ updateId: ++tgUpdate, chatId: chat, userId: chat, text: 'hi\u0000 clinic', firstName: 'Al\u0000ex\u0085' }));
    expect(res.status).toBe(200);
    expect(await inboundBodies('telegram', String(chat))).toEqual(['hi clinic']);
    expect((await t.app.relay.store.contacts.find('telegram', String(chat)))?.displayName).toBe('Alex');
  });

  it('Telegram: an update that keeps failing (not an outage) is acknowledged after three attempts', async () => {
    await withPoisonTrigger(async () => {
      const chat = 5_300_000_002;
      const update = textUpdate({ updateId: ++tgUpdate, chatId: chat, userId: chat, text: 'poison pill' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await postTelegram(update)).status);
      expect(statuses).toEqual([503, 503, 200, 200]);
      // A healthy update from the same chat still goes through.
      expect((await postTelegram(textUpdate({ updateId: ++tgUpdate, chatId: chat, userId: chat, text: 'hello' }))).status).toBe(200);
      await waitFor(async () => (await inboundBodies('telegram', String(chat))).length === 1, 'the healthy update stored');
    });
  });

  it('Telegram long polling: a poison update is passed after three attempts, so the updates behind it are not stuck', async () => {
    const channel = t.app.relay.senders.get('telegram');
    if (!isTelegramChannel(channel)) throw new Error('telegram channel not mounted');
    await withPoisonTrigger(async () => {
      const chat = 5_300_000_003;
      tg.queueUpdate(textUpdate({ updateId: ++tgUpdate, chatId: chat, userId: chat, text: 'poison pill' }));
      tg.queueUpdate(textUpdate({ updateId: ++tgUpdate, chatId: chat, userId: chat, text: 'hello behind it' }));
      const poller = channel.startPolling({ timeoutSeconds: 1 });
      try {
        await waitFor(async () => (await inboundBodies('telegram', String(chat))).includes('hello behind it'), 'the update behind the poison one', { timeoutMs: 30_000 });
        await waitFor(() => tg.pendingUpdates.length === 0, 'the queue to drain', { timeoutMs: 30_000 });
      } finally {
        await poller.stop();
      }
      expect(await inboundBodies('telegram', String(chat))).toEqual(['hello behind it']);
    });
  }, 90_000);
});
