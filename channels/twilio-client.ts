/**
 * The one place a Twilio REST client is made. With `TWILIO_API_BASE` set (a proxy, the test
 * fake) every request the SDK builds for `https://<product>[.<edge>.<region>].twilio.com` is
 * sent to that origin instead, path and query unchanged. No network call happens here.
 */
import express, { type RequestHandler } from 'express';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { PermanentDeliveryError, type Config } from '../src/channel/contract.js';
import { forbidden } from '../src/errors.js';

export type TwilioClient = twilio.Twilio;
export type TwilioSettings = NonNullable<Config['twilio']>;

const TWILIO_ORIGIN = /^https:\/\/[a-z0-9.-]+\.twilio\.com(?=\/|$)/i;

/** A RequestClient that rewrites Twilio's origin to `baseUrl` before each request. */
export class BaseUrlRequestClient extends twilio.RequestClient {
  readonly baseUrl: string;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_ORIGIN, this.baseUrl) });
  }
}

export function createTwilioClient(settings: Pick<TwilioSettings, 'accountSid' | 'authToken' | 'apiBase'>): TwilioClient {
  // Keep-alive: webhooks and the outbox talk to the API all day; a fresh TLS handshake per send is waste.
  const options: RequestClient.RequestClientOptions = { keepAlive: true, timeout: 10_000 };
  const httpClient = settings.apiBase ? new BaseUrlRequestClient(settings.apiBase, options) : new twilio.RequestClient(options);
  return twilio(settings.accountSid, settings.authToken, { httpClient });
}

// Error codes for which sending again cannot help: bad or unreachable numbers, opted out, blocked.
// WhatsApp: 21655 / 21656 a bad template or its variables, 63003 no WhatsApp user at the To address, 63007 no WhatsApp sender at From.
const PERMANENT_CODES = new Set([21211, 21214, 21217, 21219, 21265, 21266, 21408, 21606, 21610, 21612, 21614, 21617, 21655, 21656, 30004, 30005, 30006, 30007, 63003, 63007]);
/** Twilio's "Attempt to send to unsubscribed recipient": the number texted STOP to the carrier. */
export const TWILIO_UNSUBSCRIBED = 21610;

/** Twilio REST errors that retrying cannot fix become PermanentDeliveryError; others stay retryable. */
export function classifyTwilioError(err: unknown): Error {
  if (err instanceof twilio.RestException) {
    const permanent = PERMANENT_CODES.has(err.code ?? 0) || (err.status >= 400 && err.status < 500 && err.status !== 429 && err.status !== 408);
    const message = `twilio ${err.status} ${err.code ?? ''}: ${err.message}`;
    return permanent ? new PermanentDeliveryError(message, { cause: err }) : new Error(message, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Message delivery codes (status callbacks) that mean "do not send this again". */
export function isPermanentDeliveryCode(code: number | undefined): boolean {
  return code !== undefined && PERMANENT_CODES.has(code);
}

/**
 * Parses Twilio's form-encoded webhook and checks `X-Twilio-Signature` over the URL Twilio
 * was configured with: PUBLIC_URL + path + query as received (never the Host header, which a
 * proxy rewrites). A bad or missing signature ends the request with 403 before anything else.
 */
export function twilioWebhook(authToken: string, publicUrl: string): RequestHandler[] {
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });
  const verify: RequestHandler = (req, _res, next) => {
    const signature = req.get('X-Twilio-Signature');
    const params = (req.body ?? {}) as Record<string, string>;
    const url = publicUrl + req.originalUrl;
    if (!signature || !twilio.validateRequest(authToken, signature, url, params)) {
      next(forbidden('bad_signature', 'X-Twilio-Signature is missing or does not match'));
      return;
    }
    next();
  };
  return [form, verify];
}
