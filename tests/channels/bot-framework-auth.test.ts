import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotFrameworkChannel } from '../../channels/bot-framework/index.js';
import { parseConfig } from '../../src/config.js';
import { startFakeBotConnector, type Activity, type FakeBotConnector } from '../fakes/bot-connector-server.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const APP_ID = '3f1c2b9e-6d4a-4e8b-a1c7-5b2d9e0f8a63';
const APP_PASSWORD = 'not-a-real-client-secret';

let connector: FakeBotConnector;
let app: TestApp;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A JWT from an issuer the Bot Framework does not trust; its signature is never even looked at. */
const foreignToken = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${b64({ iss: 'https://evil.example', aud: APP_ID, exp: 4102444800 })}.c2lnbmF0dXJl`;

async function nothingStoredFor(activity: Activity) {
  const conversationId = activity.conversation!.id;
  expect(await app.relay.store.contacts.find('botframework', conversationId)).toBeUndefined();
  expect(await app.relay.store.references.get('botframework', conversationId)).toBeUndefined();
  expect(connector.activities.filter((a) => a.conversationId === conversationId)).toEqual([]);
}

beforeAll(async () => {
  connector = await startFakeBotConnector({ openId: true });
  app = await startTestApp({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD });
});
afterAll(async () => {
  await app?.close();
  await connector?.close();
});

describe('bot framework with credentials configured', () => {
  it('refuses requests without a valid token with 401 before any network call, storing nothing', async () => {
    const endpoint = `${app.url}/api/messages`;
    for (const authorization of [null, 'Bearer', 'Bearer not-a-jwt', 'Basic dXNlcjpwYXNz', `Bearer ${foreignToken}`]) {
      const activity = connector.messageActivity({ text: 'hello' });
      const res = await connector.postToBot(endpoint, activity, { authorization });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.body).not.toMatch(/at |\.js/);
      await nothingStoredFor(activity);
    }
    // None of these needed the signing keys.
    expect(connector.openIdRequests).toBe(0);
  });

  it('refuses the unauthenticated flag next to credentials, and in production', () => {
    const base = { DATA_DIR: 'memory://', BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: '1' };
    expect(() => parseConfig({ ...base, MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD })).toThrow(/BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED/);
    expect(() => parseConfig({ ...base, NODE_ENV: 'production' })).toThrow(/BOT_FRAMEWORK_ALLOW_UNAUTHENTICATED: refused with NODE_ENV=production/);
    expect(parseConfig({ ...base }).botFramework).toMatchObject({ appId: '', appPassword: '', unauthenticated: true });
    expect(parseConfig({ DATA_DIR: 'memory://' }).botFramework).toBeUndefined();
  });
});

describe('bot framework app types (MICROSOFT_APP_TYPE)', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const base = { DATA_DIR: 'memory://', MICROSOFT_APP_ID: APP_ID };
  const build = (env: Record<string, string>) => {
    const config = parseConfig({ ...base, ...env });
    const { relay } = app;
    // Building the channel builds botbuilder's authentication, which asserts the credentials per app type.
    return createBotFrameworkChannel({ ...relay, config, botFramework: config.botFramework!, t: relay.services.t });
  };

  it('accepts each app type with what botbuilder needs, and the adapter builds', () => {
    const valid: Record<string, string>[] = [
      { MICROSOFT_APP_PASSWORD: APP_PASSWORD },
      { MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_PASSWORD: APP_PASSWORD, MICROSOFT_APP_TENANT_ID: TENANT },
      { MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_PASSWORD: APP_PASSWORD, MICROSOFT_APP_TENANT_ID: TENANT },
      { MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT },
    ];
    for (const env of valid) {
      const config = parseConfig({ ...base, ...env });
      expect(config.botFramework, JSON.stringify(env)).toMatchObject({ appId: APP_ID, appType: env.MICROSOFT_APP_TYPE ?? 'MultiTenant' });
      expect(() => build(env), JSON.stringify(env)).not.toThrow();
    }
    expect(parseConfig({ ...base, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT }).botFramework?.appPassword).toBe('');
  });

  it('refuses at start-up what botbuilder would refuse later, naming the missing or forbidden setting', () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{}, /MICROSOFT_APP_PASSWORD missing/],
      [{ MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_PASSWORD: APP_PASSWORD }, /SingleTenant needs MICROSOFT_APP_TENANT_ID/],
      [{ MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: APP_PASSWORD }, /UserAssignedMSI takes no MICROSOFT_APP_PASSWORD/],
      [{ MICROSOFT_APP_TYPE: 'UserAssignedMSI' }, /UserAssignedMSI needs MICROSOFT_APP_TENANT_ID/],
    ];
    for (const [env, problem] of refused) expect(() => parseConfig({ ...base, ...env }), JSON.stringify(env)).toThrow(problem);
    expect(() => parseConfig({ DATA_DIR: 'memory://', MICROSOFT_APP_PASSWORD: APP_PASSWORD })).toThrow(/MICROSOFT_APP_ID missing/);
    // What used to pass validation and fail later: botbuilder itself refuses these when the adapter is built.
    const { relay } = app;
    const adapterFor = (botFramework: NonNullable<typeof relay.config.botFramework>) => () =>
      createBotFrameworkChannel({ ...relay, config: relay.config, botFramework, t: relay.services.t });
    expect(adapterFor({ appId: APP_ID, appPassword: APP_PASSWORD, appType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId is required for SingleTenant/);
    expect(adapterFor({ appId: APP_ID, appPassword: APP_PASSWORD, tenantId: TENANT, appType: 'UserAssignedMSI' })).toThrow(/MicrosoftAppPassword must not be set for MSI/);
    expect(adapterFor({ appId: APP_ID, appPassword: '', appType: 'UserAssignedMSI' })).toThrow(/MicrosoftAppTenantId is required for MSI/);
  });
});

describe('bot framework JWT validation against loopback signing keys', () => {
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    // The same channel, with the Bot Framework's OpenID metadata served by the fake instead of login.botframework.com.
    const { relay } = app;
    const channel = createBotFrameworkChannel({
      config: relay.config,
      botFramework: relay.config.botFramework!,
      logger: relay.logger,
      t: relay.services.t,
      endpoints: { ToBotFromChannelOpenIdMetadataUrl: connector.openIdMetadataUrl },
    });
    const web = express();
    web.use(relay.channels.mount(channel, { deliver: false }));
    server = createServer(web);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('accepts a token signed with the published key (a conversationUpdate: nothing to send back)', async () => {
    const update = connector.conversationUpdate({ conversationId: 'auth-ok-1' });
    const res = await connector.postToBot(endpoint, update, { authorization: `Bearer ${connector.channelToken({ appId: APP_ID })}` });
    expect(res.status).toBe(200);
    expect(await app.relay.store.references.get('botframework', 'auth-ok-1')).toMatchObject({ channelId: 'directline' });
    expect(connector.openIdRequests).toBeGreaterThan(0);
  });

  it('refuses forged, foreign-key, expired, wrong-audience and wrong-serviceUrl tokens with 401', async () => {
    const tokens = {
      forged: connector.channelToken({ appId: APP_ID, untrusted: true }),
      unknownKey: connector.channelToken({ appId: APP_ID, unknownKey: true }),
      expired: connector.channelToken({ appId: APP_ID, expiresInSeconds: -3600 }),
      otherBot: connector.channelToken({ appId: '9b8a7c6d-0000-4000-8000-000000000000' }),
      otherServiceUrl: connector.channelToken({ appId: APP_ID, serviceUrl: 'https://attacker.example/' }),
    };
    for (const [what, token] of Object.entries(tokens)) {
      const activity = connector.messageActivity({ text: 'hello' });
      const res = await connector.postToBot(endpoint, activity, { authorization: `Bearer ${token}` });
      expect(res.status, what).toBe(401);
      await nothingStoredFor(activity);
    }
  });
});
