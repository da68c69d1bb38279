/**
 * Protocol-faithful fake of the Twilio REST API (2010-04-01) for tests.
 *
 * Listens on 127.0.0.1 (random port) and speaks the same wire format as
 * https://api.twilio.com so the real `twilio` SDK can talk to it once its
 * HTTP client rewrites the origin (see providers.test.ts for how).
 *
 * Also exports helpers for tests that play Twilio calling *us*: request
 * signing (with the twilio library's own algorithm) and builders for the
 * form-encoded webhook payloads Twilio posts for SMS, WhatsApp, voice and
 * status callbacks.
 *
 * WhatsApp (checked against Twilio's Messaging API reference and error pages,
 * and twilio-node 6.2.0's `messages.create`, which sends `contentSid` /
 * `contentVariables` as the form fields ContentSid / ContentVariables):
 * `whatsapp:` addresses on both sides (else 21910); a template is
 * `ContentSid` (HX + 32 hex, else 21655) with `ContentVariables` (a JSON
 * object of non-empty strings, else 21656; without ContentSid 21654); a
 * free-form message to a user who has not written in the last 24 hours is
 * accepted (201, queued) and then fails with 63016, reported to its
 * StatusCallback like any failure. The fake learns when a user last wrote
 * from `deliverInbound` (it plays Twilio forwarding that message) or
 * `setSession`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SegmentedMessage } from 'sms-segments-calculator';
import twilio from 'twilio';
import { listenOnLoopback } from './loopback.js';

export const TWILIO_API_VERSION = '2010-04-01';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export type TwilioMessageStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'receiving'
  | 'received'
  | 'read'
  | 'canceled';

export type TwilioCallStatus =
  | 'queued'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'failed'
  | 'no-answer'
  | 'canceled';

/** The Message resource exactly as the REST API serialises it (snake_case, strings). */
export interface TwilioMessageResource {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string;
  sid: string;
  status: TwilioMessageStatus;
  subresource_uris: { media: string; feedback?: string };
  to: string;
  uri: string;
}

/** The Call resource as the REST API serialises it. */
export interface TwilioCallResource {
  account_sid: string;
  annotation: string | null;
  answered_by: string | null;
  api_version: string;
  caller_name: string | null;
  date_created: string;
  date_updated: string;
  direction: string;
  duration: string | null;
  end_time: string | null;
  forwarded_from: string | null;
  from: string;
  from_formatted: string;
  group_sid: string | null;
  parent_call_sid: string | null;
  phone_number_sid: string;
  price: string | null;
  price_unit: string;
  queue_time: string;
  sid: string;
  start_time: string | null;
  status: TwilioCallStatus;
  subresource_uris: Record<string, string>;
  to: string;
  to_formatted: string;
  trunk_sid: string | null;
  uri: string;
}

/** One accepted `POST .../Messages.json`. */
export interface FakeTwilioSentMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  statusCallback: string | null;
  messagingServiceSid: string | null;
  mediaUrls: string[];
  /** WhatsApp templates: the Content SID and its variables (parsed), null for free-form messages. */
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  /** Every form field as received (repeated keys become arrays). */
  params: Record<string, string | string[]>;
  /** The live resource (mutated by `advanceMessage`). */
  resource: TwilioMessageResource;
  receivedAt: Date;
}

/** One accepted `POST .../Calls/{CallSid}.json`. */
export interface FakeTwilioCallUpdate {
  callSid: string;
  twiml: string | null;
  url: string | null;
  method: string | null;
  status: string | null;
  params: Record<string, string | string[]>;
  receivedAt: Date;
}

/** Every HTTP request that reached the fake (including rejected ones). */
export interface FakeTwilioRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  params: Record<string, string | string[]>;
  /** Basic-auth username, if any. */
  username: string | null;
  status: number;
}

export interface FakeTwilioFailure {
  /** HTTP status, default 500. */
  status?: number;
  /** Twilio error code, default derived from status (429 → 20429, 500 → 20500, 503 → 20503 …). */
  code?: number;
  /** Error message, default derived from the code. */
  message?: string;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
}

export interface FakeTwilio {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash, no version path). */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Accepted message sends, oldest first. */
  readonly messages: FakeTwilioSentMessage[];
  /** Accepted live-call updates, oldest first. */
  readonly callUpdates: FakeTwilioCallUpdate[];
  /** Every request (including failures), oldest first. */
  readonly requests: FakeTwilioRequest[];
  /** Make the next `n` message sends fail with a Twilio error body. */
  failNext(n: number, failure?: FakeTwilioFailure): void;
  /**
   * Simulate an outage. `'reset'` (default) destroys every incoming connection
   * without a response (the SDK sees ECONNRESET / socket hang up); `'503'`
   * answers every request with a Twilio 503 error body.
   */
  down(mode?: 'reset' | '503'): void;
  up(): void;
  /**
   * Plays Twilio forwarding a user's message: POSTs the signed form to `url` and, for a
   * `whatsapp:` sender, opens that user's 24-hour customer-service window from now.
   */
  deliverInbound(url: string, params: TwilioParams): Promise<Response>;
  /** When a WhatsApp user last wrote (`null`: never); free-form sends need it within 24 hours. */
  setSession(address: string, lastInboundAt: Date | null): void;
  /** Register a live call that `POST .../Calls/{CallSid}.json` can update. */
  addCall(
    callSid: string,
    status?: TwilioCallStatus,
    opts?: { from?: string; to?: string; direction?: string },
  ): TwilioCallResource;
  getCall(callSid: string): TwilioCallResource | undefined;
  /**
   * Move a sent message to a new status (as the carrier would) and, if the send
   * had a StatusCallback, POST the signed status callback to it like Twilio does.
   * Resolves with the callback's HTTP status, or `null` when there was no callback URL.
   */
  advanceMessage(
    sid: string,
    status: TwilioMessageStatus,
    opts?: { errorCode?: number; errorMessage?: string },
  ): Promise<number | null>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const hex32 = (): string => randomBytes(16).toString('hex');
/** A Twilio-style SID: two-letter prefix + 32 lowercase hex digits. */
export const twilioSid = (prefix: string): string => prefix + hex32();

/** RFC 2822 date exactly as Twilio writes it: `Thu, 24 Aug 2023 05:01:45 +0000`. */
export function rfc2822(date: Date = new Date()): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function errorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

const DEFAULT_CODES: Record<number, [number, string]> = {
  400: [20001, 'Bad Request'],
  401: [20003, 'Authenticate'],
  403: [20403, 'Forbidden'],
  404: [20404, 'The requested resource was not found'],
  429: [20429, 'Too Many Requests'],
  500: [20500, 'Internal Server Error'],
  502: [20502, 'Bad Gateway'],
  503: [20503, 'Service Unavailable'],
};

function parseForm(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Number of SMS segments Twilio bills for `body`, by Twilio's own calculator
 * (sms-segments-calculator 1.3): GSM-7 (160 single / 153 per concatenated part,
 * extension characters cost two septets) or UCS-2 (70 / 67 UTF-16 code units)
 * as soon as one character is outside GSM-7, grapheme clusters kept whole.
 */
export function smsSegments(body: string): number {
  return body.length === 0 ? 1 : new SegmentedMessage(body).segmentsCount;
}

const PHONE_RE = /^(?:(?:whatsapp|messenger|rcs):)?\+?[1-9]\d{3,14}$/;
/** WhatsApp's customer-service window: free-form messages only this long after the user's last message. */
export const WHATSAPP_SESSION_MS = 24 * 3600_000;
const channelOf = (address: string | undefined): string => /^([a-z]+):/.exec(address ?? '')?.[1] ?? 'sms';

/** ContentVariables as Twilio accepts them: a JSON object whose values are non-empty strings. */
function parseContentVariables(raw: string): Record<string, string> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === 'string' && v !== '') ? (value as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// The fake server
// ---------------------------------------------------------------------------

export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  const { accountSid, authToken } = options;
  const messages: FakeTwilioSentMessage[] = [];
  const callUpdates: FakeTwilioCallUpdate[] = [];
  const requests: FakeTwilioRequest[] = [];
  const byMessageSid = new Map<string, FakeTwilioSentMessage>();
  const calls = new Map<string, TwilioCallResource>();
  /** WhatsApp address → when that user last wrote. */
  const sessions = new Map<string, number>();
  const failures: Required<FakeTwilioFailure>[] = [];
  let outage: 'reset' | '503' | null = null;
  const sockets = new Set<Socket>();

  const base = `/${TWILIO_API_VERSION}/Accounts/${accountSid}`;

  function send(res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
      'Twilio-Request-Id': twilioSid('RQ'),
      'Twilio-Concurrent-Requests': '1',
      ...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="Twilio API"' } : {}),
    });
    res.end(json);
  }

  const sendError = (res: ServerResponse, status: number, code: number, message: string): void =>
    send(res, status, errorBody(status, code, message));

  function notFound(res: ServerResponse, path: string): void {
    sendError(res, 404, 20404, `The requested resource ${path} was not found`);
  }

  function parseBasicAuth(header: string | undefined): { user: string; pass: string } | null {
    if (!header?.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    return { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
  }

  function createMessage(res: ServerResponse, params: Record<string, string | string[]>): void {
    const to = first(params.To);
    const from = first(params.From);
    const body = first(params.Body) ?? '';
    const msid = first(params.MessagingServiceSid);
    const mediaUrls = all(params.MediaUrl);
    const contentSid = first(params.ContentSid);
    const statusCallback = first(params.StatusCallback);

    if (!to) return sendError(res, 400, 21604, "A 'To' phone number is required.");
    if (!from && !msid) return sendError(res, 400, 21603, "A 'From' phone number is required.");
    if (!body && mediaUrls.length === 0 && !contentSid)
      return sendError(res, 400, 21602, 'Message body is required.');
    if (!PHONE_RE.test(to)) return sendError(res, 400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (msid && !/^MG[0-9a-fA-F]{32}$/.test(msid))
      return sendError(res, 400, 21701, `The Messaging Service Sid ${msid} is invalid.`);
    if (from && from === to) return sendError(res, 400, 21266, "'To' and 'From' number cannot be the same");
    if (from && channelOf(from) !== channelOf(to))
      return sendError(res, 400, 21910, 'Invalid From and To pair. From and To should be of the same channel');
    const rawVariables = first(params.ContentVariables);
    if (rawVariables !== undefined && !contentSid)
      return sendError(res, 400, 21654, 'ContentSid Required');
    if (contentSid && !/^HX[0-9a-fA-F]{32}$/.test(contentSid))
      return sendError(res, 400, 21655, 'The ContentSid is Invalid');
    const contentVariables = rawVariables === undefined ? null : parseContentVariables(rawVariables);
    if (contentVariables === undefined) return sendError(res, 400, 21656, 'The ContentVariables Parameter is invalid');
    if ([...body].length > 1600)
      return sendError(res, 400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (statusCallback !== undefined && !/^https?:\/\/[^/_]+/i.test(statusCallback))
      return sendError(res, 400, 21609, `The StatusCallback URL ${statusCallback} is not a valid URL.`);

    const failure = failures.shift();
    if (failure) return sendError(res, failure.status, failure.code, failure.message);

    const sid = twilioSid(mediaUrls.length > 0 ? 'MM' : 'SM');
    const now = rfc2822();
    const viaService = Boolean(msid) && !from;
    const whatsapp = channelOf(to) === 'whatsapp';
    // Free-form WhatsApp outside the customer-service window: accepted now, failed with 63016 just after.
    const lastInbound = sessions.get(to);
    const outsideWindow = whatsapp && !contentSid && (lastInbound === undefined || Date.now() - lastInbound >= WHATSAPP_SESSION_MS);
    const resource: TwilioMessageResource = {
      account_sid: accountSid,
      api_version: TWILIO_API_VERSION,
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: from ?? null,
      messaging_service_sid: msid ?? null,
      num_media: String(mediaUrls.length),
      // With a Messaging Service and no From, no sender is assigned yet: "0". WhatsApp is not segmented.
      num_segments: viaService ? '0' : whatsapp ? '1' : String(smsSegments(body)),
      price: null,
      price_unit: 'USD',
      sid,
      // Messaging Service sends start as "accepted" until a sender is picked.
      status: viaService ? 'accepted' : 'queued',
      subresource_uris: {
        media: `${base}/Messages/${sid}/Media.json`,
        feedback: `${base}/Messages/${sid}/Feedback.json`,
      },
      to,
      uri: `${base}/Messages/${sid}.json`,
    };
    const record: FakeTwilioSentMessage = {
      sid,
      to,
      from: from ?? null,
      body,
      statusCallback: statusCallback ?? null,
      messagingServiceSid: msid ?? null,
      mediaUrls,
      contentSid: contentSid ?? null,
      contentVariables,
      params,
      resource,
      receivedAt: new Date(),
    };
    messages.push(record);
    byMessageSid.set(sid, record);
    send(res, 201, resource);
    if (outsideWindow) {
      setTimeout(() => {
        void advance(sid, 'failed', { errorCode: 63016, errorMessage: 'Outside the allowed window' }).catch(() => undefined);
      }, 20);
    }
  }

  function updateCall(
    res: ServerResponse,
    path: string,
    callSid: string,
    params: Record<string, string | string[]>,
  ): void {
    const call = calls.get(callSid);
    if (!call) return notFound(res, path);
    const twiml = first(params.Twiml) ?? null;
    const url = first(params.Url) ?? null;
    const status = first(params.Status) ?? null;
    if (status !== null && status !== 'completed' && status !== 'canceled')
      return sendError(res, 400, 21218, `Invalid value for 'Status': ${status}`);
    const live = call.status === 'in-progress' || call.status === 'ringing' || call.status === 'queued';
    if ((twiml !== null || url !== null) && !live)
      return sendError(res, 400, 21220, 'Call is not in-progress. Cannot redirect.');
    if (twiml !== null && twiml.length > 4000)
      return sendError(res, 400, 13002, 'Twiml is too long. Maximum length is 4000 characters.');
    const now = rfc2822();
    if (status !== null && live) {
      call.status = status === 'completed' && call.status === 'in-progress' ? 'completed' : 'canceled';
      call.end_time = now;
    }
    call.date_updated = now;
    callUpdates.push({
      callSid,
      twiml,
      url,
      method: first(params.Method) ?? null,
      status,
      params,
      receivedAt: new Date(),
    });
    send(res, 200, call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const urlObj = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = urlObj.pathname;
    const raw = await readBody(req);
    const params =
      method === 'GET' || method === 'DELETE' ? parseForm(urlObj.search.slice(1)) : parseForm(raw);
    const auth = parseBasicAuth(req.headers.authorization);
    const entry: FakeTwilioRequest = {
      method,
      path,
      headers: req.headers,
      params,
      username: auth?.user ?? null,
      status: 0,
    };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    if (outage === '503') return sendError(res, 503, 20503, 'Service Unavailable');

    if (!auth || auth.user !== accountSid || auth.pass !== authToken) {
      return sendError(res, 401, 20003, 'Authenticate');
    }
    const prefix = `/${TWILIO_API_VERSION}/Accounts/`;
    if (!path.startsWith(prefix)) return notFound(res, path);
    const rest = path.slice(prefix.length);
    const [pathAccount, ...segments] = rest.split('/');
    if (pathAccount !== accountSid) return sendError(res, 401, 20003, 'Authenticate');
    const tail = segments.join('/');

    if (tail === 'Messages.json') {
      if (method === 'POST') return createMessage(res, params);
      if (method === 'GET') {
        const page = messages.map((m) => m.resource).reverse();
        return send(res, 200, {
          messages: page,
          end: Math.max(page.length - 1, 0),
          first_page_uri: `${base}/Messages.json?PageSize=50&Page=0`,
          next_page_uri: null,
          page: 0,
          page_size: 50,
          previous_page_uri: null,
          start: 0,
          uri: `${base}/Messages.json?PageSize=50&Page=0`,
        });
      }
      return sendError(res, 405, 20004, 'Method not allowed');
    }
    let m = /^Messages\/([A-Za-z0-9]+)\.json$/.exec(tail);
    if (m) {
      const record = byMessageSid.get(m[1]!);
      if (!record) return notFound(res, path);
      if (method === 'GET') return send(res, 200, record.resource);
      if (method === 'DELETE') {
        byMessageSid.delete(record.sid);
        res.writeHead(204).end();
        return;
      }
      if (method === 'POST') {
        // Redact (Body="") or cancel a scheduled message.
        const newBody = first(params.Body);
        if (newBody !== undefined) record.resource.body = newBody;
        const st = first(params.Status);
        if (st === 'canceled') record.resource.status = 'canceled';
        record.resource.date_updated = rfc2822();
        return send(res, 200, record.resource);
      }
      return sendError(res, 405, 20004, 'Method not allowed');
    }
    m = /^Calls\/([A-Za-z0-9]+)\.json$/.exec(tail);
    if (m) {
      const callSid = m[1]!;
      if (method === 'POST') return updateCall(res, path, callSid, params);
      if (method === 'GET') {
        const call = calls.get(callSid);
        return call ? send(res, 200, call) : notFound(res, path);
      }
      return sendError(res, 405, 20004, 'Method not allowed');
    }
    return notFound(res, path);
  }

  async function advance(sid: string, status: TwilioMessageStatus, opts: { errorCode?: number; errorMessage?: string } = {}): Promise<number | null> {
    const record = byMessageSid.get(sid);
    if (!record) throw new Error(`fake twilio: unknown message ${sid}`);
    const r = record.resource;
    const now = rfc2822();
    r.status = status;
    r.date_updated = now;
    if (status === 'sent' || status === 'delivered') r.date_sent ??= now;
    if (status === 'failed' || status === 'undelivered') {
      r.error_code = opts.errorCode ?? 30003;
      r.error_message = opts.errorMessage ?? 'Unreachable destination handset';
    }
    if (!record.statusCallback) return null;
    const params = statusCallbackParams({
      accountSid,
      messageSid: sid,
      from: r.from ?? '+15005550006',
      to: r.to,
      status,
      errorCode: r.error_code ?? undefined,
      messagingServiceSid: r.messaging_service_sid ?? undefined,
    });
    const res = await postTwilioWebhook(record.statusCallback, authToken, params);
    await res.arrayBuffer();
    return res.status;
  }

  const server: Server = createServer((req, res) => {
    if (outage === 'reset') {
      req.socket.destroy();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, 20500, `Fake Twilio crashed: ${String(err)}`);
      else res.destroy();
    });
  });
  const { origin } = await listenOnLoopback(server, sockets);
  const url = origin;

  return {
    url,
    accountSid,
    authToken,
    messages,
    callUpdates,
    requests,
    failNext(n, failure = {}) {
      const status = failure.status ?? 500;
      const [defCode, defMessage] = DEFAULT_CODES[status] ?? [20500, 'Internal Server Error'];
      const code = failure.code ?? defCode;
      const message = failure.message ?? defMessage;
      for (let i = 0; i < n; i++) failures.push({ status, code, message });
    },
    down(mode = 'reset') {
      outage = mode;
      if (mode === 'reset') {
        // Kill idle keep-alive connections too, so the next request really fails.
        for (const s of sockets) s.destroy();
      }
    },
    up() {
      outage = null;
    },
    addCall(callSid, status = 'in-progress', opts = {}) {
      const now = rfc2822();
      const from = opts.from ?? '+15558675310';
      const to = opts.to ?? '+15017122661';
      const resource: TwilioCallResource = {
        account_sid: accountSid,
        annotation: null,
        answered_by: null,
        api_version: TWILIO_API_VERSION,
        caller_name: null,
        date_created: now,
        date_updated: now,
        direction: opts.direction ?? 'inbound',
        duration: null,
        end_time: null,
        forwarded_from: null,
        from,
        from_formatted: from,
        group_sid: null,
        parent_call_sid: null,
        phone_number_sid: twilioSid('PN'),
        price: null,
        price_unit: 'USD',
        queue_time: '0',
        sid: callSid,
        start_time: status === 'queued' || status === 'ringing' ? null : now,
        status,
        subresource_uris: {
          notifications: `${base}/Calls/${callSid}/Notifications.json`,
          recordings: `${base}/Calls/${callSid}/Recordings.json`,
          events: `${base}/Calls/${callSid}/Events.json`,
        },
        to,
        to_formatted: to,
        trunk_sid: null,
        uri: `${base}/Calls/${callSid}.json`,
      };
      calls.set(callSid, resource);
      return resource;
    },
    getCall(callSid) {
      return calls.get(callSid);
    },
    advanceMessage: advance,
    deliverInbound(url, params) {
      const from = first(params.From);
      if (from && channelOf(from) === 'whatsapp') sessions.set(from, Date.now());
      return postTwilioWebhook(url, authToken, params);
    },
    setSession(address, lastInboundAt) {
      if (lastInboundAt) sessions.set(address, lastInboundAt.getTime());
      else sessions.delete(address);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------
// Helpers for tests that play Twilio calling our webhooks
// ---------------------------------------------------------------------------

export type TwilioParams = Record<string, string | string[]>;

/**
 * The X-Twilio-Signature Twilio would send for a form POST to `url`
 * (computed with the twilio library's own `getExpectedTwilioSignature`).
 * `url` must be the exact URL the webhook is configured with, including query string.
 */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/** Form-encode params the way Twilio does (repeated keys for arrays). */
export function encodeTwilioForm(params: TwilioParams): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const item of Array.isArray(v) ? v : [v]) usp.append(k, item);
  }
  return usp.toString();
}

/**
 * POST a signed, form-encoded webhook exactly as Twilio does
 * (Content-Type application/x-www-form-urlencoded, X-Twilio-Signature,
 * I-Twilio-Idempotency-Token, User-Agent TwilioProxy/1.1).
 */
export async function postTwilioWebhook(
  url: string,
  authToken: string,
  params: TwilioParams,
  opts: { signature?: string | null } = {},
): Promise<Response> {
  const signature = opts.signature === undefined ? signTwilioRequest(authToken, url, params) : opts.signature;
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
    'User-Agent': 'TwilioProxy/1.1',
    'I-Twilio-Idempotency-Token': randomBytes(16).toString('hex'),
    Accept: '*/*',
  };
  if (signature !== null) headers['X-Twilio-Signature'] = signature;
  return fetch(url, { method: 'POST', headers, body: encodeTwilioForm(params) });
}

export interface SmsWebhookInput {
  from: string;
  to: string;
  body: string;
  messageSid?: string;
  accountSid?: string;
  messagingServiceSid?: string;
  numMedia?: number;
  /** One URL or a list; each becomes MediaUrlN + MediaContentTypeN. */
  mediaUrl?: string | string[];
  mediaContentType?: string | string[];
  numSegments?: number;
  fromCity?: string;
  fromState?: string;
  fromZip?: string;
  fromCountry?: string;
  toCity?: string;
  toState?: string;
  toZip?: string;
  toCountry?: string;
}

/**
 * The form fields Twilio POSTs to an incoming-message webhook
 * (all values are strings, as on the wire).
 */
export function smsWebhookParams(input: SmsWebhookInput): Record<string, string> {
  const accountSid = input.accountSid ?? 'AC' + '0'.repeat(32);
  const media = input.mediaUrl === undefined ? [] : Array.isArray(input.mediaUrl) ? input.mediaUrl : [input.mediaUrl];
  const types =
    input.mediaContentType === undefined
      ? []
      : Array.isArray(input.mediaContentType)
        ? input.mediaContentType
        : [input.mediaContentType];
  const numMedia = input.numMedia ?? media.length;
  const sid = input.messageSid ?? twilioSid(numMedia > 0 ? 'MM' : 'SM');
  const p: Record<string, string> = {
    ToCountry: input.toCountry ?? 'US',
    ToState: input.toState ?? 'CA',
    SmsMessageSid: sid,
    NumMedia: String(numMedia),
    ToCity: input.toCity ?? 'SAN FRANCISCO',
    FromZip: input.fromZip ?? '10001',
    SmsSid: sid,
    FromState: input.fromState ?? 'NY',
    SmsStatus: 'received',
    FromCity: input.fromCity ?? 'NEW YORK',
    Body: input.body,
    FromCountry: input.fromCountry ?? 'US',
    To: input.to,
    ToZip: input.toZip ?? '94105',
    NumSegments: String(input.numSegments ?? smsSegments(input.body)),
    ReferralNumMedia: '0',
    MessageSid: sid,
    AccountSid: accountSid,
    From: input.from,
    ApiVersion: TWILIO_API_VERSION,
  };
  if (input.messagingServiceSid) p.MessagingServiceSid = input.messagingServiceSid;
  for (let i = 0; i < numMedia; i++) {
    p[`MediaContentType${i}`] = types[i] ?? 'image/jpeg';
    p[`MediaUrl${i}`] =
      media[i] ??
      `https://api.twilio.com/${TWILIO_API_VERSION}/Accounts/${accountSid}/Messages/${sid}/Media/${twilioSid('ME')}`;
  }
  return p;
}

export interface WhatsAppWebhookInput {
  /** The user's address, `whatsapp:+<E.164>`. */
  from: string;
  /** The business sender, `whatsapp:+<E.164>`. */
  to: string;
  body: string;
  messageSid?: string;
  accountSid?: string;
  /** The user's WhatsApp profile name. */
  profileName?: string;
  mediaUrl?: string | string[];
  mediaContentType?: string | string[];
}

/**
 * The form fields Twilio POSTs to an incoming-message webhook for WhatsApp: the SMS fields with
 * `whatsapp:` addresses, no carrier geography, one segment, plus ProfileName, WaId (the user's
 * number without `+`) and MessageType (`text`, or the first medium's kind: image, audio, video, document).
 */
export function whatsappWebhookParams(input: WhatsAppWebhookInput): Record<string, string> {
  const accountSid = input.accountSid ?? 'AC' + '0'.repeat(32);
  const media = input.mediaUrl === undefined ? [] : Array.isArray(input.mediaUrl) ? input.mediaUrl : [input.mediaUrl];
  const types = input.mediaContentType === undefined ? [] : Array.isArray(input.mediaContentType) ? input.mediaContentType : [input.mediaContentType];
  const sid = input.messageSid ?? twilioSid(media.length > 0 ? 'MM' : 'SM');
  const kind = (type: string | undefined) => (!type ? 'image' : /^(image|audio|video)\//.exec(type)?.[1] ?? 'document');
  const p: Record<string, string> = {
    SmsMessageSid: sid,
    NumMedia: String(media.length),
    ProfileName: input.profileName ?? 'Patient',
    MessageType: media.length > 0 ? kind(types[0]) : 'text',
    SmsSid: sid,
    WaId: input.from.replace(/^whatsapp:\+?/, ''),
    SmsStatus: 'received',
    Body: input.body,
    To: input.to,
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: sid,
    AccountSid: accountSid,
    From: input.from,
    ApiVersion: TWILIO_API_VERSION,
  };
  media.forEach((url, i) => {
    p[`MediaContentType${i}`] = types[i] ?? 'image/jpeg';
    p[`MediaUrl${i}`] = url;
  });
  return p;
}

export interface VoiceWebhookInput {
  callSid: string;
  from: string;
  to: string;
  accountSid?: string;
  /** Default: `in-progress` when a speech result is given, else `ringing`. */
  callStatus?: TwilioCallStatus;
  direction?: 'inbound' | 'outbound-api' | 'outbound-dial';
  /** Present on <Gather input="speech"> action callbacks. */
  speechResult?: string;
  /** 0..1; sent as a string such as "0.9123" (only with speechResult). */
  confidence?: number;
  /** DTMF digits from <Gather input="dtmf">. */
  digits?: string;
  fromCity?: string;
  fromState?: string;
  fromZip?: string;
  fromCountry?: string;
  toCity?: string;
  toState?: string;
  toZip?: string;
  toCountry?: string;
}

/**
 * The form fields Twilio POSTs to a voice webhook (incoming call) or to a
 * <Gather> action URL (adds SpeechResult / Confidence or Digits).
 */
export function voiceWebhookParams(input: VoiceWebhookInput): Record<string, string> {
  const speech = input.speechResult !== undefined;
  const fromCity = input.fromCity ?? 'NEW YORK';
  const fromState = input.fromState ?? 'NY';
  const fromZip = input.fromZip ?? '10001';
  const fromCountry = input.fromCountry ?? 'US';
  const toCity = input.toCity ?? 'SAN FRANCISCO';
  const toState = input.toState ?? 'CA';
  const toZip = input.toZip ?? '94105';
  const toCountry = input.toCountry ?? 'US';
  const p: Record<string, string> = {
    AccountSid: input.accountSid ?? 'AC' + '0'.repeat(32),
    ApiVersion: TWILIO_API_VERSION,
    CallSid: input.callSid,
    CallStatus: input.callStatus ?? (speech || input.digits !== undefined ? 'in-progress' : 'ringing'),
    Called: input.to,
    CalledCity: toCity,
    CalledCountry: toCountry,
    CalledState: toState,
    CalledZip: toZip,
    Caller: input.from,
    CallerCity: fromCity,
    CallerCountry: fromCountry,
    CallerState: fromState,
    CallerZip: fromZip,
    Direction: input.direction ?? 'inbound',
    From: input.from,
    FromCity: fromCity,
    FromCountry: fromCountry,
    FromState: fromState,
    FromZip: fromZip,
    To: input.to,
    ToCity: toCity,
    ToCountry: toCountry,
    ToState: toState,
    ToZip: toZip,
  };
  if (speech) {
    p.SpeechResult = input.speechResult!;
    p.Confidence = String(input.confidence ?? 0.9128385);
  }
  if (input.digits !== undefined) {
    p.Digits = input.digits;
    p.FinishedOnKey = '';
  }
  return p;
}

export interface StatusCallbackInput {
  messageSid: string;
  from: string;
  to: string;
  status: TwilioMessageStatus;
  accountSid?: string;
  errorCode?: number;
  messagingServiceSid?: string;
}

/** The form fields Twilio POSTs to a message StatusCallback URL. */
export function statusCallbackParams(input: StatusCallbackInput): Record<string, string> {
  const p: Record<string, string> = {
    AccountSid: input.accountSid ?? 'AC' + '0'.repeat(32),
    ApiVersion: TWILIO_API_VERSION,
    From: input.from,
    MessageSid: input.messageSid,
    MessageStatus: input.status,
    SmsSid: input.messageSid,
    SmsStatus: input.status,
    To: input.to,
  };
  if (input.messagingServiceSid) p.MessagingServiceSid = input.messagingServiceSid;
  if (input.to.startsWith('whatsapp:')) {
    // Channel callbacks name their channel; no carrier delivery receipt (RawDlrDoneDate) on WhatsApp.
    p.ChannelPrefix = 'whatsapp';
  }
  if (input.errorCode !== undefined && (input.status === 'failed' || input.status === 'undelivered')) {
    p.ErrorCode = String(input.errorCode);
  }
  if (input.status === 'delivered' && !input.to.startsWith('whatsapp:')) {
    // Carrier delivery-receipt timestamp, YYMMDDhhmm (UTC).
    const d = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    p.RawDlrDoneDate = `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
  }
  return p;
}
