/**
 * Twilio SMS end to end: signed webhooks in (real signatures, the recorded payload fixture),
 * TwiML out parsed with a real XML parser, REST sends through the real twilio SDK into the fake.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsChannel } from '../../channels/twilio-sms/index.js';
import { postTwilioWebhook, smsWebhookParams, twilioSid } from '../fakes/twilio-server.js';
import { AUTH_TOKEN, CLINIC_NUMBER, startTwilioApp, twimlMessages, waitFor, type TwilioTestApp } from './twilio-harness.js';
import { holdConversation } from '../helpers/hold-conversation.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/twilio/sms-inbound.json', import.meta.url), 'utf8')) as Record<string, string>;

let t: TwilioTestApp;
let smsUrl: string;
let counter = 0;
/** A fresh US number per test so contacts, limits and conversations do not mix. */
const newNumber = () => `+1212555${String(1000 + counter++).padStart(4, '0')}`;

beforeAll(async () => {
  t = await startTwilioApp();
  smsUrl = `${t.url}/channels/twilio/sms`;
});
afterAll(() => t?.close());

async function text(from: string, body: string, extra: Parameters<typeof smsWebhookParams>[0] extends infer I ? Partial<I> : never = {}, url = smsUrl) {
  const params = smsWebhookParams({ from, to: CLINIC_NUMBER, body, ...extra });
  const res = await postTwilioWebhook(url, AUTH_TOKEN, params);
  return { res, params, xml: await res.text() };
}

const conversationOf = async (phone: string) => {
  const contact = await t.app.relay.store.contacts.find('sms', phone);
  return contact ? t.app.relay.store.conversations.current(contact) : undefined;
};
const sentTo = (phone: string) => t.fake.messages.filter((m) => m.to === phone);

describe('Twilio SMS webhook', () => {
  it('answers the recorded inbound payload with TwiML and stores it once under its MessageSid', async () => {
    const params = { ...fixture, To: CLINIC_NUMBER };
    const res = await postTwilioWebhook(smsUrl, AUTH_TOKEN, params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    const messages = twimlMessages(await res.text());
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.length > 0 && [...m].length <= 1600)).toBe(true);

    const conversation = (await conversationOf(fixture.From!))!;
    const history = await t.app.relay.store.messages.history(conversation.id);
    const inbound = history.filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(1);
    expect(inbound[0]!.externalId).toBe(fixture.MessageSid);
    expect(inbound[0]!.body).toBe(fixture.Body);
    // Answered inline, so the REST API was not used for it.
    expect(sentTo(fixture.From!)).toHaveLength(0);
  });

  it('refuses forged and missing signatures with 403 and stores nothing', async () => {
    const from = newNumber();
    const params = smsWebhookParams({ from, to: CLINIC_NUMBER, body: 'hello' });
    const forged = await postTwilioWebhook(smsUrl, 'not-the-auth-token-000000000000', params);
    expect(forged.status).toBe(403);
    const missing = await postTwilioWebhook(smsUrl, AUTH_TOKEN, params, { signature: null });
    expect(missing.status).toBe(403);
    // Signed for other parameters than the ones sent (a tampered body).
    const tampered = await postTwilioWebhook(smsUrl, AUTH_TOKEN, { ...params, Body: 'changed' }, {
      signature: (await import('../fakes/twilio-server.js')).signTwilioRequest(AUTH_TOKEN, smsUrl, params),
    });
    expect(tampered.status).toBe(403);
    expect(await t.app.relay.store.contacts.find('sms', from)).toBeUndefined();
  });

  it('answers a redelivered webhook without a second turn or a second reply', async () => {
    const from = newNumber();
    const params = smsWebhookParams({ from, to: CLINIC_NUMBER, body: 'hello' });
    const first = await postTwilioWebhook(smsUrl, AUTH_TOKEN, params);
    expect(twimlMessages(await first.text()).length).toBeGreaterThan(0);
    const again = await postTwilioWebhook(smsUrl, AUTH_TOKEN, params);
    expect(again.status).toBe(200);
    expect(twimlMessages(await again.text())).toEqual([]);
    const conversation = (await conversationOf(from))!;
    await t.app.relay.processor.settle(conversation.id);
    const history = await t.app.relay.store.messages.history(conversation.id);
    expect(history.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(history.filter((m) => m.direction === 'out' && m.role === 'bot')).toHaveLength(1);
    expect(sentTo(from)).toHaveLength(0);
  });

  it('numbers the greeting buttons and maps a numeric reply back to the option', async () => {
    const from = newNumber();
    const greeting = twimlMessages((await text(from, 'hello')).xml).join('\n');
    expect(greeting).toMatch(/Reply 1 for Opening hours/);
    expect(greeting).toMatch(/Reply 2 for Book an appointment/);
    await text(from, '1');
    const conversation = (await conversationOf(from))!;
    const inbound = (await t.app.relay.store.messages.history(conversation.id)).filter((m) => m.direction === 'in');
    expect(inbound.at(-1)).toMatchObject({ kind: 'postback', body: 'When are you open?' });
  });

  it('STOP confirms, then nothing reaches the number (nurse messages included) until START', async () => {
    const from = newNumber();
    await text(from, 'hello');
    const conversation = (await conversationOf(from))!;

    const stop = twimlMessages((await text(from, 'Stop')).xml);
    expect(stop).toHaveLength(1);
    expect(stop[0]).toMatch(/unsubscribed/i);
    expect((await t.app.relay.store.contacts.find('sms', from))!.optedOutAt).not.toBeNull();

    // A question after STOP is not answered, a nurse's message is refused by the outbox.
    expect(twimlMessages((await text(from, 'what are your hours?')).xml)).toEqual([]);
    const refused = await t.app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Hi, this is Ana from the clinic.', language: 'en', senderName: 'Ana' });
    const row = await waitFor(async () => {
      const delivery = await t.app.relay.outbox.find({ key: `message:${refused.id}` });
      return delivery?.status === 'dead' && delivery;
    }, 'the nurse message to be refused');
    expect(row.lastError).toMatch(/opted out/);
    expect(sentTo(from)).toHaveLength(0);

    const start = twimlMessages((await text(from, 'START')).xml);
    expect(start[0]).toMatch(/subscribed again/i);
    await t.app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Are you feeling better today?', language: 'en', senderName: 'Ana' });
    const sent = await waitFor(() => sentTo(from)[0], 'the nurse message after START');
    expect(sent.body).toBe('Nurse Ana: Are you feeling better today?');
    expect(sent.from).toBe(CLINIC_NUMBER);
  });

  it('honours Spanish keywords with Spanish confirmations, and YES only resubscribes an opted-out number', async () => {
    const from = newNumber();
    const alto = twimlMessages((await text(from, 'ALTO')).xml);
    expect(alto[0]).toMatch(/cancelado su suscripción/);
    const again = twimlMessages((await text(from, 'Comenzar')).xml);
    expect(again[0]).toMatch(/vuelto a suscribir/);
    expect((await t.app.relay.store.contacts.find('sms', from))!.optedOutAt).toBeNull();

    const other = newNumber();
    await text(other, 'yes');
    expect((await t.app.relay.store.contacts.find('sms', other))!.optedOutAt).toBeNull();
    const conversation = (await conversationOf(other))!;
    expect((await t.app.relay.store.messages.history(conversation.id)).some((m) => m.direction === 'in' && m.body === 'yes')).toBe(true);
  });

  it('answers HELP and AYUDA with the program information', async () => {
    const help = twimlMessages((await text(newNumber(), 'HELP')).xml);
    expect(help[0]).toMatch(/Reply STOP to unsubscribe/);
    const ayuda = twimlMessages((await text(newNumber(), 'ayuda')).xml);
    expect(ayuda[0]).toMatch(/Responda ALTO/);
  });

  it('explains that pictures cannot be read, and keeps the media link for the nurse in an open case', async () => {
    const from = newNumber();
    const picture = await text(from, '', { numMedia: 1, mediaContentType: 'image/jpeg' });
    expect(twimlMessages(picture.xml)[0]).toMatch(/can't open pictures/);
    expect(await t.app.relay.store.contacts.find('sms', from)).toBeDefined();
    const conversation = (await conversationOf(from))!;
    expect((await t.app.relay.store.messages.history(conversation.id)).filter((m) => m.direction === 'in')).toHaveLength(0);

    await t.app.relay.store.conversations.setMode(conversation.id, 'handoff');
    const mediaUrl = `https://api.twilio.com/2010-04-01/Accounts/AC00/Messages/${twilioSid('MM')}/Media/${twilioSid('ME')}`;
    const inCase = await text(from, 'this is the rash', { mediaUrl, mediaContentType: 'image/png' });
    expect(twimlMessages(inCase.xml)[0]).toMatch(/nurse helping you will see/);
    const stored = (await t.app.relay.store.messages.history(conversation.id)).filter((m) => m.direction === 'in');
    expect(stored).toHaveLength(1);
    expect((stored[0]!.meta.channelData as { media: unknown }).media).toEqual([{ url: mediaUrl, contentType: 'image/png' }]);
  });

  it('sends a reply that was not ready in time through the REST API, with a status callback', async () => {
    const from = newNumber();
    const relay = t.app.relay;
    const conversation = await relay.store.conversations.current(await relay.store.contacts.upsert('sms', from));
    // Another instance holds the conversation: the turn cannot run while the webhook waits.
    const lock = await holdConversation(relay.db, conversation.id);
    // An SMS instance that waits 200 ms for the turn, not the 3 s the app's waits.
    const impatient = await t.instance((config, app) => createTwilioSmsChannel({ config, logger: app.logger, t: app.services.t, inlineWaitMs: 200 }));
    const { xml } = await text(from, 'hello', {}, `${impatient}/channels/twilio/sms`);
    expect(twimlMessages(xml)).toEqual([]);
    await lock.release();
    const sent = await waitFor(() => sentTo(from)[0], 'the late reply at the REST API');
    expect(sent.body).toMatch(/Reply 1 for/);
    expect(sent.statusCallback).toBe(`${t.url}/channels/twilio/sms/status`);
    expect(sent.params.From).toBe(CLINIC_NUMBER);
  });

  it('retries a send that a status callback reports failed, and stops at a permanent error', async () => {
    const from = newNumber();
    const relay = t.app.relay;
    const conversation = await relay.store.conversations.current(await relay.store.contacts.upsert('sms', from));
    await relay.processor.deliver(conversation, { role: 'nurse', text: 'Please call us back today.', language: 'en' });
    // The carrier reports back after the API call has returned and the outbox has noted the sid.
    const recorded = (sid: string) => waitFor(async () => (await relay.outbox.find({ externalId: sid }))?.status === 'done', `the delivery sent as ${sid}`);
    const first = await waitFor(() => sentTo(from)[0], 'the first send');
    await recorded(first.sid);
    expect(await t.fake.advanceMessage(first.sid, 'failed', { errorCode: 30003 })).toBe(204);
    const second = await waitFor(() => sentTo(from)[1], 'the retried send');
    expect(second.body).toBe(first.body);

    await recorded(second.sid);
    expect(await t.fake.advanceMessage(second.sid, 'undelivered', { errorCode: 30006 })).toBe(204);
    expect(await relay.outbox.find({ externalId: second.sid })).toMatchObject({ status: 'done', externalStatus: 'undelivered' });
    expect(sentTo(from)).toHaveLength(2);

    await relay.processor.deliver(conversation, { role: 'nurse', text: 'Thanks, talk soon.', language: 'en' });
    const third = await waitFor(() => sentTo(from)[2], 'the next send');
    await recorded(third.sid);
    await t.fake.advanceMessage(third.sid, 'delivered');
    expect((await relay.outbox.find({ externalId: third.sid }))?.externalStatus).toBe('delivered');
  });

  it('rejects an unsigned status callback', async () => {
    const res = await postTwilioWebhook(`${t.url}/channels/twilio/sms/status`, AUTH_TOKEN, { MessageSid: twilioSid('SM'), MessageStatus: 'failed' }, { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(res.status).toBe(403);
  });

  it('splits a long nurse message into sentence-bounded texts within 1,600 characters', async () => {
    const from = newNumber();
    const relay = t.app.relay;
    const conversation = await relay.store.conversations.current(await relay.store.contacts.upsert('sms', from));
    const sentence = 'Tome el medicamento con comida y beba mucha agua durante el día. ';
    const long = sentence.repeat(50).trim();
    await relay.processor.deliver(conversation, { role: 'nurse', text: long, language: 'es', senderName: 'Ana' });
    await waitFor(() => sentTo(from).length >= 2 && relay.outbox.pendingCount().then((n) => n === 0), 'all parts');
    const bodies = sentTo(from).map((m) => m.body);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) {
      expect([...body].length).toBeLessThanOrEqual(1600);
      expect(body.endsWith('.')).toBe(true);
    }
    // On SMS, Spanish "í" is GSM-7's "i" (src/render/sms-segments.ts toGsm7).
    expect(bodies.join(' ')).toBe(`Enfermera Ana: ${long.replaceAll('í', 'i')}`);
  });

  it('answers a flood from one number with one polite notice, not a reply each', async () => {
    const from = newNumber();
    const answers: string[][] = [];
    for (let i = 0; i < 18; i++) answers.push(twimlMessages((await text(from, `Can you tell me when the clinic opens on day ${i}?`)).xml));
    // The notice is localised; whichever language the conversation settled on, it is one of these.
    const notices = ['en', 'es', 'zh', 'hi'].map((lang) => {
      const strings = JSON.parse(readFileSync(new URL(`../../locales/${lang}/channels.json`, import.meta.url), 'utf8'));
      return (strings.sms.rateLimited as string).replace('{{emergencyNumber}}', '911');
    });
    expect(answers.slice(0, 15).every((a) => a.length > 0 && !notices.includes(a[0]!))).toBe(true);
    expect(answers[15]).toHaveLength(1);
    expect(notices).toContain(answers[15]![0]);
    expect(answers.slice(16).flat()).toEqual([]);
  });
});
