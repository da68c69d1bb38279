/**
 * The bot's outbound token path with credentials: botbuilder asks MSAL for a client-credentials
 * token (scope https://api.botframework.com/.default) from the identity platform, and sends it as
 * `Authorization: Bearer` on every Connector call. The fake connector plays the identity platform
 * (HTTPS, v2.0 token endpoint, @azure/msal-node 2.x as botframework-connector 4.23 uses it) and
 * refuses Connector calls without a token it issued.
 *
 * MSAL only accepts an https authority that it can discover on login.microsoftonline.com or that
 * it is told about (knownAuthorities), so the test hands botbuilder an MSAL client pointed at the
 * fake through the channel's `credentialsFactory`; everything after that is the SDK's own path.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOTFRAMEWORK, createBotFrameworkChannel } from '../../channels/bot-framework/index.js';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector-server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

const APP_ID = '5d2c8e41-7a3b-4f6e-9c10-2b8d4e6f0a97';
const APP_PASSWORD = 'fake-client-secret-' + 'q7'.repeat(8);

let connector: FakeBotConnector;
let app: TestApp;
const servers: Server[] = [];

// The CommonJS build of @azure/msal-node, the one botframework-connector itself loads.
type MsalClient = ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1];
const { ConfidentialClientApplication } = createRequire(import.meta.url)('@azure/msal-node') as {
  ConfidentialClientApplication: new (config: Record<string, unknown>) => MsalClient;
};

function msalClient(secret: string): MsalClient {
  return new ConfidentialClientApplication({
    auth: { clientId: APP_ID, clientSecret: secret, authority: connector.tokenAuthority!, knownAuthorities: [connector.tokenAuthorityHost!] },
    system: { customAgentOptions: { ca: connector.tokenCa! } },
  });
}

/** The app's Bot Framework channel, with outbound tokens from the fake identity platform. */
async function channelWith(secret: string) {
  const { relay } = app;
  const channel = createBotFrameworkChannel({
    config: relay.config,
    botFramework: relay.config.botFramework!,
    logger: relay.logger,
    t: relay.services.t,
    endpoints: { ToBotFromChannelOpenIdMetadataUrl: connector.openIdMetadataUrl },
    credentialsFactory: new MsalServiceClientCredentialsFactory(APP_ID, msalClient(secret)),
  });
  const web = express();
  web.use(relay.channels.mount(channel, { deliver: false }));
  const server = createServer(web);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { channel, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages` };
}

beforeAll(async () => {
  connector = await startFakeBotConnector({ openId: true, tokenService: { appId: APP_ID, appPassword: APP_PASSWORD } });
  app = await startTestApp({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD });
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await app?.close();
  await connector?.close();
});

describe('bot framework outbound token', () => {
  it('the fake connector refuses calls without a bearer token it issued', async () => {
    const activity = { type: 'message', text: 'hi' };
    const tokens = {
      none: null,
      garbage: 'Bearer not-a-token',
      forged: `Bearer ${connector.accessToken({ appId: APP_ID, forged: true })}`,
      expired: `Bearer ${connector.accessToken({ appId: APP_ID, expiresInSeconds: -60 })}`,
      otherBot: `Bearer ${connector.accessToken({ appId: '0f0f0f0f-0000-4000-8000-000000000000' })}`,
      otherAudience: `Bearer ${connector.accessToken({ appId: APP_ID, audience: 'https://graph.microsoft.com' })}`,
    };
    for (const [what, authorization] of Object.entries(tokens)) {
      const res = await fetch(`${connector.url}v3/conversations/c1/activities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
        body: JSON.stringify(activity),
      });
      expect(res.status, what).toBe(401);
    }
    const ok = await fetch(`${connector.url}v3/conversations/c1/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${connector.accessToken({ appId: APP_ID })}` },
      body: JSON.stringify(activity),
    });
    expect(ok.status).toBe(201);
  });

  // botframework-connector caches a granted token per app id for the whole process: the refusal comes first.
  it('with a wrong password no token is granted and nothing reaches the connector unauthenticated', async () => {
    const { channel, endpoint } = await channelWith('not-the-secret');
    app.relay.senders.set(BOTFRAMEWORK, channel);
    const refusedBefore = connector.tokenRequests.filter((r) => !r.granted).length;
    const unauthorizedBefore = connector.unauthorizedCalls;
    const activity = connector.messageActivity({ text: 'Hello?' });
    const conversationId = activity.conversation!.id;
    expect((await connector.postToBot(endpoint, activity, { authorization: `Bearer ${connector.channelToken({ appId: APP_ID })}` })).status).toBe(200);

    await waitFor(() => connector.tokenRequests.filter((r) => !r.granted).length > refusedBefore, 'the refused token request', { timeoutMs: 20_000 });
    expect(connector.activities.filter((a) => a.conversationId === conversationId)).toEqual([]);
    expect(connector.unauthorizedCalls).toBe(unauthorizedBefore);
  });

  it('replies carry the token the SDK obtained with the app id and password', async () => {
    const { channel, endpoint } = await channelWith(APP_PASSWORD);
    app.relay.senders.set(BOTFRAMEWORK, channel);
    const activity = connector.messageActivity({ text: 'What are your opening hours?' });
    const conversationId = activity.conversation!.id;
    const res = await connector.postToBot(endpoint, activity, { authorization: `Bearer ${connector.channelToken({ appId: APP_ID })}` });
    expect(res.status).toBe(200);

    const reply = await connector.waitForActivity((a) => a.conversationId === conversationId && a.activity.type === 'message', 20_000);
    expect(reply.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(reply.authorization!.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ aud: 'https://api.botframework.com', appid: APP_ID });
    expect(connector.tokenRequests.filter((r) => r.granted)).toEqual([
      expect.objectContaining({ clientId: APP_ID, scope: 'https://api.botframework.com/.default', grantType: 'client_credentials' }),
    ]);
  });
});
