/**
 * WhatsApp through Twilio end to end: signed webhooks in (the fake Twilio forwards them and so
 * learns each user's 24-hour window), replies out through the real twilio SDK into the fake,
 * which enforces the window (63016), templates (ContentSid / ContentVariables) and addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioClient } from '../../channels/twilio-client.js';
import { createTwilioWhatsAppChannel, WHATSAPP_WINDOW_MS } from '../../channels/twilio-whatsapp/index.js';
import { postTwilioWebhook, signTwilioRequest, twilioSid, whatsappWebhookParams } from '../fakes/twilio-server.js';
import { ACCOUNT_SID, AUTH_TOKEN, startTwilioApp, twimlMessages, waitFor, type TwilioTestApp } from './twilio-harness.js';

const WHATSAPP_FROM = 'whatsapp:+14155550123';
const TEMPLATE = 'HX' + 'a1b2c3d4'.repeat(4);

let t: TwilioTestApp;
let url: string;
let counter = 0;
/** A fresh WhatsApp user per test so contacts, windows and conversations do not mix. */
const newUser = () => `whatsapp:+4477009${String(10_000 + counter++).padStart(5, '0')}`;

beforeAll(async () => {
  t = await startTwilioApp({ WHATSAPP_FROM, WHATSAPP_TEMPLATE_SID: TEMPLATE });
  url = `${t.url}/channels/twilio/whatsapp`;
});
afterAll(() => t?.close());

/** The user writes; Twilio (the fake) forwards it, signed. */
async function write(from: string, body: string, extra: Partial<Parameters<typeof whatsappWebhookParams>[0]> = {}) {
  const params = whatsappWebhookParams({ from, to: WHATSAPP_FROM, body, profileName: 'Maria', ...extra });
  const res = await t.fake.deliverInbound(url, params);
  return { res, params, texts: twimlMessages(await res.text()) };
}

const relay = () => t.app.relay;
const conversationOf = async (address: string) => {
  const contact = await relay().store.contacts.find('whatsapp', address);
  return contact ? relay().store.conversations.current(contact) : undefined;
};
const sentTo = (address: string) => t.fake.messages.filter((m) => m.to === address);
const inboundOf = async (address: string) => (await relay().store.messages.history((await conversationOf(address))!.id)).filter((m) => m.direction === 'in');

describe('WhatsApp through Twilio', () => {
  it('stores a message once and delivers the reply from the WhatsApp sender, with status callbacks', async () => {
    const from = newUser();
    const { res, params, texts } = await write(from, 'hello');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    expect(texts).toEqual([]); // the reply goes through the REST API
    const reply = await waitFor(() => sentTo(from)[0], 'the reply at the REST API');
    expect(reply.from).toBe(WHATSAPP_FROM);
    expect(reply.body).toMatch(/Reply 1 for/);
    expect(reply.contentSid).toBeNull();
    expect(reply.statusCallback).toBe(`${t.url}/channels/twilio/whatsapp/status`);
    expect(reply.resource.num_segments).toBe('1');

    const inbound = await inboundOf(from);
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ externalId: params.MessageSid, body: 'hello' });
    const contact = await relay().store.contacts.find('whatsapp', from);
    expect(contact?.displayName).toBe('Maria');

    // The outbox row knows the sid; Twilio's "read" marks the stored reply delivered.
    const conversation = (await conversationOf(from))!;
    await waitFor(async () => (await relay().outbox.find({ externalId: reply.sid }))?.status === 'done', 'the delivery sent as the reply');
    expect(await t.fake.advanceMessage(reply.sid, 'read')).toBe(204);
    const out = (await relay().store.messages.history(conversation.id)).filter((m) => m.direction === 'out');
    expect(out.at(-1)?.status).toBe('delivered');
  });

  it('stores a redelivered webhook (same MessageSid) once and answers it once', async () => {
    const from = newUser();
    const { params } = await write(from, 'what are your hours?');
    const again = await t.fake.deliverInbound(url, params);
    expect(again.status).toBe(200);
    expect(twimlMessages(await again.text())).toEqual([]);
    const conversation = (await conversationOf(from))!;
    await relay().processor.settle(conversation.id);
    await waitFor(() => sentTo(from)[0], 'the reply');
    expect(await inboundOf(from)).toHaveLength(1);
    const bot = (await relay().store.messages.history(conversation.id)).filter((m) => m.direction === 'out' && m.role === 'bot');
    expect(bot).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200)); // a window in which a second send would show
    expect(sentTo(from)).toHaveLength(1);
  });

  it('refuses forged, missing and tampered signatures with 403 before reading the message', async () => {
    const from = newUser();
    const params = whatsappWebhookParams({ from, to: WHATSAPP_FROM, body: 'hello' });
    expect((await postTwilioWebhook(url, 'not-the-auth-token-000000000000', params)).status).toBe(403);
    expect((await postTwilioWebhook(url, AUTH_TOKEN, params, { signature: null })).status).toBe(403);
    const tampered = await postTwilioWebhook(url, AUTH_TOKEN, { ...params, Body: 'changed' }, { signature: signTwilioRequest(AUTH_TOKEN, url, params) });
    expect(tampered.status).toBe(403);
    expect(await relay().store.contacts.find('whatsapp', from)).toBeUndefined();
    expect(sentTo(from)).toHaveLength(0);
  });

  it('outside the 24-hour window sends the approved template once, and the patient\'s reply releases what waited', async () => {
    const to = newUser();
    const conversation = await relay().store.conversations.current(await relay().store.contacts.upsert('whatsapp', to));
    const held = [
      await relay().processor.deliver(conversation, { role: 'nurse', text: 'Your lab results are ready. Please call us.', language: 'en', senderName: 'Ana' }),
      await relay().processor.deliver(conversation, { role: 'nurse', text: 'We are open until 6 pm.', language: 'en', senderName: 'Ana' }),
    ];
    const template = await waitFor(() => sentTo(to)[0], 'the template');
    expect(template.contentSid).toBe(TEMPLATE);
    expect(template.body).toBe('');
    expect(template.from).toBe(WHATSAPP_FROM);
    const clinic = relay().services.t('en')('channels:whatsapp.templateSender');
    expect(template.contentVariables).toEqual({ 1: clinic });
    expect(clinic).not.toMatch(/\{\{|^$/);
    const handled = async (m: { id: string }) => (await relay().outbox.find({ key: `message:${m.id}` }))?.status === 'done';
    await waitFor(async () => (await Promise.all(held.map(handled))).every(Boolean), 'both messages handled');
    expect(sentTo(to)).toHaveLength(1); // one template for both, no free-form outside the window

    const { texts } = await write(to, 'ok');
    expect(texts).toEqual(['Nurse Ana: Your lab results are ready. Please call us.', 'Nurse Ana: We are open until 6 pm.']);
    // The window is open now: the next nurse message goes out free-form.
    await relay().processor.deliver(conversation, { role: 'nurse', text: 'You are welcome.', language: 'en', senderName: 'Ana' });
    const freeForm = await waitFor(() => sentTo(to).find((m) => m.body === 'Nurse Ana: You are welcome.'), 'the free-form message');
    expect(freeForm.contentSid).toBeNull();
    expect(sentTo(to).filter((m) => m.contentSid)).toHaveLength(1);
  });

  it('holds a message Twilio failed with 63016 (its window closed first) and sends the template', async () => {
    const to = newUser();
    await write(to, 'hello');
    await waitFor(() => sentTo(to)[0], 'the greeting');
    // Twilio last heard from the patient 25 hours ago, though our own record says otherwise.
    t.fake.setSession(to, new Date(Date.now() - WHATSAPP_WINDOW_MS - 3600_000));
    const conversation = (await conversationOf(to))!;
    await relay().processor.deliver(conversation, { role: 'nurse', text: 'Please book a follow-up visit.', language: 'en', senderName: 'Ana' });
    const failed = await waitFor(() => sentTo(to).find((m) => m.body === 'Nurse Ana: Please book a follow-up visit.'), 'the free-form attempt');
    await waitFor(() => failed.resource.error_code === 63016, 'the 63016 failure');
    const template = await waitFor(() => sentTo(to).find((m) => m.contentSid === TEMPLATE), 'the template after 63016');
    expect(template.receivedAt.getTime()).toBeGreaterThanOrEqual(failed.receivedAt.getTime());
    const { texts } = await write(to, 'yes?');
    expect(texts).toContain('Nurse Ana: Please book a follow-up visit.');
  });

  it('goes by its own clock too: 24 hours after the last message, a send becomes the template', async () => {
    const to = newUser();
    await write(to, 'hello');
    await waitFor(() => sentTo(to)[0], 'the greeting');
    const r = relay();
    const later = createTwilioWhatsAppChannel({
      config: r.config, logger: r.logger, t: r.services.t, client: createTwilioClient(r.config.whatsapp!), now: () => Date.now() + WHATSAPP_WINDOW_MS,
    });
    r.channels.mount(later, { deliver: false });
    const conversation = (await conversationOf(to))!;
    const before = sentTo(to).length;
    await later.send({ id: '990001', conversationId: conversation.id, channel: 'whatsapp', to, role: 'nurse', text: 'Checking in.', language: 'es', createdAt: new Date() });
    const sent = sentTo(to).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.contentSid).toBe(TEMPLATE);
    expect(sent[0]!.contentVariables).toEqual({ 1: r.services.t('es')('channels:whatsapp.templateSender') });
  });

  it('acknowledges media, keeps their URLs as references on the stored message and never fetches them', async () => {
    const from = newUser();
    const mediaUrl = `${t.fake.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${twilioSid('MM')}/Media/${twilioSid('ME')}`;
    const alone = await write(from, '', { mediaUrl, mediaContentType: 'image/jpeg' });
    expect(alone.texts).toHaveLength(1);
    expect(alone.texts[0]).toMatch(/can't open pictures/);

    const withText = await write(from, 'this rash on my arm, what is it?', { mediaUrl, mediaContentType: 'image/png' });
    expect(withText.texts[0]).toMatch(/can't open pictures/);
    const stored = await inboundOf(from);
    expect(stored).toHaveLength(1);
    expect((stored[0]!.meta.channelData as { media: unknown }).media).toEqual([{ url: mediaUrl, contentType: 'image/png' }]);

    // In an open case the nurse sees what was sent, picture alone included.
    const conversation = (await conversationOf(from))!;
    await relay().store.conversations.setMode(conversation.id, 'handoff');
    const inCase = await write(from, '', { mediaUrl, mediaContentType: 'image/jpeg' });
    expect(inCase.texts[0]).toMatch(/nurse helping you will see/);
    expect(await inboundOf(from)).toHaveLength(2);
    expect(t.fake.requests.some((r) => r.path.includes('/Media/'))).toBe(false);
  });

  it('STOP stops every message (nurse ones included) until START', async () => {
    const from = newUser();
    await write(from, 'hello');
    await waitFor(() => sentTo(from)[0], 'the greeting');
    const stop = await write(from, 'STOP');
    expect(stop.texts[0]).toMatch(/not receive any more WhatsApp messages/);
    const conversation = (await conversationOf(from))!;
    const before = sentTo(from).length;
    const refused = await relay().processor.deliver(conversation, { role: 'nurse', text: 'Hello from the clinic.', language: 'en', senderName: 'Ana' });
    await waitFor(async () => (await relay().outbox.find({ key: `message:${refused.id}` }))?.status === 'dead', 'the refused nurse message');
    expect(sentTo(from)).toHaveLength(before);
    expect((await write(from, 'START')).texts[0]).toMatch(/receive WhatsApp messages from .* again/);
  });
});
