import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotConnector, type Activity, type FakeBotConnector } from '../fakes/bot-connector-server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

// Emulator mode: no app id or password, every request accepted (BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED).
let connector: FakeBotConnector;
let app: TestApp;
let endpoint: string;

const fixture = (name: string): Activity => {
  const activity = JSON.parse(readFileSync(new URL(`../fixtures/botframework/${name}`, import.meta.url), 'utf8')) as Activity;
  // The channel's serviceUrl is where replies go: the fake connector.
  return { ...activity, serviceUrl: connector.url };
};
const messagesTo = (conversationId: string) => connector.activities.filter((a) => a.conversationId === conversationId && a.activity.type === 'message');
async function waitForMessages(conversationId: string, n: number) {
  await connector.waitForActivity(() => messagesTo(conversationId).length >= n);
  return messagesTo(conversationId);
}
async function conversationOf(address: string) {
  const contact = await app.relay.store.contacts.find('botframework', address);
  return contact && app.relay.store.conversations.current(contact);
}

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp({ BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: '1' });
  endpoint = `${app.url}/api/messages`;
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('bot framework in and out (emulator mode)', () => {
  it('turns a Direct Line message into a turn and posts the reply activity to the connector', async () => {
    const activity = fixture('directline-message.json');
    const conversationId = activity.conversation!.id;
    expect((await connector.postToBot(endpoint, activity)).status).toBe(200);
    const [reply] = await waitForMessages(conversationId, 1);
    expect(reply!.authorization).toBeNull();
    expect(reply!.activity).toMatchObject({
      type: 'message',
      textFormat: 'markdown',
      locale: 'es',
      conversation: { id: conversationId },
      recipient: { id: 'dl_8c51a3e0f24b4c6f' },
    });
    expect(reply!.activity.text).toMatch(/asistente virtual/);
    const actions = reply!.activity.suggestedActions!.actions;
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.type === 'imBack' && typeof a.value === 'string')).toBe(true);

    const conversation = (await conversationOf(conversationId))!;
    const [inbound] = await app.relay.store.messages.history(conversation.id);
    expect(inbound).toMatchObject({ role: 'patient', body: 'hola', externalId: `${conversationId}|${activity.id}`, meta: { locale: 'es-ES' } });
    // The reference kept to write to this conversation later.
    expect(await app.relay.store.references.get('botframework', conversationId)).toMatchObject({
      channelId: 'directline',
      serviceUrl: connector.url,
      activityId: activity.id,
      conversation: { id: conversationId },
    });
  });

  it('reaches the patient later with a nurse reply sent proactively from the stored reference', async () => {
    const activity = connector.messageActivity({ text: 'hello' });
    const conversationId = activity.conversation!.id;
    await connector.postToBot(endpoint, activity);
    await waitForMessages(conversationId, 1);
    const conversation = (await conversationOf(conversationId))!;
    await app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Your lab results are normal.', language: 'en', senderName: 'Ana' });
    const [, nurse] = await waitForMessages(conversationId, 2);
    expect(nurse!.activity.text).toBe('**Ana (nurse):**\n\nYour lab results are normal.');
    expect(nurse!.activity.from).toMatchObject({ id: connector.bot.id });
  });

  it('reads a Teams channel message without the @mention and answers with hero card buttons', async () => {
    const activity = fixture('teams-channel-mention.json');
    const conversationId = activity.conversation!.id;
    expect((await connector.postToBot(endpoint, activity)).status).toBe(200);
    const [reply] = await waitForMessages(conversationId, 1);
    expect(reply!.activity.suggestedActions).toBeUndefined();
    const card = reply!.activity.attachments?.[0] as { contentType: string; content: { buttons: { type: string; value: string }[] } };
    expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(card.content.buttons.every((b) => b.type === 'imBack')).toBe(true);
    const conversation = (await conversationOf(conversationId))!;
    const [inbound] = await app.relay.store.messages.history(conversation.id);
    expect(inbound!.body).toBe('hello');
    // Group chats keep no display name for the contact.
    expect((await app.relay.store.contacts.find('botframework', conversationId))?.displayName).toBeNull();
  });

  it('stores a redelivered activity once and answers it once', async () => {
    const activity = connector.messageActivity({ text: 'hello' });
    const conversationId = activity.conversation!.id;
    await connector.postToBot(endpoint, activity);
    await connector.postToBot(endpoint, activity);
    await waitForMessages(conversationId, 1);
    await connector.postToBot(endpoint, connector.messageActivity({ text: 'thanks', conversationId }));
    const replies = await waitForMessages(conversationId, 2);
    expect(replies).toHaveLength(2);
    const conversation = (await conversationOf(conversationId))!;
    expect((await app.relay.store.messages.history(conversation.id)).filter((m) => m.role === 'patient')).toHaveLength(2);
  });

  it('answers an attachment without text with a localised notice; a conversationUpdate only stores the reference', async () => {
    const update = connector.conversationUpdate({ conversationId: 'conv-update-1' });
    expect((await connector.postToBot(endpoint, update)).status).toBe(200);
    expect(await app.relay.store.references.get('botframework', 'conv-update-1')).toMatchObject({ conversation: { id: 'conv-update-1' } });
    expect(await conversationOf('conv-update-1')).toBeUndefined();

    const picture = connector.messageActivity({
      conversationId: 'conv-update-1',
      locale: 'zh-CN',
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/rash.png', name: 'rash.png' }],
    });
    expect((await connector.postToBot(endpoint, picture)).status).toBe(200);
    const [notice] = await waitForMessages('conv-update-1', 1);
    expect(notice!.activity.text).toBe(app.relay.services.t('zh')('channels:botframework.attachments'));
    expect(connector.activities.filter((a) => a.conversationId === 'conv-update-1' && a.activity.type === 'typing')).toEqual([]);
  });

  it('retries a connector 503 through the outbox, and gives up at once when the bot was removed (403)', async () => {
    const activity = connector.messageActivity({ text: 'hello' });
    const conversationId = activity.conversation!.id;
    await connector.postToBot(endpoint, activity);
    await waitForMessages(conversationId, 1);
    const conversation = (await conversationOf(conversationId))!;

    connector.failNext(1, 503);
    await app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Checking in after your visit.', language: 'en', senderName: 'Ana' });
    const [, retried] = await waitForMessages(conversationId, 2);
    expect(retried!.activity.text).toContain('Checking in after your visit.');

    connector.removeBot(conversationId);
    const out = await app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Are you there?', language: 'en', senderName: 'Ana' });
    // It may wait a moment behind the previous message of the conversation (ordering), then fails once.
    const row = await waitFor(async () => {
      const delivery = await app.relay.outbox.find({ key: `message:${out.id}` });
      return delivery?.status === 'dead' && delivery;
    }, 'the delivery to be given up');
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toMatch(/403/);
  });

  it('rejects what is not an activity', async () => {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'no type' }) });
    expect(res.status).toBe(400);
  });
});
