import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTelegramCommand } from '../../channels/telegram/commands.js';
import { isTelegramChannel, TELEGRAM_WEBHOOK_PATH } from '../../channels/telegram/index.js';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramSent, type TgUpdate } from '../fakes/telegram-server.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

const TOKEN = '7012345678:AAHk3bX9fakeTokenForTests_abcdefghij';
const SECRET = 'carerelay_webhook-secret_0123456789';

let tg: FakeTelegram;
let app: TestApp;
let nextUpdateId = 700_000_000;
let nextChatId = 5_100_000_000;
const updateId = () => ++nextUpdateId;
const chatId = () => ++nextChatId;

const output = () => {
  let text = '';
  return { write: (s: string) => (text += s), get text() { return text; } };
};

const sentTo = (chat: number | string) => tg.sent.filter((s) => String(s.params.chat_id) === String(chat));
const repliesTo = (chat: number | string, n: number) => waitFor(() => sentTo(chat).length >= n && sentTo(chat), `${n} message(s) to ${chat}`);
const countPoints = (s: string) => [...s].length;

async function contactOf(chat: string) {
  return app.relay.store.contacts.find('telegram', chat);
}

/** What the chat wrote, as stored, oldest first (nothing when the chat never reached us). */
async function inboundOf(chat: string) {
  const contact = await contactOf(chat);
  if (!contact) return [];
  const conversation = await app.relay.store.conversations.current(contact);
  return (await app.relay.store.messages.history(conversation.id)).filter((m) => m.direction === 'in');
}

/** Sends a text and waits for its reply: everything sent to the chat before it has been sent already. */
async function roundTrip(chat: number, text: string, languageCode = 'en'): Promise<FakeTelegramSent> {
  const before = sentTo(chat).length;
  expect(await tg.deliverWebhook(tg.textUpdate({ updateId: updateId(), chatId: chat, userId: chat, text, languageCode }))).toBe(200);
  const sent = await repliesTo(chat, before + 1);
  return sent[before]!;
}

function postRaw(body: string, secret: string | null = SECRET) {
  return fetch(`${app.url}${TELEGRAM_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body,
  });
}

let startup: { setWebhookCalls: number; webhook: unknown; code: number; stdout: string };

beforeAll(async () => {
  tg = await startFakeTelegram({ token: TOKEN });
  app = await startTestApp({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: tg.url });
  const setWebhookCalls = tg.calls.filter((c) => c.method === 'setWebhook').length;
  const webhook = tg.webhook;
  // The operator's explicit step; every test below receives updates through this webhook.
  const out = output();
  const config = testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: tg.url, PUBLIC_URL: app.url });
  const code = await runTelegramCommand(['set-webhook'], config, { stdout: out, stderr: output() });
  startup = { setWebhookCalls, webhook, code, stdout: out.text };
});
afterAll(async () => {
  await app?.close();
  await tg?.close();
});

describe('telegram webhook registration', () => {
  it('is never set at start-up; `telegram set-webhook` sets PUBLIC_URL + route with the secret token', () => {
    expect(startup.setWebhookCalls).toBe(0);
    expect(startup.webhook).toBeNull();
    expect(startup.code).toBe(0);
    expect(startup.stdout).toContain(`${app.url}${TELEGRAM_WEBHOOK_PATH}`);
    expect(tg.webhook).toMatchObject({ url: `${app.url}${TELEGRAM_WEBHOOK_PATH}`, secretToken: SECRET, allowedUpdates: ['message', 'callback_query'] });
    expect(tg.calls.find((c) => c.method === 'setWebhook')?.params).toMatchObject({ url: `${app.url}${TELEGRAM_WEBHOOK_PATH}`, secret_token: SECRET });
  });

  it('`telegram poll` refuses while the webhook is set, before starting anything', async () => {
    const err = output();
    const config = testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: tg.url });
    expect(await runTelegramCommand(['poll'], config, { stdout: output(), stderr: err })).toBe(1);
    expect(err.text).toContain('delete-webhook');
    expect(tg.calls.filter((c) => c.method === 'getUpdates')).toEqual([]);
  });
});

describe('telegram webhook in', () => {
  it('answers /start in the language of the user’s Telegram app, with inline buttons that work', async () => {
    const chat = chatId();
    const greeting = await roundTrip(chat, '/start', 'es');
    expect(greeting.text).toMatch(/asistente virtual/);
    expect(greeting.parseMode).toBeNull();
    const keyboard = (greeting.replyMarkup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(keyboard.length).toBeGreaterThan(0);
    for (const [button] of keyboard) expect(Buffer.byteLength(button!.callback_data)).toBeLessThanOrEqual(64);
    expect((await contactOf(String(chat)))?.language).toBe('es');

    // Pressing a button: Telegram sends a callback_query with the bot's message and the data.
    const [button] = keyboard[1]!;
    const update: TgUpdate = {
      update_id: updateId(),
      callback_query: { id: '4382bfdwdsb323b2d9', from: greeting.message.chat, message: greeting.message, chat_instance: '-1234567890', data: button!.callback_data },
    };
    expect(await tg.deliverWebhook(update)).toBe(200);
    await repliesTo(chat, 2);
    expect(tg.calls.some((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === '4382bfdwdsb323b2d9')).toBe(true);
    const history = await app.relay.store.messages.history((await app.relay.store.conversations.current((await contactOf(String(chat)))!)).id);
    const postback = history.find((m) => m.kind === 'postback');
    expect(postback?.body).toBe((await app.relay.services.t('es')('actions.appointmentQuery')) as string);
  });

  it('answers a button it does not know (forged or too old) with a notice, and accepts nothing', async () => {
    const chat = chatId();
    const update: TgUpdate = {
      update_id: updateId(),
      callback_query: { id: 'cb-forged', from: { id: chat, is_bot: false, first_name: 'Eve' }, message: { message_id: 1, chat: { id: chat, type: 'private' }, date: 1 }, chat_instance: '1', data: 'a:1:0' },
    };
    expect(await tg.deliverWebhook(update)).toBe(200);
    const answer = tg.calls.find((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === 'cb-forged');
    expect(answer?.params.text).toMatch(/no longer available/);
    expect(await contactOf(String(chat))).toBeUndefined();
  });

  it('refuses a missing (401) or wrong (403) secret token and stores nothing', async () => {
    const chat = chatId();
    const update = tg.textUpdate({ updateId: updateId(), chatId: chat, userId: chat, text: 'hello' });
    expect(await tg.deliverWebhook(update, { secretToken: null })).toBe(401);
    expect(await tg.deliverWebhook(update, { secretToken: 'not-the-secret' })).toBe(403);
    expect(await tg.deliverWebhook(update, { secretToken: SECRET.slice(0, -1) })).toBe(403);
    expect((await postRaw('{"this is": "not even parsed"', 'wrong')).status).toBe(403);
    expect(await contactOf(String(chat))).toBeUndefined();
    expect(await inboundOf(String(chat))).toEqual([]);
    expect(sentTo(chat)).toEqual([]);
  });

  it('rejects a body that is not an update once the secret is right', async () => {
    expect((await postRaw('not json')).status).toBe(400);
    expect((await postRaw('{"message": {}}')).status).toBe(400);
  });

  it('handles a redelivered update_id once: one stored message, one reply', async () => {
    const chat = chatId();
    const update = tg.textUpdate({ updateId: updateId(), chatId: chat, userId: chat, text: 'hello' });
    expect(await tg.deliverWebhook(update)).toBe(200);
    await repliesTo(chat, 1);
    expect(await tg.deliverWebhook(update)).toBe(200);
    expect(await tg.deliverWebhook(update)).toBe(200);
    // A later message's reply comes after anything the duplicates could have caused (turns run in order).
    await roundTrip(chat, 'thanks');
    expect(sentTo(chat)).toHaveLength(2);
    const stored = (await inboundOf(String(chat))).map((m) => m.externalId).filter((id) => id?.startsWith(`7012345678:${update.update_id}:`));
    expect(stored).toEqual([`7012345678:${update.update_id}:${chat}:${update.message!.message_id}`]);
  });

  it('answers stickers and photos with a short localised notice (once a minute), reads captions, and stays silent on edits', async () => {
    const chat = chatId();
    const sticker = tg.stickerUpdate({ updateId: updateId(), chatId: chat, userId: chat, languageCode: 'es' });
    expect(await tg.deliverWebhook(sticker)).toBe(200);
    const [notice] = await repliesTo(chat, 1);
    expect(notice!.text).toMatch(/solo puedo leer texto/);
    // A second sticker right away and a redelivery of the first: no reply storm.
    expect(await tg.deliverWebhook(tg.stickerUpdate({ updateId: updateId(), chatId: chat, userId: chat, languageCode: 'es' }))).toBe(200);
    expect(await tg.deliverWebhook(sticker)).toBe(200);
    // Edits are silent too.
    const edited = tg.editedMessageUpdate({ updateId: updateId(), chatId: chat, userId: chat, messageId: 3, text: 'hola, corregido', languageCode: 'es' });
    expect(await tg.deliverWebhook(edited)).toBe(200);
    await roundTrip(chat, 'hola', 'es');
    expect(sentTo(chat)).toHaveLength(2);

    // A photo with a caption, in another chat: the notice, and the caption is read as a message.
    const other = chatId();
    expect(await tg.deliverWebhook(tg.photoUpdate({ updateId: updateId(), chatId: other, userId: other, caption: 'hello', languageCode: 'en' }))).toBe(200);
    const sent = await repliesTo(other, 2);
    expect(sent[0]!.text).toMatch(/can't open photos/);
    expect(sent[1]!.text).toMatch(/virtual assistant/);
  });

  it('drops a flood over the per-sender limit with one polite notice', async () => {
    const chat = chatId();
    for (let i = 0; i < 18; i++) {
      expect(await tg.deliverWebhook(tg.textUpdate({ updateId: updateId(), chatId: chat, userId: chat, text: `Could you please tell me about my appointment, question ${i}?` }))).toBe(200);
    }
    expect(await inboundOf(String(chat))).toHaveLength(15);
    // Fifteen answers and one notice, queued in order behind them.
    const sent = await repliesTo(chat, 16);
    expect(sent.filter((s) => s.text === app.relay.services.t('en')('errors.rateLimited'))).toHaveLength(1);
  });

  it('keeps a group chat id and a 64-bit id exact from the raw body to the reply', async () => {
    // Telegram promises at most 52 significant bits today; an id beyond 2^53 must still survive.
    const huge = '9007199254740993';
    const raw = `{"update_id":${updateId()},"message":{"message_id":17,"from":{"id":${huge},"is_bot":false,"first_name":"Big","language_code":"en"},"chat":{"id":${huge},"first_name":"Big","type":"private"},"date":1741948020,"text":"hello"}}`;
    expect((await postRaw(raw)).status).toBe(200);
    const [reply] = await repliesTo(huge, 1);
    expect(reply!.params.chat_id).toBe(huge);
    expect(await contactOf(huge)).toMatchObject({ externalId: huge });
    expect(await contactOf('9007199254740992')).toBeUndefined();

    const fixture = readFileSync(new URL('../fixtures/telegram/sticker-update.json', import.meta.url), 'utf8');
    expect((await postRaw(fixture)).status).toBe(200);
    const [notice] = await repliesTo('-1001234567890123', 1);
    expect(notice!.chatId).toBe(-1001234567890123);
    expect(notice!.text).toMatch(/solo puedo leer texto/);
    expect(await contactOf('-1001234567890123')).toBeDefined();
  });

  it('switches language with /lang es, and handles /help addressed to this bot only', async () => {
    const chat = chatId();
    const switched = await roundTrip(chat, '/lang es', 'en');
    expect(switched.text).toBe(app.relay.services.t('es')('language.switched'));
    const help = await roundTrip(chat, '/help@carerelay_test_bot', 'en');
    expect(help.text).toBe(app.relay.services.t('es')('help'));
    // A command for another bot in a group is not ours to answer.
    await tg.deliverWebhook(tg.textUpdate({ updateId: updateId(), chatId: chat, userId: chat, text: '/help@some_other_bot' }));
    await roundTrip(chat, '/start');
    expect(sentTo(chat)).toHaveLength(3);
  });

  it('reads a question typed after /start, and treats a one-word deep-link payload as plain /start', async () => {
    const fixture = readFileSync(new URL('../fixtures/telegram/text-update.json', import.meta.url), 'utf8');
    expect((await postRaw(fixture)).status).toBe(200);
    await repliesTo(7212345678, 1);
    const chat = chatId();
    const reply = await roundTrip(chat, '/start clinic_qr-poster', 'en');
    expect(reply.text).toMatch(/virtual assistant/);
    const [question] = await inboundOf('7212345678');
    expect(question).toMatchObject({ body: '¿A qué hora abre la clínica el sábado?', meta: { locale: 'es', channelData: { updateId: 815234671, messageId: 4821, chatType: 'private' } } });
    expect((await inboundOf(String(chat))).map((r) => r.body)).toEqual(['/start']);
  });
});

describe('telegram replies out', () => {
  async function conversationFor(chat: number) {
    await roundTrip(chat, 'hello');
    const contact = (await contactOf(String(chat)))!;
    return app.relay.store.conversations.current(contact);
  }

  it('splits a 6,000-character nurse reply into two messages under 4,096 code points, on a sentence boundary', async () => {
    const chat = chatId();
    const conversation = await conversationFor(chat);
    const sentence = (i: number) => `Step ${i}: take the tablet with a full glass of water 💊 and rest for a while. `;
    let text = '';
    for (let i = 1; countPoints(text) < 6000; i++) text += sentence(i);
    text = text.trim();
    await app.relay.processor.deliver(conversation, { role: 'nurse', text, language: 'en', senderName: 'Ana' });
    const sent = await repliesTo(chat, 3);
    const parts = sent.slice(1).map((s) => s.text);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(countPoints(part)).toBeLessThanOrEqual(4096);
    expect(parts[0]!.startsWith('Ana (nurse):\nStep 1:')).toBe(true);
    expect(parts[0]!.endsWith('for a while.')).toBe(true);
    expect(parts[1]!.startsWith('Step ')).toBe(true);
    expect(`${parts[0]} ${parts[1]}`).toBe(`Ana (nurse):\n${text}`);
  });

  it('waits out a 429 retry_after and then delivers', async () => {
    const chat = chatId();
    const conversation = await conversationFor(chat);
    tg.rateLimitNext(1, 1, ['sendMessage']);
    await app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Your results are ready.', language: 'en', senderName: 'Ana' });
    const sent = await repliesTo(chat, 2);
    expect(sent[1]!.text).toContain('Your results are ready.');
    const attempts = tg.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat));
    expect(attempts.map((c) => c.status)).toEqual([200, 429, 200]);
    expect(attempts[1]!.response).toMatchObject({ parameters: { retry_after: 1 } });
  });

  it('gives up at once when the user blocked the bot (403), without retrying', async () => {
    const chat = chatId();
    const conversation = await conversationFor(chat);
    tg.blockChat(chat);
    const out = await app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Are you still there?', language: 'en', senderName: 'Ana' });
    const row = await waitFor(async () => {
      const delivery = await app.relay.outbox.find({ key: `message:${out.id}` });
      return delivery?.status === 'dead' && delivery;
    }, 'the delivery to be given up');
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toMatch(/403/);
    await app.relay.outbox.drain();
    const attempts = tg.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chat));
    expect(attempts.map((c) => c.status)).toEqual([200, 403]);
  });
});

describe('telegram long polling', () => {
  it('refuses to poll while a webhook is set, then fetches updates with getUpdates and answers them', async () => {
    const config = testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: tg.url, PUBLIC_URL: app.url });
    expect(await runTelegramCommand(['delete-webhook'], config, { stdout: output(), stderr: output() })).toBe(0);
    expect(tg.webhook).toBeNull();

    const channel = app.relay.senders.get('telegram');
    if (!isTelegramChannel(channel)) throw new Error('telegram channel not mounted');
    const chat = chatId();
    tg.queueUpdate(tg.textUpdate({ updateId: updateId(), chatId: chat, userId: chat, text: 'hola', languageCode: 'es' }));
    const poller = channel.startPolling({ timeoutSeconds: 1 });
    try {
      const [reply] = await repliesTo(chat, 1);
      expect(reply!.text).toMatch(/asistente virtual/);
      const later = chatId();
      tg.queueUpdate(tg.textUpdate({ updateId: updateId(), chatId: later, userId: later, text: 'hello' }));
      await repliesTo(later, 1);
      // Confirmed updates are gone from Telegram's queue once the next getUpdates passes their offset.
      await waitFor(() => tg.pendingUpdates.length === 0, 'the queue to drain');
      const polls = tg.calls.filter((c) => c.method === 'getUpdates');
      expect(polls[0]!.params).toMatchObject({ timeout: 1, allowed_updates: ['message', 'callback_query'] });
      expect(polls.some((c) => typeof c.params.offset === 'number')).toBe(true);
    } finally {
      await poller.stop();
    }
    expect(poller.running).toBe(false);
  });
});
