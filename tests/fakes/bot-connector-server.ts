/**
 * Protocol-faithful fake of the Bot Framework Connector service for tests.
 *
 * A channel (Teams, Direct Line, the Emulator) posts activities to the bot's endpoint with a
 * `serviceUrl`; the bot answers by calling the Connector REST API at that serviceUrl. This
 * fake is that serviceUrl, on 127.0.0.1 (random port):
 *
 *   POST /v3/conversations/{conversationId}/activities                  sendToConversation
 *   POST /v3/conversations/{conversationId}/activities/{activityId}     replyToActivity
 *   PUT  /v3/conversations/{conversationId}/activities/{activityId}     updateActivity
 *   DELETE /v3/conversations/{conversationId}/activities/{activityId}   deleteActivity
 *   GET  /v3/conversations/{conversationId}/members                     getConversationMembers
 *
 * Answers are a ResourceResponse `{id}` (200/201) or an ErrorResponse
 * `{error:{code,message}}` with the matching status, like the real service.
 *
 * With `openId: true` it also plays the Bot Framework token service for inbound requests:
 * `GET /.well-known/openidconfiguration` and its `jwks_uri`, and `channelToken()` signs an
 * RS256 JWT as a channel would (iss https://api.botframework.com, aud = the bot's app id,
 * serviceurl claim), so JWT validation can run against loopback instead of
 * login.botframework.com.
 *
 * Controller:
 *   url                        the serviceUrl (with a trailing slash, as channels send it)
 *   activities                 what the bot sent, oldest first ({conversationId, replyToId, activity, authorization})
 *   waitForActivity(pred)      resolves with the first matching (past or future) activity
 *   failNext(n, status, code)  the next n calls answer that error (429 adds Retry-After)
 *   removeBot(conversationId)  later sends to it answer 403 BotNotInConversationRoster
 *   messageActivity(...), conversationUpdate(...)   inbound activities as a channel posts them
 *   postToBot(endpoint, activity, {authorization})  POSTs an activity to the bot like a channel
 *   openIdMetadataUrl, openIdRequests, channelToken({appId, serviceUrl, untrusted?, unknownKey?, expiresInSeconds?})
 *
 * With `tokenService: {appId, appPassword}` it also plays the Microsoft identity platform the bot
 * gets its outbound token from (OAuth 2.0 client credentials, v2.0 endpoints), on HTTPS with a
 * self-signed certificate (MSAL refuses an http authority): `tokenAuthority` is the authority
 * (https://127.0.0.1:port/botframework.com), `tokenCa` the certificate to trust. Every Connector
 * call must then carry `Authorization: Bearer <token>` with a token it issued (RS256, aud
 * https://api.botframework.com, appid = the bot, not expired), or it answers 401 like the real
 * service. `tokenRequests` and `unauthorizedCalls` record what happened.
 */
import { execFileSync } from 'node:child_process';
import { createSign, createVerify, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: 'user' | 'bot';
  aadObjectId?: string;
}

export interface Activity {
  type: string;
  id?: string;
  timestamp?: string;
  localTimestamp?: string;
  serviceUrl?: string;
  channelId?: string;
  from?: ChannelAccount;
  conversation?: { id: string; isGroup?: boolean; conversationType?: string; tenantId?: string; name?: string };
  recipient?: ChannelAccount;
  text?: string;
  textFormat?: string;
  locale?: string;
  replyToId?: string;
  attachments?: { contentType: string; contentUrl?: string; content?: unknown; name?: string }[];
  entities?: Record<string, unknown>[];
  suggestedActions?: { to?: string[]; actions: { type: string; title?: string; value?: unknown }[] };
  membersAdded?: ChannelAccount[];
  channelData?: unknown;
  [key: string]: unknown;
}

export interface ReceivedActivity {
  /** The id the fake assigned (returned to the bot as ResourceResponse.id). */
  id: string;
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** Set when the bot called replyToActivity (POST …/activities/{activityId}). */
  replyToId: string | null;
  activity: Activity;
  authorization: string | null;
}

export interface FakeBotConnectorOptions {
  /** Serve OpenID metadata + JWKS and sign channel tokens. */
  openId?: boolean;
  /** Endorsements on the signing key (the channels it may sign for). */
  endorsements?: string[];
  /** Bot account the inbound builders address (recipient). */
  bot?: ChannelAccount;
  /** Play the token service and require its bearer tokens on every Connector call. */
  tokenService?: { appId: string; appPassword: string; tenant?: string };
}

/** One POST to the token endpoint. */
export interface TokenRequest {
  clientId: string | null;
  scope: string | null;
  grantType: string | null;
  granted: boolean;
}

export interface MessageInput {
  text?: string;
  conversationId?: string;
  id?: string;
  channelId?: string;
  user?: ChannelAccount;
  locale?: string;
  isGroup?: boolean;
  attachments?: Activity['attachments'];
  entities?: Activity['entities'];
}

export interface FakeBotConnector {
  readonly url: string;
  readonly bot: ChannelAccount;
  readonly activities: ReceivedActivity[];
  waitForActivity(predicate: (a: ReceivedActivity) => boolean, timeoutMs?: number): Promise<ReceivedActivity>;
  failNext(n: number, status: number, code?: string): void;
  removeBot(conversationId: string): void;
  messageActivity(input: MessageInput): Activity;
  conversationUpdate(input: { conversationId: string; channelId?: string; membersAdded?: ChannelAccount[] }): Activity;
  postToBot(endpoint: string, activity: Activity, opts?: { authorization?: string | null }): Promise<{ status: number; body: string }>;
  readonly openIdMetadataUrl: string;
  /** How many times the bot fetched the OpenID metadata or the keys. */
  readonly openIdRequests: number;
  channelToken(input: { appId: string; serviceUrl?: string; untrusted?: boolean; unknownKey?: boolean; expiresInSeconds?: number }): string;
  /** With `tokenService`: the authority URL, its host (MSAL's knownAuthorities) and the CA to trust. */
  readonly tokenAuthority: string | null;
  readonly tokenAuthorityHost: string | null;
  readonly tokenCa: string | null;
  readonly tokenRequests: TokenRequest[];
  /** Connector calls refused for a missing or invalid bearer token. */
  readonly unauthorizedCalls: number;
  /** A bearer token as the token service would issue it (for tests of the check itself). */
  accessToken(input: { appId: string; audience?: string; expiresInSeconds?: number; forged?: boolean }): string;
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, for the HTTPS token service. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-token-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function verifyJwt(token: string, key: KeyObject, kid: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString()) as { alg?: string; kid?: string };
    if (header.alg !== 'RS256' || header.kid !== kid) return undefined;
    if (!createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(key, Buffer.from(parts[2]!, 'base64url'))) return undefined;
    return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function sign(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
  return `${header}.${payload}.${b64url(signature)}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeBotConnector(options: FakeBotConnectorOptions = {}): Promise<FakeBotConnector> {
  const bot: ChannelAccount = options.bot ?? { id: '28:7f5f0b1e-3c1d-4b43-9d0a-5b1e2f9c6a11', name: 'CareRelay', role: 'bot' };
  const activities: ReceivedActivity[] = [];
  const waiters = new Set<{ predicate: (a: ReceivedActivity) => boolean; resolve: (a: ReceivedActivity) => void }>();
  const failures: { status: number; code: string }[] = [];
  const removed = new Set<string>();
  const sockets = new Set<Socket>();
  let sequence = 0;
  let openIdRequests = 0;

  // The channel's signing key (published in the JWKS) and an attacker's key (never published).
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const untrusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'fake-connector-key-1';
  const jwk = trusted.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  // The identity platform's key for the bot's outbound tokens.
  const tokenKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const tokenKid = 'fake-identity-key-1';
  const tokenRequests: TokenRequest[] = [];
  let unauthorizedCalls = 0;
  const service = options.tokenService;
  const tenant = service?.tenant ?? 'botframework.com';
  const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

  function accessToken({ appId, audience = CONNECTOR_AUDIENCE, expiresInSeconds = 3600, forged = false }: { appId: string; audience?: string; expiresInSeconds?: number; forged?: boolean }): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: audience, iss: `https://sts.windows.net/${tenant}/`, appid: appId, azp: appId, tid: tenant, ver: '1.0', iat: now - 5, nbf: now - 5, exp: now + expiresInSeconds };
    return sign(claims, forged ? untrusted.privateKey : tokenKey.privateKey, tokenKid);
  }

  /** Whether a Connector call carries a bearer token this service issued to the bot. */
  function authorized(header: string | undefined): boolean {
    if (!service) return true;
    const m = /^Bearer (\S+)$/.exec(header ?? '');
    const claims = m ? verifyJwt(m[1]!, tokenKey.publicKey, tokenKid) : undefined;
    return Boolean(claims && claims.aud === CONNECTOR_AUDIENCE && claims.appid === service.appId && Number(claims.exp) > Date.now() / 1000);
  }

  /** The identity platform: OpenID metadata for the authority and the v2.0 token endpoint. */
  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
    const base = `${tokenOrigin}/${tenant}`;
    if (req.method === 'GET' && path === `/${tenant}/v2.0/.well-known/openid-configuration`) {
      return json(res, 200, {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${tokenOrigin}/common/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      });
    }
    if (req.method === 'POST' && path === `/${tenant}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(await readBody(req));
      const request: TokenRequest = { clientId: form.get('client_id'), scope: form.get('scope'), grantType: form.get('grant_type'), granted: false };
      tokenRequests.push(request);
      if (request.grantType !== 'client_credentials') return json(res, 400, { error: 'unsupported_grant_type', error_description: 'AADSTS70003: unsupported grant type' });
      if (request.clientId !== service!.appId || form.get('client_secret') !== service!.appPassword) {
        return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
      }
      if (request.scope !== `${CONNECTOR_AUDIENCE}/.default`) return json(res, 400, { error: 'invalid_scope', error_description: 'AADSTS70011: invalid scope' });
      request.granted = true;
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken({ appId: service!.appId }) });
    }
    return json(res, 404, { error: 'not_found' });
  }

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }
  const error = (res: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>) =>
    json(res, status, { error: { code, message } }, headers);

  function record(entry: ReceivedActivity): void {
    activities.push(entry);
    for (const w of [...waiters]) {
      if (w.predicate(entry)) {
        waiters.delete(w);
        w.resolve(entry);
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (options.openId && req.method === 'GET' && path === '/.well-known/openidconfiguration') {
      openIdRequests++;
      return json(res, 200, {
        issuer: 'https://api.botframework.com',
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${url}.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (options.openId && req.method === 'GET' && path === '/.well-known/keys') {
      openIdRequests++;
      return json(res, 200, {
        keys: [{ kty: 'RSA', use: 'sig', kid, x5t: kid, n: jwk.n, e: jwk.e, endorsements: options.endorsements ?? ['msteams', 'directline', 'webchat', 'emulator'] }],
      });
    }
    const m = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?\/?$/.exec(path);
    if (!m) return error(res, 404, 'NotFound', 'Resource not found');
    if (!authorized(req.headers.authorization)) {
      unauthorizedCalls++;
      await readBody(req);
      return error(res, 401, 'Unauthorized', 'Authorization has been denied for this request.');
    }
    const conversationId = decodeURIComponent(m[1]!);
    const activityId = m[3] ? decodeURIComponent(m[3]) : null;
    const body = await readBody(req);
    const failure = failures.shift();
    if (failure) {
      return error(res, failure.status, failure.code, `fake connector: ${failure.code}`, failure.status === 429 ? { 'Retry-After': '1' } : {});
    }
    if (removed.has(conversationId)) return error(res, 403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
    if (m[2] === 'members' && req.method === 'GET') return json(res, 200, []);
    if (m[2] !== 'activities') return error(res, 405, 'MethodNotAllowed', 'Method not allowed');
    if (req.method === 'DELETE' && activityId) {
      record({ id: activityId, method: 'DELETE', conversationId, replyToId: null, activity: { type: 'delete' }, authorization: req.headers.authorization ?? null });
      return json(res, 200, {});
    }
    if (req.method !== 'POST' && !(req.method === 'PUT' && activityId)) return error(res, 405, 'MethodNotAllowed', 'Method not allowed');
    let activity: Activity;
    try {
      activity = JSON.parse(body) as Activity;
    } catch {
      return error(res, 400, 'BadArgument', 'Invalid JSON in request body');
    }
    if (!activity || typeof activity.type !== 'string') return error(res, 400, 'BadArgument', 'Activity type is required');
    if (activity.conversation?.id && activity.conversation.id !== conversationId) {
      return error(res, 400, 'BadArgument', 'Conversation id in the activity does not match the URL');
    }
    const id = req.method === 'PUT' ? activityId! : `${conversationId}|${String(++sequence).padStart(7, '0')}`;
    record({
      id,
      method: req.method === 'PUT' ? 'PUT' : 'POST',
      conversationId,
      replyToId: req.method === 'POST' ? activityId : null,
      activity,
      authorization: req.headers.authorization ?? null,
    });
    return json(res, req.method === 'PUT' ? 200 : 201, { id });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) error(res, 500, 'ServiceError', String(err));
      else res.destroy();
    });
  });
  const { origin } = await listenOnLoopback(server, sockets);
  const url = `${origin}/`;

  let tokenServer: ReturnType<typeof createHttpsServer> | undefined;
  let tokenOrigin = '';
  let tokenCa: string | null = null;
  if (service) {
    const tls = selfSignedCertificate();
    tokenCa = tls.cert;
    tokenServer = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      handleToken(req, res).catch((err: unknown) => (res.headersSent ? res.destroy() : json(res, 500, { error: 'server_error', error_description: String(err) })));
    });
    tokenOrigin = (await listenOnLoopback(tokenServer as unknown as Server, sockets)).origin.replace(/^http:/, 'https:');
  }

  const user = (input: MessageInput): ChannelAccount => input.user ?? { id: 'dl_4f6c2e0a9b', name: 'Sam', role: 'user' };

  return {
    url,
    bot,
    activities,
    waitForActivity(predicate, timeoutMs = 10_000) {
      const seen = activities.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (a: ReceivedActivity) => (clearTimeout(timer), resolve(a)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error('fake connector: no matching activity in time'));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    failNext(n, status, code = status === 429 ? 'TooManyRequests' : 'ServiceError') {
      for (let i = 0; i < n; i++) failures.push({ status, code });
    },
    removeBot(conversationId) {
      removed.add(conversationId);
    },
    messageActivity(input) {
      const now = new Date();
      const conversationId = input.conversationId ?? `${randomUUID().replace(/-/g, '').slice(0, 22)}-us`;
      const activity: Activity = {
        type: 'message',
        id: input.id ?? `${conversationId}|${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        timestamp: now.toISOString(),
        localTimestamp: now.toISOString(),
        serviceUrl: url,
        channelId: input.channelId ?? 'directline',
        from: user(input),
        conversation: { id: conversationId, ...(input.isGroup ? { isGroup: true } : {}) },
        recipient: { id: bot.id, name: bot.name, role: 'bot' },
        textFormat: 'plain',
        locale: input.locale ?? 'en-US',
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.attachments ? { attachments: input.attachments } : {}),
        entities: input.entities ?? [{ type: 'ClientCapabilities', requiresBotState: true, supportsListening: true, supportsTts: true }],
        channelData: { clientActivityID: `${Date.now()}${Math.random().toString(36).slice(2, 8)}` },
      };
      return activity;
    },
    conversationUpdate({ conversationId, channelId = 'directline', membersAdded }) {
      return {
        type: 'conversationUpdate',
        id: `${conversationId}|0000000`,
        timestamp: new Date().toISOString(),
        serviceUrl: url,
        channelId,
        from: { id: 'dl_4f6c2e0a9b', name: 'Sam', role: 'user' },
        conversation: { id: conversationId },
        recipient: { id: bot.id, name: bot.name, role: 'bot' },
        membersAdded: membersAdded ?? [{ id: bot.id, name: bot.name }, { id: 'dl_4f6c2e0a9b', name: 'Sam' }],
      };
    },
    async postToBot(endpoint, activity, opts = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (opts.authorization) headers.Authorization = opts.authorization;
      const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(activity) });
      return { status: res.status, body: await res.text() };
    },
    openIdMetadataUrl: `${url}.well-known/openidconfiguration`,
    get openIdRequests() {
      return openIdRequests;
    },
    channelToken({ appId, serviceUrl = url, untrusted: forged = false, unknownKey = false, expiresInSeconds = 3600 }) {
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + expiresInSeconds };
      const key = forged ? untrusted.privateKey : trusted.privateKey;
      return sign(claims, key, unknownKey ? 'some-other-key' : kid);
    },
    tokenAuthority: service ? `${tokenOrigin}/${tenant}` : null,
    tokenAuthorityHost: service ? new URL(tokenOrigin).host : null,
    tokenCa,
    tokenRequests,
    get unauthorizedCalls() {
      return unauthorizedCalls;
    },
    accessToken,
    async close() {
      for (const s of [server, tokenServer].filter((x): x is Server => Boolean(x))) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      }
    },
  };
}
