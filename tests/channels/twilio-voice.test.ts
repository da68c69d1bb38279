/**
 * Twilio Voice end to end: signed voice and gather webhooks (the recorded gather fixture), TwiML
 * checked with a real XML parser, live-call updates and SMS fallback through the fake Twilio.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioVoiceChannel } from '../../channels/twilio-voice/index.js';
import { postTwilioWebhook, twilioSid, voiceWebhookParams } from '../fakes/twilio-server.js';
import { AUTH_TOKEN, CLINIC_NUMBER, NURSE_LINE, parseTwiml, sayText, startTwilioApp, waitFor, type TwilioTestApp } from './twilio-harness.js';
import { holdConversation } from '../helpers/hold-conversation.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/twilio/voice-gather.json', import.meta.url), 'utf8')) as Record<string, string>;

let t: TwilioTestApp;
let counter = 0;
const newNumber = () => `+1646555${String(2000 + counter++).padStart(4, '0')}`;

beforeAll(async () => {
  t = await startTwilioApp({ NURSE_LINE_NUMBER: NURSE_LINE });
});
afterAll(() => t?.close());

interface Call {
  callSid: string;
  from: string;
  /** The action URL of the last <Gather> we were given. */
  next?: string;
}

async function post(url: string, params: Record<string, string>) {
  const res = await postTwilioWebhook(url, AUTH_TOKEN, params);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/xml/);
  return parseTwiml(await res.text());
}

async function dial(from = newNumber(), base = t.url): Promise<{ call: Call; twiml: Record<string, any> }> {
  const call: Call = { callSid: twilioSid('CA'), from };
  const twiml = await post(`${base}/channels/twilio/voice`, voiceWebhookParams({ callSid: call.callSid, from, to: CLINIC_NUMBER }));
  call.next = twiml.Gather?.[0]?.action;
  return { call, twiml };
}

/** The caller says (or keys) something into the current gather. */
async function say(call: Call, input: { speech?: string; confidence?: number; digits?: string }) {
  const params = voiceWebhookParams({
    callSid: call.callSid,
    from: call.from,
    to: CLINIC_NUMBER,
    callStatus: 'in-progress',
    ...(input.speech !== undefined ? { speechResult: input.speech, confidence: input.confidence ?? 0.93 } : {}),
    ...(input.digits !== undefined ? { digits: input.digits } : {}),
  });
  const twiml = await post(call.next!, params);
  if (twiml.Gather?.[0]?.action) call.next = twiml.Gather[0].action;
  return twiml;
}

const voiceConversation = async (phone: string) => {
  const contact = (await t.app.relay.store.contacts.find('voice', phone))!;
  return t.app.relay.store.conversations.current(contact);
};

describe('Twilio Voice', () => {
  it('greets with a speech gather in the caller’s language and offers the other languages', async () => {
    const { twiml } = await dial();
    const gather = twiml.Gather[0];
    expect(gather).toMatchObject({ input: 'speech dtmf', language: 'en-US', speechTimeout: 'auto', method: 'POST', actionOnEmptyResult: 'true' });
    const action = new URL(gather.action);
    expect(`${action.origin}${action.pathname}`).toBe(`${t.url}/channels/twilio/voice/gather`);
    expect(action.searchParams.get('lang')).toBe('en');
    const says = gather.Say as Record<string, string>[];
    expect(says[0]).toMatchObject({ language: 'en-US', voice: 'Polly.Joanna-Neural' });
    expect(sayText(says[0])).toMatch(/How can I help/);
    expect(says.map((s) => s.language)).toEqual(['en-US', 'es-US', 'cmn-CN', 'hi-IN']);
    expect(says.map((s) => s.voice)).toEqual(['Polly.Joanna-Neural', 'Polly.Lupe-Neural', 'Polly.Zhiyu-Neural', 'Polly.Kajal-Neural']);
    expect(sayText(says[1])).toBe('Para español, oprima 2.');
  });

  it('refuses unsigned and forged voice webhooks with 403', async () => {
    const params = voiceWebhookParams({ callSid: twilioSid('CA'), from: newNumber(), to: CLINIC_NUMBER });
    expect((await postTwilioWebhook(`${t.url}/channels/twilio/voice`, AUTH_TOKEN, params, { signature: null })).status).toBe(403);
    expect((await postTwilioWebhook(`${t.url}/channels/twilio/voice`, 'wrong-token-000000000000000000000', params)).status).toBe(403);
    // The gather URL carries the call state in its query: a signature over another query is refused.
    const { call } = await dial();
    const tampered = call.next!.replace('lang=en', 'lang=es');
    const res = await postTwilioWebhook(tampered, AUTH_TOKEN, { ...fixture, CallSid: call.callSid, From: call.from }, { signature: (await import('../fakes/twilio-server.js')).signTwilioRequest(AUTH_TOKEN, call.next!, { ...fixture, CallSid: call.callSid, From: call.from }) });
    expect(res.status).toBe(403);
  });

  it('takes a Spanish caller through a whole call in Spanish', async () => {
    const { call } = await dial();
    const chosen = await say(call, { digits: '2' });
    expect(chosen.Gather[0]).toMatchObject({ language: 'es-US', input: 'speech dtmf' });
    expect(chosen.Gather[0].Say[0]).toMatchObject({ language: 'es-US', voice: 'Polly.Lupe-Neural' });
    expect(sayText(chosen.Gather[0].Say[0])).toMatch(/En qué le puedo ayudar/);

    const answer = await say(call, { speech: '¿A qué hora abren los sábados?' });
    const spoken = answer.Gather[0].Say[0];
    expect(spoken).toMatchObject({ language: 'es-US', voice: 'Polly.Lupe-Neural' });
    expect(answer.Gather[0].language).toBe('es-US');
    const conversation = await voiceConversation(call.from);
    const history = await t.app.relay.store.messages.history(conversation.id);
    const question = history.find((m) => m.direction === 'in')!;
    expect(question).toMatchObject({ kind: 'transcript', body: '¿A qué hora abren los sábados?', externalId: `${call.callSid}:2` });
    const reply = history.find((m) => m.direction === 'out' && m.inReplyTo === question.id)!;
    expect(reply.language).toBe('es');
    // Rendered for the ear: no URLs or markdown, and it ends by asking in Spanish.
    expect(sayText(spoken)).not.toMatch(/https?:|www\.|\*\*|\[/);
    expect(sayText(spoken)).toMatch(/¿Hay algo más en lo que le pueda ayudar\?$/);

    const bye = await say(call, { speech: 'No, gracias. Adiós.' });
    expect(bye.Hangup).toBeDefined();
    expect(bye.Say[0]).toMatchObject({ language: 'es-US', voice: 'Polly.Lupe-Neural' });
    expect(sayText(bye.Say[0])).toMatch(/Gracias por llamar/);
  });

  it('stores a retried gather once and says the same reply again without a second turn', async () => {
    // English asked once before: the test server builds a language's index on its first question,
    // and a first reply that is not ready in time is "One moment" instead of the answer.
    const { call: warmUp } = await dial();
    await say(warmUp, { speech: 'What time do you open on Saturday?' });
    const { call } = await dial();
    const url = call.next!;
    const first = await say(call, { speech: 'Hello there' });
    call.next = url;
    const again = await say(call, { speech: 'Hello there' });
    expect(sayText(again.Gather[0].Say[0])).toBe(sayText(first.Gather[0].Say[0]));
    const conversation = await voiceConversation(call.from);
    await t.app.relay.processor.settle(conversation.id);
    const history = await t.app.relay.store.messages.history(conversation.id);
    expect(history.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(history.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('re-prompts on silence and low confidence, offers a nurse after two tries, then ends politely', async () => {
    const { call } = await dial();
    const silent = await say(call, {});
    expect(sayText(silent.Gather[0].Say[0])).toMatch(/didn't catch that/);
    const mumbled = await say(call, { speech: 'mm hmm rash', confidence: 0.12 });
    expect(sayText(mumbled.Gather[0].Say[0])).toMatch(/press 0 or say nurse/);
    const last = await say(call, {});
    expect(last.Hangup).toBeDefined();
    expect(await t.app.relay.store.contacts.find('voice', call.from)).toBeUndefined();
  });

  it('transfers to the nurse line when the caller presses 0', async () => {
    const { call } = await dial();
    await say(call, { digits: '1' });
    const twiml = await say(call, { digits: '0' });
    expect(sayText(twiml.Say[0])).toMatch(/connecting you with a nurse/);
    expect(twiml.Dial[0]['#text'] ?? twiml.Dial[0]).toBe(NURSE_LINE);
  });

  describe('when the transfer to the nurse line ends', () => {
    /** Presses 0, then plays Twilio posting the <Dial> outcome to its action URL. */
    async function transferEnds(dialCallStatus: string, dialCallDuration = '0') {
      const { call } = await dial();
      const transfer = await say(call, { digits: '0' });
      const action = transfer.Dial[0].action as string;
      expect(transfer.Dial[0].method).toBe('POST');
      // The Dial callback: the parent call's fields plus the outcome of the dialled leg.
      const params = {
        ...voiceWebhookParams({ callSid: call.callSid, from: call.from, to: CLINIC_NUMBER, callStatus: 'in-progress' }),
        DialCallStatus: dialCallStatus,
        DialCallSid: twilioSid('CA'),
        DialCallDuration: dialCallDuration,
        DialBridged: String(dialCallStatus === 'completed'),
      };
      return { call, action, twiml: await post(action, params), params };
    }

    it('the <Dial> reports to the signed dial route, and a completed call ends politely', async () => {
      const { action, twiml } = await transferEnds('completed', '184');
      const url = new URL(action);
      expect(`${url.origin}${url.pathname}`).toBe(`${t.url}/channels/twilio/voice/dial`);
      expect(url.searchParams.get('lang')).toBe('en');
      const says = (twiml.Say as unknown[]).map(sayText).join(' ');
      expect(says).toMatch(/call with the nurse has ended/);
      expect(says).not.toMatch(/did not answer|not available/);
      expect(twiml).toHaveProperty('Hangup');
      expect(twiml.Gather).toBeUndefined();
    });

    it.each(['busy', 'no-answer', 'failed', 'canceled'])('%s: tells the caller, names the emergency number and offers a text message', async (status) => {
      const { call, twiml } = await transferEnds(status);
      const gather = twiml.Gather[0];
      const said = sayText(gather.Say[0]);
      expect(said).toMatch(/nurse line is not available/);
      expect(said).toMatch(/press 1/);
      expect(said).toMatch(/9 1 1/);
      expect(twiml).not.toHaveProperty('Hangup');
      expect(new URL(gather.action).searchParams.get('sms')).toBe('1');
      call.next = gather.action;
      const before = t.fake.messages.length;
      const after = await say(call, { digits: '1' });
      expect(sayText(after.Say[0])).toMatch(/sent you a text message/);
      expect(after).toHaveProperty('Hangup');
      const sms = t.fake.messages.slice(before).find((m) => m.to === call.from);
      expect(sms?.body).toMatch(/nurse line was not available/);
      expect(sms?.from).toBe(CLINIC_NUMBER);
    });

    it('refuses an unsigned or forged dial callback with 403', async () => {
      const params = { ...voiceWebhookParams({ callSid: twilioSid('CA'), from: newNumber(), to: CLINIC_NUMBER, callStatus: 'in-progress' }), DialCallStatus: 'completed' };
      const url = `${t.url}/channels/twilio/voice/dial?lang=en&n=3`;
      expect((await postTwilioWebhook(url, AUTH_TOKEN, params, { signature: null })).status).toBe(403);
      expect((await postTwilioWebhook(url, 'f'.repeat(32), params)).status).toBe(403);
    });
  });

  it('on an emergency says the instructions first, then dials the nurse line', async () => {
    const { call } = await dial();
    const twiml = await say(call, { speech: 'My father has crushing chest pain and he cannot breathe' });
    const conversation = await voiceConversation(call.from);
    const inbound = (await t.app.relay.store.messages.history(conversation.id)).find((m) => m.direction === 'in')!;
    expect(inbound.kind).toBe('transcript');
    const order = Object.keys(twiml).filter((k) => ['Say', 'Dial', 'Gather', 'Hangup'].includes(k));
    expect(order.slice(0, 2)).toEqual(['Say', 'Dial']);
    expect(sayText(twiml.Say[0])).toMatch(/911|9 1 1/);
    expect(twiml.Dial[0]['#text'] ?? twiml.Dial[0]).toBe(NURSE_LINE);
  });

  it('relays a nurse reply by SMS after the call has ended', async () => {
    const { call } = await dial();
    await say(call, { digits: '2' });
    await say(call, { speech: 'Necesito hablar sobre mis resultados de laboratorio.' });
    t.fake.addCall(call.callSid, 'completed', { from: call.from, to: CLINIC_NUMBER });
    const conversation = await voiceConversation(call.from);
    await t.app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Sus resultados están normales. Llámenos si tiene preguntas.', language: 'es', senderName: 'Ana' });
    const sms = await waitFor(() => t.fake.messages.find((m) => m.to === call.from), 'the SMS to the caller');
    expect(sms.body).toBe('Enfermera Ana: Sus resultados estan normales. Llamenos si tiene preguntas.');
    expect(sms.from).toBe(CLINIC_NUMBER);
  });

  it('speaks a nurse reply into a call that is still live', async () => {
    const { call } = await dial();
    t.fake.addCall(call.callSid, 'in-progress', { from: call.from, to: CLINIC_NUMBER });
    await say(call, { speech: 'I have a question about my prescription' });
    const conversation = await voiceConversation(call.from);
    await t.app.relay.processor.deliver(conversation, { role: 'nurse', text: 'Your refill is ready at the pharmacy.', language: 'en', senderName: 'Sam' });
    const update = await waitFor(() => t.fake.callUpdates.find((u) => u.callSid === call.callSid), 'the live call update');
    const twiml = parseTwiml(update.twiml!);
    const said = sayText(twiml.Gather[0].Say[0]);
    expect(said).toBe('Here is a message from nurse Sam. Your refill is ready at the pharmacy.');
    expect(t.fake.messages.find((m) => m.to === call.from)).toBeUndefined();
  });

  it('pushes a reply that was not ready in time into the live call', async () => {
    // A voice instance that waits 200 ms for the turn, not the 8 s the app's waits.
    const impatient = await t.instance((config, relay) => createTwilioVoiceChannel({ config, logger: relay.logger, t: relay.services.t, inlineWaitMs: 200 }));
    const { call } = await dial(newNumber(), impatient);
    t.fake.addCall(call.callSid, 'in-progress', { from: call.from, to: CLINIC_NUMBER });
    const relay = t.app.relay;
    const conversation = await relay.store.conversations.current(await relay.store.contacts.upsert('voice', call.from));
    const lock = await holdConversation(relay.db, conversation.id);
    const waiting = await say(call, { speech: 'Hello' });
    expect(sayText(waiting.Gather[0].Say[0])).toBe('One moment, please.');
    expect(waiting.Gather[0].Pause).toBeDefined();
    await lock.release();
    const update = await waitFor(() => t.fake.callUpdates.find((u) => u.callSid === call.callSid), 'the late reply in the call');
    const twiml = parseTwiml(update.twiml!);
    expect(sayText(twiml.Gather[0].Say[0])).toMatch(/For Opening hours, say or press 1/);
  });
});
