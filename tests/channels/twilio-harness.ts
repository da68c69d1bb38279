/**
 * Shared set-up for the Twilio channel tests: the app on a known port (so PUBLIC_URL, which
 * Twilio signatures are computed over, is the address tests post to), the fake Twilio REST API
 * behind TWILIO_API_BASE, a real XML parser for TwiML, waitFor for asynchronous effects, and
 * second instances of a channel with their own options (a short wait for the turn).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { freePort } from '../../bench/app-process.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CareRelay } from '../../src/app.js';
import type { Channel } from '../../src/channel/contract.js';
import type { Config } from '../../src/config.js';
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
  /**
   * Another instance of one of the app's channels, on a port of its own (its base URL is returned),
   * made by `make` from the app's config with PUBLIC_URL pointing there. It only answers webhooks:
   * replies too late for them go out through the app's own channel, as from any other instance.
   * Tests give it a short wait for the turn, so they need not wait out the production default.
   */
  instance(make: (config: Config, relay: CareRelay) => Channel): Promise<string>;
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
  const servers: Server[] = [];
  return {
    app,
    fake,
    url: app.url,
    async instance(make) {
      const web = express();
      const server = createServer(web);
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // Its links (gather actions, status callbacks) and the signatures it checks are on its own address.
      const config = { ...app.relay.config, http: { ...app.relay.config.http, publicUrl: url } };
      web.use(app.relay.channels.mount(make(config, app.relay), { deliver: false }));
      return url;
    },
    async close() {
      for (const server of servers) await new Promise((resolve) => server.close(resolve));
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

// The Twilio tests import everything they need from here.
export { waitFor } from '../helpers/wait-for.js';
