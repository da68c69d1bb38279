// Drives the fake Mattermost with the real @mattermost/client SDK (Client4 + WebSocketClient)
// to prove the SDK works against it unmodified.

import { Buffer } from 'node:buffer';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import mm from '@mattermost/client';
import type { Channel, ChannelMembership } from '@mattermost/types/channels';
import type { Post, PostList } from '@mattermost/types/posts';
import type { UserProfile, UserStatus } from '@mattermost/types/users';
import express from 'express';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';
import { startFakeMattermost, type FakeMattermost, type FakeUser } from './mattermost-server.js';

const { Client4, WebSocketClient, ClientError } = mm;
type Client = InstanceType<typeof Client4>;
type WsClient = InstanceType<typeof WebSocketClient>;
type WsMessage = { event: string; data: Record<string, unknown>; broadcast: Record<string, unknown>; seq: number };

// Node 20 has neither a global WebSocket nor CloseEvent, and WebSocketClient references both
// (WebSocket.OPEN in sendMessage/ping/close, `new CloseEvent` on ping timeout / seq mismatch).
const g = globalThis as Record<string, unknown>;
g['WebSocket'] ??= WebSocket;
g['CloseEvent'] ??= class CloseEvent extends Event {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
  constructor(type: string, init: { code?: number; reason?: string; wasClean?: boolean } = {}) {
    super(type);
    this.code = init.code ?? 0;
    this.reason = init.reason ?? '';
    this.wasClean = init.wasClean ?? false;
  }
};

const ID_RE = /^[a-z0-9]{26}$/;

function clientFor(fake: FakeMattermost, token: string): Client {
  const client = new Client4();
  client.setUrl(fake.url);
  client.setToken(token);
  return client;
}

async function rejection(promise: Promise<unknown>): Promise<InstanceType<typeof ClientError>> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ClientError);
    return err as InstanceType<typeof ClientError>;
  }
  throw new Error('expected the call to fail');
}

interface Socket {
  client: WsClient;
  events: WsMessage[];
  missed: number;
  closes: number;
  next(event: string, pred?: (m: WsMessage) => boolean, timeoutMs?: number): Promise<WsMessage>;
}

const sockets: WsClient[] = [];

/** A WebSocketClient wired the way product code must do it in Node (ws passed in as the socket implementation). */
function connect(
  fake: FakeMattermost,
  token: string,
  opts: { headerAuth?: boolean; missedListener?: boolean } = {},
): Socket {
  const client = new WebSocketClient({
    newWebSocketFn: (url: string) =>
      new WebSocket(url, opts.headerAuth ? { headers: { Authorization: `Bearer ${token}` } } : {}) as unknown as globalThis.WebSocket,
    minWebSocketRetryTime: 50,
    maxWebSocketRetryTime: 200,
    reconnectJitterRange: 10,
  });
  sockets.push(client);
  const s: Socket = {
    client,
    events: [],
    missed: 0,
    closes: 0,
    next: (event, pred = () => true, timeoutMs = 3_000) =>
      waitFor(() => s.events.find((m) => m.event === event && pred(m)), `a ${event} event`, { timeoutMs }),
  };
  client.addMessageListener((msg) => s.events.push(msg as unknown as WsMessage));
  if (opts.missedListener ?? true) client.addMissedMessageListener(() => s.missed++);
  client.addCloseListener(() => s.closes++);
  client.initialize(fake.wsUrl, token);
  return s;
}

describe('fake Mattermost driven by the real @mattermost/client SDK', () => {
  let fake: FakeMattermost;
  let bot: Client;
  let nurse: FakeUser;
  let nurse2: FakeUser;

  beforeAll(() => {
    // WebSocketClient logs every connect/close with console.log.
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  beforeEach(async () => {
    fake = await startFakeMattermost({ teamName: 'clinic', botUsername: 'carerelay' });
    bot = clientFor(fake, fake.botToken);
    nurse = fake.addUser({ username: 'nina', firstName: 'Nina', lastName: 'Ng', status: 'online', channels: [fake.triageChannelId] });
    nurse2 = fake.addUser({ username: 'omar', firstName: 'Omar', lastName: 'Diaz', status: 'dnd' });
  });

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await fake.close();
  });

  describe('REST', () => {
    it('authenticates the bot token and serves users', async () => {
      const me: UserProfile = await bot.getMe();
      expect(me.id).toBe(fake.botUserId);
      expect(me.id).toMatch(ID_RE);
      expect(me.username).toBe('carerelay');
      expect(me.is_bot).toBe(true);
      expect(me.notify_props).toBeDefined();
      expect(bot.getServerVersion()).toMatch(/^\d+\.\d+\.\d+\./);

      const byId = await bot.getUser(nurse.id);
      expect(byId).toMatchObject({ id: nurse.id, username: 'nina', first_name: 'Nina', last_name: 'Ng' });
      expect(byId).not.toHaveProperty('notify_props');
      expect(byId).not.toHaveProperty('token');

      const byName = await bot.getUserByUsername('omar');
      expect(byName.id).toBe(nurse2.id);

      const unknown = 'a'.repeat(26);
      const profiles: UserProfile[] = await bot.getProfilesByIds([nurse.id, nurse2.id, unknown]);
      expect(profiles.map((p) => p.username).sort()).toEqual(['nina', 'omar']);

      const missing = await rejection(bot.getUser(unknown));
      expect(missing.status_code).toBe(404);
      expect(missing.server_error_id).toBe('app.user.missing_account.const');

      // Matches the route's [A-Za-z0-9]+ but is not a 26-char id -> invalid_url_param.
      const badParam = await rejection(bot.getUser('notanid'));
      expect(badParam.status_code).toBe(400);
      expect(badParam.server_error_id).toBe('api.context.invalid_url_param.app_error');
      // Does not even match the route -> the router's 404.
      expect((await rejection(bot.getUser('not-an-id'))).server_error_id).toBe('api.context.404.app_error');

      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(`POST /api/v4/users/ids`);
      expect(fake.requests.find((r) => r.path === '/api/v4/users/ids')?.body).toEqual([nurse.id, nurse2.id, unknown]);
    });

    it('answers 401 with a Mattermost error body for a bad token', async () => {
      const stranger = clientFor(fake, 'x'.repeat(26));
      const err = await rejection(stranger.getMe());
      expect(err.status_code).toBe(401);
      expect(err.server_error_id).toBe('api.context.session_expired.app_error');
      expect(err.message).toBe('Invalid or expired session, please login again.');

      const anonymous = new Client4();
      anonymous.setUrl(fake.url);
      expect((await rejection(anonymous.getChannel(fake.triageChannelId))).status_code).toBe(401);

      const res = await fetch(`${fake.url}/api/v4/users/me`, { headers: { Authorization: 'Bearer nope' } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['detailed_error', 'id', 'message', 'request_id', 'status_code']);
      expect(body['request_id']).toMatch(ID_RE);
      expect(res.headers.get('x-request-id')).toBe(body['request_id']);
    });

    it('answers unknown routes with the 404 api error', async () => {
      // getTranslations(url) is Client4's public "GET any url" helper.
      const err = await rejection(bot.getTranslations(`${fake.url}/api/v4/definitely/not/here`));
      expect(err.status_code).toBe(404);
      expect(err.server_error_id).toBe('api.context.404.app_error');
      expect(err.detailed_error).toContain("/api/v4/definitely/not/here");
    });

    it('finds the team and channels by name, and reads channel members with paging', async () => {
      const team = await bot.getTeamByName('clinic');
      expect(team.id).toBe(fake.teamId);
      expect(team.name).toBe('clinic');

      const triage: Channel = await bot.getChannelByName(team.id, 'triage');
      expect(triage).toMatchObject({ id: fake.triageChannelId, name: 'triage', type: 'O', team_id: fake.teamId });
      expect((await bot.getChannel(triage.id)).display_name).toBe('Triage');

      const members: ChannelMembership[] = await bot.getChannelMembers(triage.id);
      expect(members.map((m) => m.user_id).sort()).toEqual([fake.botUserId, nurse.id].sort());
      expect(members.every((m) => m.channel_id === triage.id && m.roles.includes('channel_user'))).toBe(true);
      expect(await bot.getChannelMembers(triage.id, 0, 1)).toHaveLength(1);
      expect(await bot.getChannelMembers(triage.id, 1, 1)).toHaveLength(1);
      expect(await bot.getChannelMembers(triage.id, 2, 1)).toHaveLength(0);
      const lastPaged = fake.requests.filter((r) => r.path.endsWith('/members')).pop();
      expect(lastPaged?.query).toMatchObject({ page: '2', per_page: '1' });

      expect((await rejection(bot.getChannelByName(team.id, 'nope'))).status_code).toBe(404);
      expect((await rejection(bot.getTeamByName('other'))).status_code).toBe(404);

      // A private channel the bot is not in: hidden by name (404), forbidden by id (403).
      const secret = fake.addChannel({ name: 'case-secret', type: 'P', members: [nurse.id] });
      expect((await rejection(bot.getChannelByName(team.id, 'case-secret'))).status_code).toBe(404);
      const forbidden = await rejection(bot.getChannel(secret.id));
      expect(forbidden.status_code).toBe(403);
      expect(forbidden.server_error_id).toBe('api.context.permissions.app_error');
    });

    it('reports statuses by ids', async () => {
      const unknown = 'b'.repeat(26);
      const statuses: UserStatus[] = await bot.getStatusesByIds([nurse.id, nurse2.id, unknown]);
      const byUser = Object.fromEntries(statuses.map((s) => [s.user_id, s]));
      expect(byUser[nurse.id]).toMatchObject({ status: 'online', manual: false });
      expect(byUser[nurse2.id]).toMatchObject({ status: 'dnd', manual: true });
      expect(byUser[unknown]).toMatchObject({ status: 'offline', manual: false, last_activity_at: 0 });
      expect(typeof byUser[nurse.id]?.last_activity_at).toBe('number');

      fake.setStatus(nurse.id, 'away');
      const [after] = await bot.getStatusesByIds([nurse.id]);
      expect(after).toMatchObject({ user_id: nurse.id, status: 'away', manual: true });
    });

    it('creates a private channel, rejects a duplicate name, adds and removes a member', async () => {
      const created: Channel = await bot.createChannel({
        team_id: fake.teamId,
        name: 'case-4711',
        display_name: 'Case 4711',
        type: 'P',
      } as Channel);
      expect(created.id).toMatch(ID_RE);
      expect(created).toMatchObject({ name: 'case-4711', display_name: 'Case 4711', type: 'P', creator_id: fake.botUserId });
      expect(fake.members(created.id)).toEqual([fake.botUserId]);
      expect(fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v4/channels')?.status).toBe(201);

      const dup = await rejection(
        bot.createChannel({ team_id: fake.teamId, name: 'case-4711', display_name: 'Again', type: 'P' } as Channel),
      );
      expect(dup.status_code).toBe(400);
      expect(dup.server_error_id).toBe('store.sql_channel.save_channel.exists.app_error');
      expect(dup.message).toBe('A channel with that name already exists on the same team.');

      const badName = await rejection(
        bot.createChannel({ team_id: fake.teamId, name: 'Bad Name!', display_name: 'x', type: 'P' } as Channel),
      );
      expect(badName.status_code).toBe(400);

      const member: ChannelMembership = await bot.addToChannel(nurse2.id, created.id);
      expect(member).toMatchObject({ channel_id: created.id, user_id: nurse2.id, roles: 'channel_user' });
      expect(fake.members(created.id).sort()).toEqual([fake.botUserId, nurse2.id].sort());
      const addReq = fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v4/channels/${created.id}/members`);
      expect(addReq?.body).toEqual({ user_id: nurse2.id, channel_id: created.id, post_root_id: '' });
      expect(addReq?.status).toBe(201);
      // Like the real server, adding a member leaves a system post in the channel.
      const systemPost = fake.posts(created.id).find((p) => p.type === 'system_add_to_channel');
      expect(systemPost?.props).toMatchObject({ addedUserId: nurse2.id, userId: fake.botUserId });

      // The nurse can now read the private channel.
      const nurseClient = clientFor(fake, fake.user('omar')!.token);
      expect((await nurseClient.getChannel(created.id)).id).toBe(created.id);

      expect(await bot.removeFromChannel(nurse2.id, created.id)).toEqual({ status: 'OK' });
      expect(fake.members(created.id)).toEqual([fake.botUserId]);
      expect((await rejection(nurseClient.getChannel(created.id))).status_code).toBe(403);
      expect((await rejection(bot.removeFromChannel(nurse2.id, created.id))).status_code).toBe(404);
    });

    it('refuses messages over 16,383 runes (PostMessageMaxRunesV2), counting code points, on create and patch', async () => {
      // An astral character is two UTF-16 units but one rune.
      const longest = '\u{1F489}'.repeat(16_383);
      const created: Post = await bot.createPost({ channel_id: fake.triageChannelId, message: longest } as Post);
      expect([...created.message]).toHaveLength(16_383);
      const tooLong = await rejection(bot.createPost({ channel_id: fake.triageChannelId, message: `${longest}x` } as Post));
      expect(tooLong.status_code).toBe(400);
      expect(tooLong.server_error_id).toBe('model.post.is_valid.message_length.app_error');
      const patch = await rejection(bot.patchPost({ id: created.id, message: `${longest}x` } as Post));
      expect(patch.server_error_id).toBe('model.post.is_valid.message_length.app_error');
    });

    it('answers a batch member add with 400 when it behaves like a server before mattermost PR #28976', async () => {
      const old = await startFakeMattermost({ batchChannelMembers: false });
      try {
        const ana = old.addUser({ username: 'ana' });
        const oldBot = clientFor(old, old.botToken);
        const batch = await rejection(oldBot.addToChannels([ana.id], old.triageChannelId));
        expect(batch.status_code).toBe(400);
        expect(batch.server_error_id).toBe('api.context.invalid_body_param.app_error');
        expect(batch.message).toBe('Invalid or missing user_id in request body.');
        expect((await oldBot.addToChannel(ana.id, old.triageChannelId)).user_id).toBe(ana.id);
      } finally {
        await old.close();
      }
    });

    it('creates, reads, patches and lists posts with attachment actions', async () => {
      const props = {
        attachments: [
          {
            text: 'Patient asks about dosage',
            actions: [
              { id: 'claim', name: 'Claim', type: 'button', integration: { url: 'http://127.0.0.1:9/x', context: { caseId: 'c1' } } },
              { name: 'No id', type: 'button', integration: { url: 'http://127.0.0.1:9/y' } },
            ],
          },
        ],
      };
      const created: Post = await bot.createPost({ channel_id: fake.triageChannelId, message: 'New case #c1', props } as unknown as Post);
      expect(created.id).toMatch(ID_RE);
      expect(created).toMatchObject({
        channel_id: fake.triageChannelId,
        user_id: fake.botUserId,
        root_id: '',
        message: 'New case #c1',
        type: '',
        edit_at: 0,
        hashtags: '#c1',
      });
      expect(created.create_at).toBeGreaterThan(0);
      expect(created.update_at).toBe(created.create_at);
      expect(created.props['from_bot']).toBe('true');
      expect(created.metadata).toEqual({ embeds: [{ type: 'message_attachment' }] });

      // Clients never see integration url/context; ids are generated for actions without one.
      const actions = (created.props['attachments'] as Array<{ actions: Array<Record<string, unknown>> }>)[0]!.actions;
      expect(actions.map((a) => a['integration'])).toEqual([undefined, undefined]);
      expect(actions[0]!['id']).toBe('claim');
      expect(actions[1]!['id']).toMatch(ID_RE);
      const stored = fake.post(created.id)!;
      const storedActions = (stored.props['attachments'] as Array<{ actions: Array<Record<string, unknown>> }>)[0]!.actions;
      expect(storedActions[0]!['integration']).toEqual({ url: 'http://127.0.0.1:9/x', context: { caseId: 'c1' } });

      expect(await bot.getPost(created.id)).toEqual(created);

      const reply = await bot.createPost({ channel_id: fake.triageChannelId, root_id: created.id, message: 'follow-up' } as Post);
      expect(reply.root_id).toBe(created.id);
      expect((await rejection(bot.createPost({ channel_id: fake.triageChannelId, root_id: 'c'.repeat(26), message: 'x' } as Post))).status_code).toBe(400);

      const patched = await bot.patchPost({ id: created.id, message: 'Case #c1 claimed' } as Post);
      expect(patched.message).toBe('Case #c1 claimed');
      expect(patched.edit_at).toBeGreaterThan(0);
      expect(patched.props['from_bot']).toBe('true');

      const list: PostList = await bot.getPosts(fake.triageChannelId);
      expect(list.order).toEqual([reply.id, created.id]);
      expect(list.posts[created.id]?.message).toBe('Case #c1 claimed');
      expect(list.posts[created.id]?.reply_count).toBe(1);
      const page2 = await bot.getPosts(fake.triageChannelId, 1, 1);
      expect(page2.order).toEqual([created.id]);
      const since = await bot.getPostsSince(fake.triageChannelId, patched.update_at - 1);
      expect(since.order).toEqual([created.id]);

      // Posting requires membership.
      const secret = fake.addChannel({ name: 'case-other', type: 'P', members: [nurse.id] });
      const forbidden = await rejection(bot.createPost({ channel_id: secret.id, message: 'hi' } as Post));
      expect(forbidden.status_code).toBe(403);
      // Only the author edits a post.
      const nursePost = fake.postAs(nurse.id, fake.triageChannelId, 'mine');
      expect((await rejection(bot.patchPost({ id: nursePost.id, message: 'no' } as Post))).status_code).toBe(403);
    });
  });

  describe('interactive buttons', () => {
    let hook: Server;
    let hookUrl: string;
    let received: Array<Record<string, unknown>>;
    let reply: (body: Record<string, unknown>) => { status: number; json?: unknown };

    beforeEach(async () => {
      received = [];
      reply = () => ({ status: 200, json: {} });
      const app = express();
      app.use(express.json());
      app.post('/hooks/action', (req, res) => {
        received.push(req.body as Record<string, unknown>);
        const r = reply(req.body as Record<string, unknown>);
        if (r.json === undefined) res.status(r.status).end();
        else res.status(r.status).json(r.json);
      });
      hook = await new Promise<Server>((resolve) => {
        const srv = app.listen(0, '127.0.0.1', () => resolve(srv));
      });
      hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/action`;
    });

    afterEach(async () => {
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    });

    async function caseCard(): Promise<Post> {
      return bot.createPost({
        channel_id: fake.triageChannelId,
        message: 'New case',
        props: {
          override_username: 'CareRelay Triage',
          attachments: [
            {
              text: 'Patient 42',
              actions: [
                { id: 'claim', name: 'Claim', type: 'button', integration: { url: hookUrl, context: { action: 'claim', caseId: 'c42' } } },
                { id: 'pass', name: 'Pass', integration: { url: hookUrl } },
              ],
            },
          ],
        },
      } as unknown as Post);
    }

    it('clickButton posts the Mattermost request to the integration and applies update + ephemeral_text', async () => {
      const post = await caseCard();
      reply = () => ({
        status: 200,
        json: {
          update: { message: 'Claimed by @nina', props: { attachments: [{ text: 'Patient 42 (claimed)' }] } },
          ephemeral_text: 'You claimed <https://clinic.example/c42|case 42>',
        },
      });

      const ws = connect(fake, fake.botToken);
      await ws.next('hello');

      const result = await fake.clickButton({ postId: post.id, actionId: 'claim', userId: nurse.id });
      expect(result).toEqual({
        update: { message: 'Claimed by @nina', props: { attachments: [{ text: 'Patient 42 (claimed)' }] } },
        ephemeral_text: 'You claimed <https://clinic.example/c42|case 42>',
      });

      expect(received).toHaveLength(1);
      const body = received[0]!;
      expect(Object.keys(body).sort()).toEqual(
        ['channel_id', 'channel_name', 'context', 'data_source', 'post_id', 'team_domain', 'team_id', 'trigger_id', 'type', 'user_id', 'user_name'].sort(),
      );
      expect(body).toMatchObject({
        user_id: nurse.id,
        user_name: 'nina',
        channel_id: fake.triageChannelId,
        channel_name: 'triage',
        team_id: fake.teamId,
        team_domain: 'clinic',
        post_id: post.id,
        type: 'button',
        data_source: '',
        context: { action: 'claim', caseId: 'c42' },
      });
      const trigger = Buffer.from(String(body['trigger_id']), 'base64').toString('utf8').split(':');
      expect(trigger).toHaveLength(4);
      expect(trigger[1]).toBe(nurse.id);

      const updated = fake.post(post.id)!;
      expect(updated.message).toBe('Claimed by @nina');
      expect(updated.edit_at).toBeGreaterThan(0);
      // props replaced, but override_username carried over like PostActionRetainPropKeys.
      expect(updated.props).toEqual({ attachments: [{ text: 'Patient 42 (claimed)' }], override_username: 'CareRelay Triage' });

      const edited = await ws.next('post_edited');
      expect(JSON.parse(String(edited.data['post'])).message).toBe('Claimed by @nina');

      expect(fake.ephemerals).toHaveLength(1);
      expect(fake.ephemerals[0]).toMatchObject({ userId: nurse.id, channelId: fake.triageChannelId });
      expect(fake.ephemerals[0]?.post['message']).toBe('You claimed [case 42](https://clinic.example/c42)');
      // The bot's socket never sees an ephemeral meant for the nurse.
      expect(ws.events.some((m) => m.event === 'ephemeral_message')).toBe(false);
    });

    it('keeps the post for an empty response, but an update without message blanks the message (as upstream)', async () => {
      const post = await caseCard();
      await fake.clickButton({ postId: post.id, actionId: 'pass', userId: nurse.id });
      expect(received[0]).not.toHaveProperty('context');
      expect(received[0]?.['type']).toBe('');
      expect(fake.post(post.id)?.message).toBe('New case');

      reply = () => ({ status: 200, json: { update: { props: { attachments: [] } } } });
      await fake.clickButton({ postId: post.id, actionId: 'claim', userId: nurse.id });
      expect(fake.post(post.id)?.message).toBe('');
    });

    it('surfaces integration failures and unroutable action ids', async () => {
      const post = await caseCard();
      reply = () => ({ status: 500, json: { error: 'boom' } });
      await expect(fake.clickButton({ postId: post.id, actionId: 'claim', userId: nurse.id })).rejects.toMatchObject({
        id: 'api.post.do_action.action_integration.app_error',
        statusCode: 400,
      });
      expect(fake.actionCalls.at(-1)?.status).toBe(500);
      expect(fake.post(post.id)?.message).toBe('New case');

      await expect(fake.clickButton({ postId: post.id, actionId: 'nope', userId: nurse.id })).rejects.toMatchObject({ statusCode: 404 });
      await expect(fake.clickButton({ postId: post.id, actionId: 'claim_case', userId: nurse.id })).rejects.toMatchObject({ statusCode: 404 });
    });

    it('serves the same flow through Client4.doPostAction', async () => {
      const post = await caseCard();
      reply = () => ({ status: 200, json: { update: { message: 'Claimed' } } });
      const nurseClient = clientFor(fake, nurse.token);
      const res = (await nurseClient.doPostAction(post.id, 'claim')) as { status: string; trigger_id: string };
      expect(res.status).toBe('OK');
      expect(res.trigger_id).toMatch(ID_RE);
      expect(received[0]).toMatchObject({ user_id: nurse.id, post_id: post.id });
      expect((await nurseClient.getPost(post.id)).message).toBe('Claimed');
    });
  });

  describe('websocket', () => {
    it('speaks the raw protocol: challenge, hello (seq 0), OK reply, then sequenced events', async () => {
      const raw = new WebSocket(fake.wsUrl);
      const frames: Array<Record<string, unknown>> = [];
      raw.on('message', (data) => frames.push(JSON.parse(String(data)) as Record<string, unknown>));
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(JSON.stringify({ seq: 1, action: 'authentication_challenge', data: { token: fake.botToken } }));
      await waitFor(() => frames.length >= 2, 'the hello and the challenge reply');
      expect(frames[0]).toMatchObject({
        event: 'hello',
        seq: 0,
        data: { server_version: expect.any(String), connection_id: expect.stringMatching(ID_RE) },
        broadcast: { user_id: fake.botUserId, channel_id: '', team_id: '', omit_users: null },
      });
      expect(frames[1]).toEqual({ status: 'OK', seq_reply: 1 });

      raw.send(JSON.stringify({ seq: 2, action: 'ping' }));
      const pong = await waitFor(() => frames.find((f) => f['seq_reply'] === 2), 'the pong');
      expect(pong).toMatchObject({ status: 'OK', data: { text: 'pong' } });

      fake.postAs(nurse.id, fake.triageChannelId, 'hello bot');
      const posted = await waitFor(() => frames.find((f) => f['event'] === 'posted'), 'the posted event');
      const seqs = frames.filter((f) => 'event' in f).map((f) => f['seq']);
      expect(seqs).toEqual([...seqs.keys()]);
      expect(posted['seq']).toBeGreaterThan(0);
      raw.close();
    });

    it('delivers `posted` to channel members with the real event shape', async () => {
      const ws = connect(fake, fake.botToken);
      const hello = await ws.next('hello');
      expect(hello.seq).toBe(0);
      expect(typeof hello.data['connection_id']).toBe('string');
      // The bot came online when its socket authenticated; that status_change is scoped to the bot.
      await ws.next('status_change', (m) => m.data['user_id'] === fake.botUserId);
      expect(fake.status(fake.botUserId).status).toBe('online');

      const sent = fake.postAs(nurse.id, fake.triageChannelId, 'Patient in room 3 needs a call back @carerelay', { case_id: 'c7' });
      const ev = await ws.next('posted');
      expect(Object.keys(ev.data).sort()).toEqual(
        ['channel_display_name', 'channel_name', 'channel_type', 'mentions', 'post', 'sender_name', 'set_online', 'team_id'].sort(),
      );
      expect(ev.data).toMatchObject({
        channel_display_name: 'Triage',
        channel_name: 'triage',
        channel_type: 'O',
        sender_name: '@nina',
        team_id: fake.teamId,
        mentions: JSON.stringify([fake.botUserId]),
      });
      expect(ev.broadcast).toMatchObject({ channel_id: fake.triageChannelId, user_id: '', team_id: '', omit_users: null });
      const post = JSON.parse(String(ev.data['post'])) as Post;
      expect(post).toMatchObject({ id: sent.id, user_id: nurse.id, channel_id: fake.triageChannelId, message: sent.message, props: { case_id: 'c7' } });
      const seqs = ws.events.map((m) => m.seq);
      expect(seqs).toEqual([...seqs.keys()]);

      // Not a member -> no event.
      const secret = fake.addChannel({ name: 'nurses-only', type: 'P', members: [nurse.id, nurse2.id] });
      fake.postAs(nurse.id, secret.id, 'private chatter');
      fake.postAs(nurse.id, fake.triageChannelId, 'marker');
      await ws.next('posted', (m) => JSON.parse(String(m.data['post'])).message === 'marker');
      expect(ws.events.filter((m) => m.event === 'posted').map((m) => JSON.parse(String(m.data['post'])).channel_id)).not.toContain(secret.id);
    });

    it('scopes status_change to the user whose status changed (upstream behaviour)', async () => {
      const botWs = connect(fake, fake.botToken);
      const nurseWs = connect(fake, nurse.token);
      await botWs.next('hello');
      await nurseWs.next('hello');

      fake.setStatus(nurse.id, 'away');
      const ev = await nurseWs.next('status_change', (m) => m.data['status'] === 'away');
      expect(ev.data).toEqual({ status: 'away', user_id: nurse.id });
      expect(ev.broadcast).toMatchObject({ user_id: nurse.id });

      fake.postAs(nurse.id, fake.triageChannelId, 'sync marker');
      await botWs.next('posted');
      expect(botWs.events.filter((m) => m.event === 'status_change').every((m) => m.data['user_id'] === fake.botUserId)).toBe(true);
    });

    it("fans status_change out to everyone with statusChangeScope 'all'", async () => {
      const wide = await startFakeMattermost({ statusChangeScope: 'all' });
      try {
        const n = wide.addUser({ username: 'nora' });
        const ws = connect(wide, wide.botToken);
        await ws.next('hello');
        wide.setStatus(n.id, 'dnd');
        const ev = await ws.next('status_change', (m) => m.data['user_id'] === n.id);
        expect(ev.data).toEqual({ status: 'dnd', user_id: n.id });
        expect(ev.broadcast['user_id']).toBe('');
      } finally {
        for (const s of sockets.splice(0)) s.close();
        await wide.close();
      }
    });

    it('closes the socket for a bad token without a hello', async () => {
      const ws = connect(fake, 'z'.repeat(26));
      await waitFor(() => ws.closes > 0, 'the socket closed');
      expect(ws.events).toHaveLength(0);
      ws.client.close();
    });
  });

  describe('outages', () => {
    it('answers 503 while down, drops sockets, and the SDK recovers after up()', async () => {
      const ws = connect(fake, fake.botToken);
      const firstHello = await ws.next('hello');

      fake.down();
      expect(fake.isDown).toBe(true);
      const err = await rejection(bot.getMe());
      expect(err.status_code).toBe(503);
      expect(err.server_error_id).toBe('api.context.server_busy.app_error');
      await waitFor(() => ws.closes > 0, 'the socket closed');
      // Reconnect attempts are refused while down.
      await waitFor(() => ws.closes > 2, 'reconnects refused');

      fake.up();
      const secondHello = await ws.next('hello', (m) => m !== firstHello, 5_000);
      // Challenge auth never resumes: new connection id, sequence restarts, missed-message listener fires.
      expect(secondHello.data['connection_id']).not.toBe(firstHello.data['connection_id']);
      expect(secondHello.seq).toBe(0);
      expect(ws.missed).toBe(1);
      const reconnect = fake.wsUpgrades.at(-1)!;
      expect(reconnect.url).toContain(`connection_id=${String(firstHello.data['connection_id'])}`);
      expect(reconnect.url).toContain('disconnect_err_code=1006');

      expect((await bot.getMe()).id).toBe(fake.botUserId);
      fake.postAs(nurse.id, fake.triageChannelId, 'after outage');
      const ev = await ws.next('posted');
      expect(JSON.parse(String(ev.data['post'])).message).toBe('after outage');
    });

    it("'proxy' style outages answer with an HTML 503 the SDK cannot parse", async () => {
      fake.down({ style: 'proxy' });
      const err = await rejection(bot.getMe());
      expect(err.status_code).toBeUndefined();
      expect(err.message).toBe('');
      expect(fake.requests.at(-1)?.status).toBe(503);
      fake.up();
      expect((await bot.getMe()).id).toBe(fake.botUserId);
    });

    it('resumes a header-authenticated socket and replays events missed during a network outage', async () => {
      const ws = connect(fake, fake.botToken, { headerAuth: true });
      const hello = await ws.next('hello');
      fake.postAs(nurse.id, fake.triageChannelId, 'before');
      await ws.next('posted');

      fake.down({ restart: false });
      await waitFor(() => ws.closes > 0, 'the socket closed');
      fake.postAs(nurse.id, fake.triageChannelId, 'during');
      fake.up();

      await ws.next('posted', (m) => JSON.parse(String(m.data['post'])).message === 'during', 5_000);
      await ws.next('status_change', (m) => m.seq > 3 && m.data['status'] === 'online');
      expect(ws.events.filter((m) => m.event === 'hello')).toEqual([hello]);
      expect(ws.missed).toBe(0);
      // Same connection, contiguous sequence; what was queued while the socket was gone
      // (the bot's own offline status_change and the post) arrives after the reconnect.
      expect(ws.events.map((m) => [m.seq, m.event, m.data['status'] ?? JSON.parse(String(m.data['post'] ?? '{}')).message])).toEqual([
        [0, 'hello', undefined],
        [1, 'status_change', 'online'],
        [2, 'posted', 'before'],
        [3, 'status_change', 'offline'],
        [4, 'posted', 'during'],
        [5, 'status_change', 'online'],
      ]);
      const reconnect = fake.wsUpgrades.at(-1)!;
      expect(reconnect.url).toContain(`connection_id=${String(hello.data['connection_id'])}&sequence_number=3`);
      expect(fake.connections().filter((c) => c.active).map((c) => c.connectionId)).toEqual([hello.data['connection_id']]);
    });

    it('without a missed-message listener the SDK cannot resync after a reconnect (seq mismatch loop)', async () => {
      const ws = connect(fake, fake.botToken, { missedListener: false });
      await ws.next('hello');
      fake.down();
      await waitFor(() => ws.closes > 0, 'the socket closed');
      fake.up();
      // Each fresh hello has seq 0 but the SDK expects its old sequence: it closes with 4001 and retries forever.
      await waitFor(() => fake.wsUpgrades.filter((u) => u.url.includes('disconnect_err_code=4001')).length >= 2, 'two reconnects after 4001', { timeoutMs: 5_000 });
      expect(ws.events.filter((m) => m.event === 'hello')).toHaveLength(1);
    });

    it('failNext injects one-off errors', async () => {
      fake.failNext({ method: 'POST', path: '/api/v4/posts', status: 500, id: 'app.post.save.app_error', message: 'db down' });
      const err = await rejection(bot.createPost({ channel_id: fake.triageChannelId, message: 'x' } as Post));
      expect(err).toMatchObject({ status_code: 500, server_error_id: 'app.post.save.app_error', message: 'db down' });
      expect((await bot.createPost({ channel_id: fake.triageChannelId, message: 'x' } as Post)).message).toBe('x');
    });
  });
});

describe('fake Mattermost: admin endpoints (setup)', () => {
  let fake: FakeMattermost;
  let admin: Client;
  let adminUser: FakeUser;
  beforeAll(async () => {
    fake = await startFakeMattermost({ serviceSettings: { EnableBotAccountCreation: true } });
    adminUser = fake.addUser({ username: 'root', roles: 'system_user system_admin' });
    admin = clientFor(fake, adminUser.token);
  });
  afterAll(async () => {
    await fake.close();
  });

  it('teams: created with the creator as team admin, unique names, members only see invite-only teams', async () => {
    const team = await admin.createTeam({ name: 'wards', display_name: 'Wards', type: 'I' } as never);
    expect(team).toMatchObject({ name: 'wards', display_name: 'Wards', type: 'I', id: expect.stringMatching(ID_RE) });
    expect(await admin.getTeamMember(team.id, adminUser.id)).toMatchObject({ roles: 'team_user team_admin', scheme_admin: true });
    expect(await rejection(admin.createTeam({ name: 'wards', display_name: 'Again', type: 'I' } as never))).toMatchObject({ status_code: 400, server_error_id: 'app.team.save.existing.app_error' });
    expect(await rejection(admin.createTeam({ name: 'Bad Name', display_name: 'x', type: 'I' } as never))).toMatchObject({ status_code: 400, server_error_id: 'model.team.is_valid.characters.app_error' });
    const nurse = fake.addUser({ username: 'outsider' });
    expect(await rejection(clientFor(fake, nurse.token).getTeamByName('wards'))).toMatchObject({ status_code: 403 });
    expect(await rejection(admin.getTeamMember(team.id, nurse.id))).toMatchObject({ status_code: 404, server_error_id: 'app.team.get_member.missing.app_error' });
    // Someone off the team cannot be put in one of its channels.
    const channel = await admin.createChannel({ team_id: team.id, name: 'ward-a', display_name: 'Ward A', type: 'P' } as Channel);
    expect(await rejection(admin.addToChannel(nurse.id, channel.id))).toMatchObject({ status_code: 404, server_error_id: 'app.team.get_member.missing.app_error' });
    const added = await admin.addToTeam(team.id, nurse.id);
    expect(added).toMatchObject({ team_id: team.id, user_id: nurse.id, delete_at: 0 });
    // Adding again returns the same membership.
    expect(await admin.addToTeam(team.id, nurse.id)).toMatchObject({ user_id: nurse.id, create_at: (added as unknown as { create_at: number }).create_at });
    expect((await admin.addToChannel(nurse.id, channel.id)).user_id).toBe(nurse.id);
  });

  it('bots: admins create them while bot accounts are enabled; tokens sign in as the bot and are shown once', async () => {
    const bot = await admin.createBot({ username: 'helper-bot', display_name: 'Helper', description: 'd' } as never);
    expect(bot).toMatchObject({ username: 'helper-bot', display_name: 'Helper', owner_id: adminUser.id, delete_at: 0 });
    const user = await admin.getUser(bot.user_id);
    expect(user).toMatchObject({ is_bot: true, email: 'helper-bot@localhost', first_name: 'Helper' });
    expect(await rejection(admin.createBot({ username: 'helper-bot' } as never))).toMatchObject({ status_code: 400, server_error_id: 'app.user.save.username_exists.app_error' });
    const token = await admin.createUserAccessToken(bot.user_id, 'for tests');
    const secret = token.token!;
    expect(token).toMatchObject({ user_id: bot.user_id, description: 'for tests', is_active: true, token: expect.stringMatching(ID_RE) });
    expect((await clientFor(fake, secret).getMe()).id).toBe(bot.user_id);
    expect((await admin.getUserAccessTokensForUser(bot.user_id, 0, 10)).map((t) => t.token)).toEqual(['']);
    const nurse = fake.addUser({ username: 'plain.user' });
    expect(await rejection(clientFor(fake, nurse.token).createBot({ username: 'nope-bot' } as never))).toMatchObject({ status_code: 403 });
    fake.setServiceSettings({ EnableBotAccountCreation: false });
    expect(await rejection(admin.createBot({ username: 'later-bot' } as never))).toMatchObject({ status_code: 403, server_error_id: 'api.bot.create_disabled' });
    fake.setServiceSettings({ EnableBotAccountCreation: true });
    // A disabled bot's token stops working until it is enabled again.
    await admin.disableBot(bot.user_id);
    expect(await rejection(clientFor(fake, secret).getMe())).toMatchObject({ status_code: 401 });
    expect(await rejection(admin.getBot(bot.user_id))).toMatchObject({ status_code: 404, server_error_id: 'store.sql_bot.get.missing.app_error' });
    await admin.enableBot(bot.user_id);
    expect((await clientFor(fake, secret).getMe()).id).toBe(bot.user_id);
  });

  it('slash commands: admins make one per trigger and team; edits keep the token; the server calls its URL', async () => {
    const team = await admin.getTeamByName(fake.teamName);
    const cmd = await admin.addCommand({ team_id: team.id, trigger: 'Queue', method: 'P', url: 'http://127.0.0.1:9/cmd', auto_complete: true } as never);
    expect(cmd).toMatchObject({ trigger: 'queue', method: 'P', creator_id: adminUser.id, token: expect.stringMatching(ID_RE) });
    expect(await rejection(admin.addCommand({ team_id: team.id, trigger: 'queue', method: 'P', url: 'http://127.0.0.1:9/x' } as never))).toMatchObject({ status_code: 400, server_error_id: 'api.command.duplicate_trigger.app_error' });
    const edited = await admin.editCommand({ ...cmd, url: 'http://127.0.0.1:9/moved' });
    expect(edited).toMatchObject({ url: 'http://127.0.0.1:9/moved', token: cmd.token, create_at: cmd.create_at });
    expect((await admin.getCustomTeamCommands(team.id)).map((c) => c.id)).toEqual([cmd.id]);
    const member = fake.addUser({ username: 'member.only' });
    expect(await rejection(clientFor(fake, member.token).getCustomTeamCommands(team.id))).toMatchObject({ status_code: 403 });
    // Nothing listens on port 9: the server reports the command as failed.
    fake.addMember(fake.triageChannelId, member.id);
    await expect(fake.runSlashCommand({ userId: member.id, channelId: fake.triageChannelId, command: '/queue now' })).rejects.toMatchObject({ id: 'api.command.execute_command.failed.app_error' });
    expect(fake.commandCalls.at(-1)).toMatchObject({ url: 'http://127.0.0.1:9/moved', form: { command: '/queue', text: 'now', token: cmd.token } });
  });

  it('pins: readers of the channel pin and unpin; /pinned lists them', async () => {
    const bot = clientFor(fake, fake.botToken);
    const post = await bot.createPost({ channel_id: fake.triageChannelId, message: 'pin me' } as Post);
    await bot.pinPost(post.id);
    const list = await bot.getPinnedPosts(fake.triageChannelId);
    expect(list.order).toEqual([post.id]);
    expect(list.posts[post.id]).toMatchObject({ is_pinned: true, message: 'pin me' });
    // Editing the message keeps it pinned.
    await bot.patchPost({ id: post.id, message: 'edited' });
    expect(fake.pinned(fake.triageChannelId).map((p) => p.message)).toEqual(['edited']);
    await bot.unpinPost(post.id);
    expect((await bot.getPinnedPosts(fake.triageChannelId)).order).toEqual([]);
  });

  it('config and usernames: admins read ServiceSettings; unknown usernames are left out', async () => {
    const config = await admin.getConfig();
    expect(config.ServiceSettings).toMatchObject({ EnableBotAccountCreation: true, AllowedUntrustedInternalConnections: '' });
    const nurse = fake.addUser({ username: 'reader' });
    expect(await rejection(clientFor(fake, nurse.token).getConfig())).toMatchObject({ status_code: 403 });
    expect((await admin.getProfilesByUsernames(['reader', 'ghost'])).map((u) => u.username)).toEqual(['reader']);
  });
});
