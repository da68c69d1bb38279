/**
 * Shared set-up for the Twilio channel tests: the app on a known port (so PUBLIC_URL, which
 * Twilio signatures are computed over, is the address tests post to), the fake Twilio REST API
 * behind TWILIO_API_BASE, a real XML parser for TwiML, and a poll helper for asynchronous effects.
 */
import { freePort } from '../../bench/app-process.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startFakeTwilio, type FakeTwilio } from '../fakes/twilio-server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

export const ACCOUNT_SID = 'AC' + '5e7c0d9a1b2f4c6e'.repeat(2);
export const AUTH_TOKEN = '3b9f' + 'c2d8'.repeat(7);
export const CLINIC_NUMBER = '+14155550100';
export const NURSE_LINE = '+14155550199';


export interface TwilioTestApp {
  app: TestApp;
  fake: FakeTwilio;
  url: string;
  close(): Promise<void>;
}

export async function startTwilioApp(env: Record<string, string | undefined> = {}): Promise<TwilioTestApp> {
  const fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const port = await freePort();
  const app = await startTestApp({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM_NUMBER: CLINIC_NUMBER,
    TWILIO_API_BASE: fake.url,
    ...env,
  });
  return {
    app,
    fake,
    url: app.url,
    async close() {
      await app.close();
      await fake.close();
    },
  };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['Message', 'Say', 'Gather', 'Dial', 'Pause'].includes(name), parseAttributeValue: false, parseTagValue: false, trimValues: true });

/** Parses TwiML with a real XML parser after checking it is well-formed; returns the <Response> element. */
export function parseTwiml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`TwiML is not well-formed: ${JSON.stringify(valid)}\n${xml}`);
  const doc = parser.parse(xml) as { Response?: Record<string, any> | '' };
  if (doc.Response === undefined) throw new Error(`no <Response> root: ${xml}`);
  return doc.Response === '' ? {} : doc.Response;
}

/** The text of each <Message> in a messaging TwiML response. */
export function twimlMessages(xml: string): string[] {
  const response = parseTwiml(xml);
  return ((response.Message ?? []) as unknown[]).map((m) => (typeof m === 'string' ? m : String((m as { '#text'?: string })['#text'] ?? '')));
}

/** A <Say>'s text and attributes. */
export function sayText(say: unknown): string {
  return typeof say === 'string' ? say : String((say as { '#text'?: string })['#text'] ?? '');
}

export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
