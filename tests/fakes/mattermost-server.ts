// A protocol-faithful fake Mattermost server for tests.
//
// It listens on 127.0.0.1 (random port) and speaks Mattermost's REST API v4 and
// websocket protocol closely enough that the real `@mattermost/client` SDK
// (Client4 + WebSocketClient) talks to it unmodified. Everything is in memory.
//
// Behaviour worth knowing (all taken from the Mattermost server source):
//  * `status_change` is scoped to the user whose status changed (broadcast.user_id),
//    so a bot does NOT hear nurses' status changes over its websocket. Poll
//    POST /users/status/ids instead. `statusChangeScope: 'all'` opts into fan-out.
//  * API output and websocket events strip `integration` (url + context) from
//    interactive actions; `fake.posts()` returns the stored posts with it intact.
//  * Action ids must match [A-Za-z0-9]+ or the click route 404s; ids are
//    generated for actions that have none.
//  * Adding/removing channel members through the API creates system posts
//    (type system_add_to_channel, ...) that arrive as `posted` events.
//  * Posts by bot users get props.from_bot = "true".
//  * Teams: the start-up team, plus any made with POST /teams. Fixture users (addUser) and the
//    start-up bot are members of the start-up team; adding someone to a channel of a team they
//    are not on is 404 app.team.get_member.missing.app_error, as on the server. Creating a team
//    does not make its default channels (town-square, off-topic).
//  * Admin endpoints used by `carerelay mattermost setup`, modelled on server 10.x/11.x
//    (api4 team.go, bot.go, user.go tokens, config.go, command.go, post.go pins; app bot.go,
//    session.go, command.go): POST /teams, GET /teams/{id}/members/{user_id},
//    POST /teams/{id}/members, POST /bots (needs EnableBotAccountCreation, default off as on the
//    server), GET /bots/{id}, POST /bots/{id}/enable|disable, POST /users/usernames,
//    POST|GET /users/{id}/tokens (bots need no EnableUserAccessTokens), GET /config,
//    POST|GET /commands, PUT /commands/{id}, POST /posts/{id}/pin|unpin, GET /channels/{id}/pinned.
//    Creating a bot does not post the "add me to teams" DM the server sends its owner.
//  * Slash commands: `runSlashCommand` plays the server's side of a user typing one (see
//    ./mattermost/commands.ts); `in_channel` responses are not posted, ephemeral ones are.
//
// Helpers live in ./mattermost/.

import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ACTION_ID_RE, doPostAction, type ActionCall, type PostActionIntegrationResponse } from './mattermost/actions.js';
import { executeCommand, type CommandCall, type CommandResponse } from './mattermost/commands.js';
import { AppError } from './mattermost/errors.js';
import {
  clone,
  type FakeServiceSettings,
  type StoredAccessToken,
  type StoredBot,
  type StoredCommand,
  type StoredTeam,
  type ChannelType,
  type StatusValue,
  type StoredChannel,
  type StoredMember,
  type StoredPost,
  type StoredUser,
} from './mattermost/model.js';
import { RestApi, type DownStyle, type FailRule, type RecordedRequest } from './mattermost/rest.js';
import { FakeState } from './mattermost/state.js';
import { WsHub, type ClientMessage, type SentEvent } from './mattermost/ws-hub.js';
import { waitFor } from '../helpers/wait-for.js';

export { AppError } from './mattermost/errors.js';
export type { ActionCall, PostActionIntegrationRequest, PostActionIntegrationResponse } from './mattermost/actions.js';
export type { ChannelType, FakeServiceSettings, StatusValue, StoredBot, StoredChannel, StoredMember, StoredPost, StoredTeam, StoredUser } from './mattermost/model.js';
export type { RecordedRequest, FailRule, DownStyle } from './mattermost/rest.js';
export type { CommandCall, CommandResponse } from './mattermost/commands.js';
export type { SentEvent, ClientMessage } from './mattermost/ws-hub.js';

export interface FakeMattermostOptions {
  /** Team name (URL slug). Default "clinic". */
  teamName?: string;
  teamDisplayName?: string;
  /** Bot account username. Default "carerelay". */
  botUsername?: string;
  /** Fixed bot token; default random 26-char id. */
  botToken?: string;
  /** Give the bot system_admin (skips the fake's permission checks). Default false. */
  botIsSystemAdmin?: boolean;
  /** Channel created at start-up with the bot as member; `false` for none. Default { name: "triage", type: "O" }. */
  triageChannel?: { name?: string; displayName?: string; type?: ChannelType } | false;
  /** Who receives `status_change`: "user" (upstream: only the user's own sockets) or "all". Default "user". */
  statusChangeScope?: 'user' | 'all';
  /** Emit system posts when members are added/removed through the API. Default true. */
  systemMessages?: boolean;
  /** X-Version-Id / hello server_version. */
  serverVersion?: string;
  /** Close sockets that have not authenticated after this long (server: 5 s). */
  wsAuthTimeoutMs?: number;
  /** OutgoingIntegrationRequestsTimeout for button callbacks (server default 30 s). */
  actionTimeoutMs?: number;
  /**
   * POST /channels/{id}/members accepts `user_ids` (several users at once). `false` behaves
   * like servers without mattermost PR #28976 (e.g. 9.9.1, issue #28210): only `user_id`
   * is read, so a batch is answered 400 api.context.invalid_body_param.app_error. Default true.
   */
  batchChannelMembers?: boolean;
  /** ServiceSettings the fake acts on; defaults are the server's (bot account creation off). */
  serviceSettings?: Partial<FakeServiceSettings>;
}

export interface FakeUser extends StoredUser {}

export interface ClickButtonInput {
  postId: string;
  actionId: string;
  userId: string;
  /** For `select` actions: becomes context.selected_option. */
  selectedOption?: string;
}

export interface FakeMattermost {
  /** http://127.0.0.1:PORT (pass to Client4.setUrl). */
  readonly url: string;
  /** ws://127.0.0.1:PORT/api/v4/websocket */
  readonly wsUrl: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botUsername: string;
  readonly teamId: string;
  readonly teamName: string;
  /** Id/name of the start-up triage channel ("" when disabled). */
  readonly triageChannelId: string;
  readonly triageChannelName: string;

  addUser(input: {
    username: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    status?: StatusValue;
    isBot?: boolean;
    roles?: string;
    /** Channel ids to join silently. */
    channels?: string[];
  }): FakeUser;
  /** Changes ServiceSettings (as the System Console would). */
  setServiceSettings(patch: Partial<FakeServiceSettings>): void;
  teams(): StoredTeam[];
  /** Member user ids of a team (active memberships). */
  teamMembers(teamId: string): string[];
  bots(): StoredBot[];
  /** Personal access tokens, token values included (the API shows them only once). */
  accessTokens(): StoredAccessToken[];
  /** Creates a channel silently (fixture); members are joined without system posts. */
  addChannel(input: {
    name: string;
    displayName?: string;
    type?: ChannelType;
    members?: string[];
    creatorId?: string;
    header?: string;
    purpose?: string;
  }): StoredChannel;
  /** Adds a member; `announce` makes it behave like the API (system post + user_added). */
  addMember(channelId: string, userId: string, opts?: { actorId?: string; announce?: boolean }): void;
  removeMember(channelId: string, userId: string, opts?: { actorId?: string; announce?: boolean }): void;
  /** Sets a status like PUT /users/{id}/status and publishes `status_change`. */
  setStatus(userId: string, status: StatusValue, opts?: { manual?: boolean }): void;
  /** Creates a post as that user (e.g. a nurse) and publishes `posted`. */
  postAs(userId: string, channelId: string, message: string, props?: Record<string, unknown>, opts?: { rootId?: string }): StoredPost;
  /** Plays the server's side of a user typing `/trigger text` in a channel; resolves to the command's response. */
  runSlashCommand(input: { userId: string; channelId: string; command: string }): Promise<CommandResponse>;
  /** Requests made to slash command URLs. */
  readonly commandCalls: CommandCall[];
  commands(): StoredCommand[];
  /** Pinned posts of a channel, oldest first. */
  pinned(channelId: string): StoredPost[];
  /** Plays the server side of a button click; resolves to the integration's parsed response. */
  clickButton(input: ClickButtonInput): Promise<PostActionIntegrationResponse>;

  posts(channelId?: string): StoredPost[];
  post(postId: string): StoredPost | undefined;
  channels(): StoredChannel[];
  channel(idOrName: string): StoredChannel | undefined;
  members(channelId: string): string[];
  memberships(channelId: string): StoredMember[];
  users(): FakeUser[];
  user(idOrUsername: string): FakeUser | undefined;
  status(userId: string): { status: StatusValue; manual: boolean; last_activity_at: number };
  /** Live log of REST calls (method, path, query, body, userId, status). */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  /** Button callbacks made to integrations. */
  readonly actionCalls: ActionCall[];
  /** Ephemeral posts sent to users (e.g. ephemeral_text from a button response). */
  readonly ephemerals: Array<{ userId: string; channelId: string; post: Record<string, unknown> }>;
  /** Every websocket event sent, per connection. */
  readonly wsEvents: SentEvent[];
  /** Every websocket request received from clients. */
  readonly wsClientMessages: ClientMessage[];
  /** Every websocket upgrade attempt (url with connection_id / sequence_number / disconnect_err_code). */
  readonly wsUpgrades: Array<{ url: string; authorized: boolean; at: number }>;
  connections(): Array<{ connectionId: string; userId: string; active: boolean }>;

  /** Answer the next `times` matching REST calls with an error. */
  failNext(rule: { method?: string; path: string | RegExp; status: number; id?: string; message?: string; times?: number }): void;
  waitForRequest(match: { method?: string; path: string | RegExp }, timeoutMs?: number): Promise<RecordedRequest>;
  waitForPost(predicate: (post: StoredPost) => boolean, timeoutMs?: number): Promise<StoredPost>;

  /**
   * Outage: REST answers 503 and open websockets are dropped; new ones are refused.
   * style "json" (default): Mattermost error body. "proxy": an nginx HTML 503 page.
   * restart (default true): also forget websocket resumption state, like a server restart.
   */
  down(opts?: { style?: DownStyle; restart?: boolean }): void;
  up(): void;
  readonly isDown: boolean;
  close(): Promise<void>;
}

export async function startFakeMattermost(opts: FakeMattermostOptions = {}): Promise<FakeMattermost> {
  const serverVersion = opts.serverVersion ?? '10.11.0.10.11.0.fakehash.false';
  const state = new FakeState({
    teamName: opts.teamName ?? 'clinic',
    teamDisplayName: opts.teamDisplayName ?? 'Clinic',
    statusChangeScope: opts.statusChangeScope ?? 'user',
    systemMessages: opts.systemMessages ?? true,
    config: {
      SiteURL: '',
      EnableBotAccountCreation: false,
      EnableUserAccessTokens: false,
      EnableCommands: true,
      AllowedUntrustedInternalConnections: '',
      OutgoingIntegrationRequestsTimeout: 30,
      ...opts.serviceSettings,
    },
  });
  const bot = state.addUser({
    username: opts.botUsername ?? 'carerelay',
    firstName: 'CareRelay',
    isBot: true,
    roles: opts.botIsSystemAdmin ? 'system_user system_admin' : 'system_user',
    ...(opts.botToken !== undefined ? { token: opts.botToken } : {}),
    status: 'offline',
  });
  state.addTeamMember(state.team.id, bot.id);
  // Every bot user has its bot row; its token is a personal access token like any bot's.
  state.bots.set(bot.id, { user_id: bot.id, username: bot.username, display_name: bot.first_name, description: bot.bot_description, owner_id: bot.id, create_at: bot.create_at, update_at: bot.create_at, delete_at: 0 });
  state.accessTokens.set(`start-up-${bot.id}`, { id: `start-up-${bot.id}`.slice(0, 26), token: bot.token, user_id: bot.id, description: 'start-up token', is_active: true });
  let triage: StoredChannel | undefined;
  if (opts.triageChannel !== false) {
    const t = opts.triageChannel ?? {};
    triage = state.createChannel({
      teamId: state.team.id,
      name: t.name ?? 'triage',
      displayName: t.displayName ?? 'Triage',
      type: t.type ?? 'O',
      creatorId: bot.id,
    });
    state.addMember(triage.id, bot.id, { admin: true });
  }

  const api = new RestApi(state, { serverVersion, actionTimeoutMs: opts.actionTimeoutMs ?? 30_000, batchChannelMembers: opts.batchChannelMembers ?? true });
  const hub = new WsHub(state, { serverVersion, authTimeoutMs: opts.wsAuthTimeoutMs ?? 5_000 });
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    api.handle(req, res).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (path === '/api/v4/websocket' || path === '/api/v4/websocket/') hub.recordUpgrade(req);
    if (api.down) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (path !== '/api/v4/websocket' && path !== '/api/v4/websocket/') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    hub.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const findUser = (idOrUsername: string): StoredUser | undefined =>
    state.users.get(idOrUsername) ?? state.userByUsername(idOrUsername);

  const poll = <T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> => waitFor(probe, `fake mattermost: ${what}`, { timeoutMs, intervalMs: 10 });

  let closed = false;

  const fake: FakeMattermost = {
    url,
    wsUrl: `ws://127.0.0.1:${port}/api/v4/websocket`,
    botToken: bot.token,
    botUserId: bot.id,
    botUsername: bot.username,
    teamId: state.team.id,
    teamName: state.team.name,
    triageChannelId: triage?.id ?? '',
    triageChannelName: triage?.name ?? '',

    addUser(input) {
      const user = state.addUser({
        username: input.username,
        ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
        ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.isBot !== undefined ? { isBot: input.isBot } : {}),
        ...(input.roles !== undefined ? { roles: input.roles } : {}),
      });
      state.addTeamMember(state.team.id, user.id);
      for (const channelId of input.channels ?? []) state.addMember(channelId, user.id);
      return clone(user);
    },
    addChannel(input) {
      const members = input.members ?? [];
      const creatorId = input.creatorId ?? members[0] ?? bot.id;
      const channel = state.createChannel({
        teamId: state.team.id,
        name: input.name,
        displayName: input.displayName ?? input.name,
        type: input.type ?? 'O',
        creatorId,
        ...(input.header !== undefined ? { header: input.header } : {}),
        ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      });
      for (const userId of members) state.addMember(channel.id, userId, { admin: userId === creatorId });
      return clone(channel);
    },
    addMember(channelId, userId, o = {}) {
      state.addMember(channelId, userId, { ...o });
    },
    removeMember(channelId, userId, o = {}) {
      state.removeMember(channelId, userId, { ...o });
    },
    setStatus(userId, status, o = {}) {
      state.setStatus(userId, status, o.manual ?? status !== 'online');
    },
    postAs(userId, channelId, message, props, o = {}) {
      return clone(
        state.createPost({ channelId, userId, message, ...(props ? { props } : {}), ...(o.rootId ? { rootId: o.rootId } : {}) }),
      );
    },
    runSlashCommand(input) {
      return executeCommand(state, api.commandCalls, { ...input, siteUrl: state.config.SiteURL || url });
    },
    commandCalls: api.commandCalls,
    commands() {
      return [...state.commands.values()].map(clone);
    },
    pinned(channelId) {
      return state
        .postsInChannel(channelId)
        .filter((p) => p.is_pinned)
        .sort((a, b) => a.create_at - b.create_at)
        .map(clone);
    },
    async clickButton(input) {
      if (!ACTION_ID_RE.test(input.actionId)) {
        // The webapp would call /posts/{id}/actions/{action_id:[A-Za-z0-9]+}; anything else 404s.
        throw new AppError('api.context.404.app_error', 404, {
          exposeDetail: true,
          detailedError: `action id "${input.actionId}" is not [A-Za-z0-9]+; Mattermost's action route would not match`,
        });
      }
      const { response } = await doPostAction(state, api.actionCalls, {
        postId: input.postId,
        actionId: input.actionId,
        userId: input.userId,
        ...(input.selectedOption !== undefined ? { selectedOption: input.selectedOption } : {}),
        timeoutMs: opts.actionTimeoutMs ?? 30_000,
      });
      return response;
    },

    posts(channelId) {
      return [...state.posts.values()]
        .filter((p) => channelId === undefined || p.channel_id === channelId)
        .sort((a, b) => a.create_at - b.create_at)
        .map(clone);
    },
    post(postId) {
      const p = state.posts.get(postId);
      return p ? clone(p) : undefined;
    },
    channels() {
      return [...state.channels.values()].map(clone);
    },
    setServiceSettings(patch) {
      Object.assign(state.config, patch);
    },
    teams() {
      return [...state.teams.values()].map(clone);
    },
    teamMembers(teamId) {
      return [...(state.teamMembers.get(teamId)?.values() ?? [])].filter((m) => m.delete_at === 0).map((m) => m.user_id);
    },
    bots() {
      return [...state.bots.values()].map(clone);
    },
    accessTokens() {
      return [...state.accessTokens.values()].map(clone);
    },
    channel(idOrName) {
      // By id, or by name: the start-up team's first, then any other team's.
      const c =
        state.channels.get(idOrName) ??
        state.channelByName(state.team.id, idOrName) ??
        [...state.teams.keys()].map((teamId) => state.channelByName(teamId, idOrName)).find((found) => found !== undefined);
      return c ? clone(c) : undefined;
    },
    members(channelId) {
      return state.memberIds(channelId);
    },
    memberships(channelId) {
      return [...(state.members.get(channelId)?.values() ?? [])].map(clone);
    },
    users() {
      return [...state.users.values()].map(clone);
    },
    user(idOrUsername) {
      const u = findUser(idOrUsername);
      return u ? clone(u) : undefined;
    },
    status(userId) {
      const s = state.statusOf(userId);
      return { status: s.status, manual: s.manual, last_activity_at: s.last_activity_at };
    },
    requests: api.requests,
    clearRequests() {
      api.requests.length = 0;
    },
    actionCalls: api.actionCalls,
    ephemerals: state.ephemerals,
    wsEvents: hub.sentEvents,
    wsClientMessages: hub.clientMessages,
    wsUpgrades: hub.upgrades,
    connections() {
      return hub.connections();
    },

    failNext(rule) {
      const r: FailRule = { path: rule.path, status: rule.status, times: rule.times ?? 1 };
      if (rule.method !== undefined) r.method = rule.method;
      if (rule.id !== undefined) r.id = rule.id;
      if (rule.message !== undefined) r.message = rule.message;
      api.failRules.push(r);
    },
    waitForRequest(match, timeoutMs = 5_000) {
      const test = (r: RecordedRequest) =>
        (!match.method || r.method === match.method.toUpperCase()) &&
        (typeof match.path === 'string' ? r.path === match.path : match.path.test(r.path)) &&
        r.status !== 0;
      return poll(() => api.requests.find(test), timeoutMs, `request ${match.method ?? '*'} ${String(match.path)}`);
    },
    waitForPost(predicate, timeoutMs = 5_000) {
      return poll(
        () => {
          const p = [...state.posts.values()].find(predicate);
          return p ? clone(p) : undefined;
        },
        timeoutMs,
        'a matching post',
      );
    },

    down(o = {}) {
      api.down = o.style ?? 'json';
      hub.dropAll(o.restart ?? true);
    },
    up() {
      api.down = null;
    },
    get isDown() {
      return api.down !== null;
    },
    async close() {
      if (closed) return;
      closed = true;
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
  return fake;
}
