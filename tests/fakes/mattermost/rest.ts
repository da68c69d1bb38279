// REST API v4 of the fake Mattermost (server/channels/api4/*.go, web/handlers.go).
//
// Response conventions copied from the server:
//  * `Content-Type: application/json` exactly (Client4 only parses JSON when the header
//    equals that string), plus `X-Request-Id` and `X-Version-Id`; GETs also get `Expires: 0`.
//  * Errors are AppError JSON with detailed_error wiped (non-developer mode).
//  * Unknown /api/v4 paths: 404 api.context.404.app_error; a known path with the wrong
//    method: 405 with an empty body (gorilla/mux behaviour).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { doPostAction, type ActionCall } from './actions.js';
import { AppError, errors } from './errors.js';
import { isValidId, newId } from './ids.js';
import {
  accessTokenJson,
  botJson,
  channelJson,
  commandJson,
  isRecord,
  memberJson,
  statusJson,
  teamJson,
  teamMemberJson,
  userJson,
  type StatusValue,
  type StoredCommand,
  type StoredTeam,
  type StoredUser,
} from './model.js';
import type { CommandCall } from './commands.js';
import type { FakeState } from './state.js';
import { tokenFromHeader } from './ws-hub.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  userId: string | null;
  status: number;
  at: number;
}

export interface FailRule {
  method?: string;
  path: string | RegExp;
  status: number;
  id?: string;
  message?: string;
  times: number;
}

export type DownStyle = 'json' | 'proxy';

interface Ctx {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  user: StoredUser;
}

interface Reply {
  status: number;
  body: unknown;
}

type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

interface Route {
  method: string;
  re: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
}

const PER_PAGE_DEFAULT = 60;
const PER_PAGE_MAX = 200;
const STATUSES: StatusValue[] = ['online', 'away', 'dnd', 'offline', 'ooo'];

export class RestApi {
  readonly requests: RecordedRequest[] = [];
  readonly actionCalls: ActionCall[] = [];
  readonly commandCalls: CommandCall[] = [];
  readonly failRules: FailRule[] = [];
  down: DownStyle | null = null;
  private readonly routes: Route[] = [];

  constructor(
    private readonly state: FakeState,
    private readonly opts: { serverVersion: string; actionTimeoutMs: number; batchChannelMembers: boolean },
  ) {
    this.defineRoutes();
  }

  // --- dispatch -------------------------------------------------------------------

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newId();
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      /* keep the raw text; handlers reject it */
    }
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      userId: null,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);

    const send = (status: number, payload: unknown): void => {
      record.status = status;
      res.statusCode = status;
      res.setHeader('X-Request-Id', requestId);
      res.setHeader('X-Version-Id', this.opts.serverVersion);
      if (payload === undefined) return void res.end();
      res.setHeader('Content-Type', 'application/json');
      if (method === 'GET') res.setHeader('Expires', '0');
      res.end(JSON.stringify(payload));
    };
    const sendError = (err: AppError): void => send(err.statusCode, err.toJson(requestId));

    if (this.down === 'proxy') {
      record.status = 503;
      res.writeHead(503, { 'Content-Type': 'text/html' });
      return void res.end('<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>\n');
    }
    if (this.down === 'json') return sendError(errors.serverBusy());

    const rule = this.failRules.find(
      (r) => r.times > 0 && (!r.method || r.method.toUpperCase() === method) && matchPath(r.path, url.pathname),
    );
    if (rule) {
      rule.times--;
      const err = new AppError(rule.id ?? 'fake.injected_failure.app_error', rule.status);
      const json = err.toJson(requestId);
      if (rule.message) json.message = rule.message;
      return send(rule.status, json);
    }

    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.re.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
      try {
        let user: StoredUser | undefined;
        if (route.auth) {
          const token = tokenFromHeader(req.headers.authorization) || url.searchParams.get('access_token') || '';
          user = this.state.userByToken(token);
          if (!user) throw errors.sessionExpired(token ? `token=${token}` : 'UserRequired');
          record.userId = user.id;
        }
        const reply = await route.handler({ req, params, query: url.searchParams, body, user: user as StoredUser });
        return send(reply.status, reply.body);
      } catch (err) {
        if (err instanceof AppError) return sendError(err);
        return sendError(new AppError('app.internal_error', 500, { detailedError: String(err) }));
      }
    }
    if (pathMatched) return send(405, undefined);
    return sendError(errors.notFoundRoute(url.pathname));
  }

  private route(method: string, pattern: string, handler: Handler, auth = true): void {
    const keys: string[] = [];
    const source = pattern.replace(/\{(\w+)(?::([^}]+))?\}/g, (_all, key: string, re?: string) => {
      keys.push(key);
      return `(${re ?? '[^/]+'})`;
    });
    this.routes.push({ method, re: new RegExp(`^/api/v4${source}/?$`), keys, auth, handler });
  }

  // --- routes ---------------------------------------------------------------------

  private defineRoutes(): void {
    const s = this.state;
    const ID = '[A-Za-z0-9]+';

    this.route('GET', '/system/ping', () => ok({ status: 'OK' }), false);

    // users
    this.route('GET', '/users/me', (c) => ok(userJson(c.user, { self: true })));
    this.route('POST', '/users/ids', (c) => {
      const ids = idList(c.body, 'user_ids');
      const users = ids.map((id) => s.users.get(id)).filter((u): u is StoredUser => !!u);
      return ok(users.map((u) => userJson(u, { self: u.id === c.user.id })));
    });
    this.route('POST', '/users/usernames', (c) => {
      const names = Array.isArray(c.body) && c.body.every((n) => typeof n === 'string') ? (c.body as string[]) : null;
      if (!names) throw errors.invalidBodyParam('usernames');
      const users = names.map((n) => s.userByUsername(n)).filter((u): u is StoredUser => !!u);
      return ok(users.map((u) => userJson(u, { self: u.id === c.user.id })));
    });
    // api4/user.go createUserAccessToken / getUserAccessTokensForUser; app: bots need no EnableUserAccessTokens.
    this.route('POST', `/users/{user_id:${ID}}/tokens`, (c) => {
      const userId = userParam(c);
      if (!isRecord(c.body)) throw errors.invalidBodyParam('user_access_token');
      const description = str(c.body['description']);
      if (!description) throw errors.invalidBodyParam('description');
      if (!s.isSystemAdmin(c.user.id)) throw errors.permission('create_user_access_token');
      const user = s.requireUser(userId);
      if (!s.config.EnableUserAccessTokens && !user.is_bot) throw new AppError('app.user_access_token.disabled', 501);
      return ok(accessTokenJson(s.createAccessToken(userId, description), { showToken: true }));
    });
    this.route('GET', `/users/{user_id:${ID}}/tokens`, (c) => {
      const userId = userParam(c);
      if (userId !== c.user.id && !s.isSystemAdmin(c.user.id)) throw errors.permission('read_user_access_token');
      const { page, perPage } = paging(c.query);
      const tokens = [...s.accessTokens.values()].filter((t) => t.user_id === userId).slice(page * perPage, (page + 1) * perPage);
      return ok(tokens.map((t) => accessTokenJson(t, { showToken: false })));
    });
    this.route('POST', '/users/status/ids', (c) => {
      const ids = idList(c.body, 'user_ids');
      return ok(ids.map((id) => statusJson(s.statusOf(id))));
    });
    this.route('GET', '/users/username/{username:[A-Za-z0-9\\_\\-\\.]+}', (c) => {
      const u = s.userByUsername(c.params['username'] ?? '');
      if (!u) throw new AppError('app.user.get_by_username.app_error', 404);
      return ok(userJson(u, { self: u.id === c.user.id }));
    });
    this.route('GET', `/users/{user_id:${ID}}`, (c) => {
      const u = s.requireUser(userParam(c));
      return ok(userJson(u, { self: u.id === c.user.id }));
    });
    this.route('GET', `/users/{user_id:${ID}}/status`, (c) => {
      const u = s.requireUser(userParam(c));
      return ok(statusJson(s.statusOf(u.id)));
    });
    this.route('PUT', `/users/{user_id:${ID}}/status`, (c) => {
      const userId = userParam(c);
      if (!isRecord(c.body) || !STATUSES.includes(c.body['status'] as StatusValue)) throw errors.invalidBodyParam('status');
      if (userId !== c.user.id && !s.isSystemAdmin(c.user.id)) throw errors.permission('edit_other_users');
      s.setStatus(userId, c.body['status'] as StatusValue);
      return ok(statusJson(s.statusOf(userId)));
    });

    // teams (api4/team.go)
    this.route('POST', '/teams', (c) => {
      if (!isRecord(c.body)) throw errors.invalidBodyParam('team');
      // create_team: system users have it while TeamSettings.EnableTeamCreation is on (the default); bots do too.
      const team = s.createTeam({ name: str(c.body['name']), displayName: str(c.body['display_name']), type: str(c.body['type']) || 'O', creatorId: c.user.id });
      return { status: 201, body: teamJson(team) };
    });
    this.route('GET', '/teams/name/{team_name:[A-Za-z0-9\\-]+}', (c) => {
      const team = s.teamByName(c.params['team_name'] ?? '');
      if (!team) throw new AppError('app.team.get_by_name.missing.app_error', 404);
      return ok(teamJson(this.viewableTeam(c, team)));
    });
    this.route('GET', `/teams/{team_id:${ID}}`, (c) => ok(teamJson(this.viewableTeam(c, s.requireTeam(idParam(c, 'team_id'))))));
    this.route('GET', `/teams/{team_id:${ID}}/members/{user_id:${ID}}`, (c) => {
      const team = this.viewableTeam(c, s.requireTeam(idParam(c, 'team_id')));
      const member = s.teamMembers.get(team.id)?.get(userParam(c));
      if (!member || member.delete_at !== 0) throw new AppError('app.team.get_member.missing.app_error', 404);
      return ok(teamMemberJson(member));
    });
    this.route('POST', `/teams/{team_id:${ID}}/members`, (c) => {
      const teamId = idParam(c, 'team_id');
      if (!isRecord(c.body)) throw new AppError('api.team.add_team_member.invalid_body.app_error', 400);
      if (str(c.body['team_id']) !== teamId) throw errors.invalidUrlParam('team_id');
      const userId = str(c.body['user_id']);
      if (!isValidId(userId)) throw errors.invalidUrlParam('user_id');
      const team = s.requireTeam(teamId);
      if (userId === c.user.id) {
        if (team.type !== 'O' && !s.isSystemAdmin(c.user.id)) throw errors.permission('join_private_teams');
      } else if (!s.isTeamMember(teamId, c.user.id) && !s.isSystemAdmin(c.user.id)) {
        throw errors.permission('add_user_to_team');
      }
      const { member } = s.addTeamMember(teamId, userId);
      return { status: 201, body: teamMemberJson(member) };
    });
    this.route('GET', `/teams/{team_id:${ID}}/channels/name/{channel_name:[A-Za-z0-9_-]+}`, (c) => {
      const teamId = idParam(c, 'team_id');
      const channel = s.channelByName(teamId, c.params['channel_name'] ?? '');
      // A private channel the caller cannot read is reported as missing, not forbidden.
      if (!channel || (channel.type !== 'O' && !s.canRead(c.user.id, channel))) {
        throw new AppError('app.channel.get_by_name.missing.app_error', 404);
      }
      return ok(channelJson(channel));
    });

    // bots (api4/bot.go): creating needs create_bot (system admins) and EnableBotAccountCreation
    this.route('POST', '/bots', (c) => {
      if (!isRecord(c.body)) throw errors.invalidBodyParam('bot');
      if (!s.isSystemAdmin(c.user.id) || c.user.is_bot) throw errors.permission('create_bot');
      if (!s.config.EnableBotAccountCreation) throw new AppError('api.bot.create_disabled', 403);
      const bot = s.createBot(c.user.id, { username: str(c.body['username']), displayName: str(c.body['display_name']), description: str(c.body['description']) });
      return { status: 201, body: botJson(bot) };
    });
    this.route('GET', `/bots/{bot_user_id:${ID}}`, (c) => {
      const bot = s.bots.get(idParam(c, 'bot_user_id'));
      const includeDeleted = c.query.get('include_deleted') === 'true';
      // Not found and not allowed look the same, so a bot's existence does not leak.
      if (!bot || (bot.delete_at !== 0 && !includeDeleted) || (!s.isSystemAdmin(c.user.id) && bot.owner_id !== c.user.id)) {
        throw new AppError('store.sql_bot.get.missing.app_error', 404);
      }
      return ok(botJson(bot));
    });
    for (const [verb, active] of [['enable', true], ['disable', false]] as const) {
      this.route('POST', `/bots/{bot_user_id:${ID}}/${verb}`, (c) => {
        const botId = idParam(c, 'bot_user_id');
        if (!s.isSystemAdmin(c.user.id) && s.bots.get(botId)?.owner_id !== c.user.id) throw errors.permission('manage_bots');
        return ok(botJson(s.setBotActive(botId, active)));
      });
    }

    // custom slash commands (api4/command.go, app/command.go): manage_own_slash_commands is
    // modelled as team admins and system admins (EnableOnlyAdminIntegrations, the old default).
    const mayManageCommands = (userId: string, teamId: string) =>
      s.isSystemAdmin(userId) || (s.teamMembers.get(teamId)?.get(userId)?.scheme_admin ?? false);
    const commandFields = (b: Record<string, unknown>, into: Partial<StoredCommand>) => {
      const trigger = str(b['trigger']).toLowerCase();
      if (!trigger || trigger.startsWith('/') || trigger.length > 128 || /\s/.test(trigger)) throw new AppError('model.command.is_valid.trigger.app_error', 400);
      const url = str(b['url']);
      if (!/^https?:\/\/\S+$/.test(url)) throw new AppError('model.command.is_valid.url.app_error', 400);
      const method = str(b['method']).toUpperCase();
      if (method !== 'P' && method !== 'G') throw new AppError('model.command.is_valid.method.app_error', 400);
      Object.assign(into, {
        trigger,
        url,
        method,
        username: str(b['username']),
        icon_url: str(b['icon_url']),
        auto_complete: b['auto_complete'] === true,
        auto_complete_desc: str(b['auto_complete_desc']),
        auto_complete_hint: str(b['auto_complete_hint']),
        display_name: str(b['display_name']),
        description: str(b['description']),
      });
    };
    this.route('POST', '/commands', (c) => {
      if (!isRecord(c.body)) throw errors.invalidBodyParam('command');
      const teamId = str(c.body['team_id']);
      if (!s.teams.has(teamId) || !mayManageCommands(c.user.id, teamId)) throw errors.permission('manage_own_slash_commands');
      if (!s.config.EnableCommands) throw new AppError('api.command.disabled.app_error', 501);
      const now = s.clock.now();
      const cmd = { id: newId(), token: newId(), create_at: now, update_at: now, delete_at: 0, creator_id: c.user.id, team_id: teamId } as StoredCommand;
      commandFields(c.body, cmd);
      if ([...s.commands.values()].some((o) => o.team_id === teamId && o.trigger === cmd.trigger && o.delete_at === 0)) {
        throw new AppError('api.command.duplicate_trigger.app_error', 400);
      }
      s.commands.set(cmd.id, cmd);
      return { status: 201, body: commandJson(cmd) };
    });
    this.route('GET', '/commands', (c) => {
      const teamId = c.query.get('team_id') ?? '';
      if (!teamId) throw errors.invalidUrlParam('team_id');
      if (!s.isTeamMember(teamId, c.user.id) && !s.isSystemAdmin(c.user.id)) throw errors.permission('view_team');
      // Built-in commands are not modelled: the list holds the team's custom commands.
      if (c.query.get('custom_only') === 'true' && !mayManageCommands(c.user.id, teamId)) throw errors.permission('manage_own_slash_commands');
      const list = mayManageCommands(c.user.id, teamId) ? [...s.commands.values()].filter((o) => o.team_id === teamId && o.delete_at === 0) : [];
      return ok(list.map(commandJson));
    });
    this.route('PUT', `/commands/{command_id:${ID}}`, (c) => {
      const id = idParam(c, 'command_id');
      if (!isRecord(c.body) || str(c.body['id']) !== id) throw errors.invalidBodyParam('command');
      const old = s.commands.get(id);
      if (!old || old.delete_at !== 0 || !mayManageCommands(c.user.id, old.team_id)) throw new AppError('api.command.command_not_found.app_error', 404);
      if (str(c.body['team_id']) !== old.team_id) throw new AppError('api.command.team_mismatch.app_error', 400);
      if (!s.config.EnableCommands) throw new AppError('api.command.disabled.app_error', 501);
      // UpdateCommand keeps id, token, create_at, creator and team; the rest comes from the body.
      const updated = { ...old };
      commandFields(c.body, updated);
      updated.update_at = s.clock.now();
      s.commands.set(id, updated);
      return ok(commandJson(updated));
    });

    // config (api4/config.go): the whole config for those who may read the System Console
    this.route('GET', '/config', (c) => {
      if (!s.isSystemAdmin(c.user.id)) throw errors.permission('sysconsole_read_*');
      return ok({ ServiceSettings: { ...s.config }, TeamSettings: { EnableTeamCreation: true, EnableUserCreation: true } });
    });

    // channels
    this.route('POST', '/channels', (c) => {
      if (!isRecord(c.body)) throw errors.invalidBodyParam('channel');
      const b = c.body;
      // create_public_channel / create_private_channel are team permissions: team members (and admins) only.
      if (s.teams.has(str(b['team_id'])) && !s.isTeamMember(str(b['team_id']), c.user.id) && !s.isSystemAdmin(c.user.id)) {
        throw errors.permission(str(b['type']) === 'P' ? 'create_private_channel' : 'create_public_channel');
      }
      const channel = s.createChannel({
        teamId: str(b['team_id']),
        name: str(b['name']),
        displayName: str(b['display_name']),
        type: str(b['type']) || 'O',
        creatorId: c.user.id,
        header: str(b['header']),
        purpose: str(b['purpose']),
      });
      s.addMember(channel.id, c.user.id, { admin: true });
      s.publisher({ event: 'channel_created', data: { channel_id: channel.id, team_id: channel.team_id }, broadcast: { user_id: c.user.id } });
      return { status: 201, body: channelJson(channel) };
    });
    this.route('GET', `/channels/{channel_id:${ID}}`, (c) => ok(channelJson(this.readableChannel(c))));
    this.route('GET', `/channels/{channel_id:${ID}}/members`, (c) => {
      const channel = this.readableChannel(c);
      const { page, perPage } = paging(c.query);
      const members = [...(s.members.get(channel.id)?.values() ?? [])].slice(page * perPage, (page + 1) * perPage);
      return ok(members.map(memberJson));
    });
    this.route('GET', `/channels/{channel_id:${ID}}/members/{user_id:${ID}}`, (c) => {
      const channel = this.readableChannel(c);
      const member = s.members.get(channel.id)?.get(userParam(c));
      if (!member) throw new AppError('app.channel.get_member.missing.app_error', 404);
      return ok(memberJson(member));
    });
    this.route('POST', `/channels/{channel_id:${ID}}/members`, (c) => {
      const channelId = idParam(c, 'channel_id');
      if (!isRecord(c.body)) throw errors.invalidBodyParam('user_id');
      const single = c.body['user_id'];
      // Servers before mattermost PR #28976 (MM-60886) only read `user_id`: a `user_ids`
      // body is answered 400 "Invalid or missing user_id in request body." (issue #28210).
      const many = this.opts.batchChannelMembers ? c.body['user_ids'] : undefined;
      const userIds = typeof single === 'string' && single !== '' ? [single] : Array.isArray(many) ? many : null;
      if (!userIds || userIds.length === 0 || !userIds.every(isValidId)) throw errors.invalidBodyParam('user_id');
      const channel = s.requireChannel(channelId);
      // App.AddChannelMember: someone not on the channel's team is app.team.get_member.missing (404).
      for (const id of userIds) if (!s.isTeamMember(channel.team_id, id)) throw new AppError('app.team.get_member.missing.app_error', 404);
      const selfJoin = userIds.length === 1 && userIds[0] === c.user.id && channel.type === 'O';
      if (!selfJoin && !s.isMember(channel.id, c.user.id) && !s.isSystemAdmin(c.user.id)) {
        throw errors.permission(channel.type === 'O' ? 'manage_public_channel_members' : 'manage_private_channel_members');
      }
      const members = userIds.map((id) => s.addMember(channel.id, id, { actorId: c.user.id, announce: true }).member);
      return { status: 201, body: typeof single === 'string' && single !== '' ? memberJson(members[0]!) : members.map(memberJson) };
    });
    this.route('DELETE', `/channels/{channel_id:${ID}}/members/{user_id:${ID}}`, (c) => {
      const channel = s.requireChannel(idParam(c, 'channel_id'));
      const userId = userParam(c);
      if (userId !== c.user.id && !s.isMember(channel.id, c.user.id) && !s.isSystemAdmin(c.user.id)) {
        throw errors.permission(channel.type === 'O' ? 'manage_public_channel_members' : 'manage_private_channel_members');
      }
      s.removeMember(channel.id, userId, { actorId: c.user.id, announce: true });
      return ok({ status: 'OK' });
    });
    this.route('GET', `/channels/{channel_id:${ID}}/posts`, (c) => ok(this.postList(c)));
    // api4/channel.go getPinnedPosts: a PostList of the channel's pinned posts, newest first.
    this.route('GET', `/channels/{channel_id:${ID}}/pinned`, (c) => {
      const channel = this.readableChannel(c);
      const pinned = s.postsInChannel(channel.id).filter((p) => p.is_pinned).sort((a, b) => b.create_at - a.create_at);
      const posts: Record<string, unknown> = {};
      for (const p of pinned) posts[p.id] = s.clientPost(p);
      return ok({ order: pinned.map((p) => p.id), posts, next_post_id: '', prev_post_id: '', has_next: false, first_inaccessible_post_time: 0 });
    });

    // posts
    this.route('POST', '/posts', (c) => {
      if (!isRecord(c.body)) throw errors.invalidBodyParam('post');
      const b = c.body;
      const channelId = str(b['channel_id']);
      if (!isValidId(channelId)) throw errors.invalidBodyParam('channel_id');
      if (!s.channels.has(channelId)) throw errors.permission('create_post');
      if (b['props'] !== undefined && b['props'] !== null && !isRecord(b['props'])) throw errors.invalidBodyParam('post');
      const post = s.createPost({
        channelId,
        userId: c.user.id,
        message: str(b['message']),
        rootId: str(b['root_id']),
        props: isRecord(b['props']) ? b['props'] : {},
        fileIds: Array.isArray(b['file_ids']) ? b['file_ids'].filter((x): x is string => typeof x === 'string') : [],
        pendingPostId: str(b['pending_post_id']),
      });
      return { status: 201, body: s.clientPost(post) };
    });
    this.route('GET', `/posts/{post_id:${ID}}`, (c) => {
      const post = s.requirePost(idParam(c, 'post_id'));
      if (!s.canRead(c.user.id, s.requireChannel(post.channel_id))) throw errors.permission('read_channel_content');
      return ok(s.clientPost(post));
    });
    this.route('PUT', `/posts/{post_id:${ID}}/patch`, (c) => {
      const post = s.requirePost(idParam(c, 'post_id'));
      if (!isRecord(c.body)) throw errors.invalidBodyParam('post');
      const b = c.body;
      const mine = post.user_id === c.user.id && s.isMember(post.channel_id, c.user.id);
      if (!mine && !s.isSystemAdmin(c.user.id)) throw errors.permission(post.user_id === c.user.id ? 'edit_post' : 'edit_others_posts');
      // Post.Patch: only the fields present are applied; props replace the old props wholesale.
      const updated = s.updatePost(post.id, {
        message: typeof b['message'] === 'string' ? b['message'] : post.message,
        props: isRecord(b['props']) ? b['props'] : post.props,
        isPinned: typeof b['is_pinned'] === 'boolean' ? b['is_pinned'] : post.is_pinned,
      });
      return ok(s.clientPost(updated));
    });
    // api4/post.go saveIsPinnedPost: anyone who can read the channel; a patch of is_pinned (post_edited).
    for (const [verb, pinned] of [['pin', true], ['unpin', false]] as const) {
      this.route('POST', `/posts/{post_id:${ID}}/${verb}`, (c) => {
        const post = s.requirePost(idParam(c, 'post_id'));
        if (!s.canRead(c.user.id, s.requireChannel(post.channel_id))) throw errors.permission('read_channel_content');
        s.updatePost(post.id, { message: post.message, props: post.props, isPinned: pinned });
        return ok({ status: 'OK' });
      });
    }
    this.route('POST', `/posts/{post_id:${ID}}/actions/{action_id:[A-Za-z0-9]+}`, async (c) => {
      const postId = idParam(c, 'post_id');
      const selected = isRecord(c.body) && typeof c.body['selected_option'] === 'string' ? c.body['selected_option'] : '';
      const { triggerId } = await doPostAction(this.state, this.actionCalls, {
        postId,
        actionId: c.params['action_id'] ?? '',
        userId: c.user.id,
        selectedOption: selected,
        timeoutMs: this.opts.actionTimeoutMs,
      });
      return ok({ status: 'OK', trigger_id: triggerId });
    });
  }

  /**
   * getTeam / getTeamByName / getTeamMember: view_team, i.e. team members and admins (the
   * server also lets anyone see an open team with allow_open_invite, which the fake's teams never have).
   */
  private viewableTeam(c: Ctx, team: StoredTeam): StoredTeam {
    if (!this.state.isTeamMember(team.id, c.user.id) && !this.state.isSystemAdmin(c.user.id)) throw errors.permission('view_team');
    return team;
  }

  private readableChannel(c: Ctx) {
    const channel = this.state.requireChannel(idParam(c, 'channel_id'));
    if (!this.state.canRead(c.user.id, channel)) {
      throw errors.permission(channel.type === 'O' ? 'read_public_channel' : 'read_channel');
    }
    return channel;
  }

  /** GET /channels/{id}/posts: a PostList, newest first, with page/per_page, since, before and after. */
  private postList(c: Ctx): Record<string, unknown> {
    const s = this.state;
    const channel = this.readableChannel(c);
    const collapsed = c.query.get('collapsedThreads') === 'true';
    const all = s
      .postsInChannel(channel.id)
      .filter((p) => !collapsed || p.root_id === '')
      .sort((a, b) => b.create_at - a.create_at);
    const { page, perPage } = paging(c.query);
    let selected = all;
    let hasNext = false;
    const since = Number(c.query.get('since') ?? NaN);
    const before = c.query.get('before') ?? '';
    const after = c.query.get('after') ?? '';
    if (Number.isFinite(since)) {
      selected = all.filter((p) => p.update_at > since);
    } else if (before || after) {
      const index = all.findIndex((p) => p.id === (before || after));
      if (index < 0) selected = [];
      else if (before) selected = all.slice(index + 1).slice(page * perPage, (page + 1) * perPage);
      else {
        const newer = all.slice(0, index);
        const end = newer.length - page * perPage;
        selected = newer.slice(Math.max(0, end - perPage), Math.max(0, end));
        hasNext = end - perPage > 0;
      }
    } else {
      selected = all.slice(page * perPage, (page + 1) * perPage);
    }
    const posts: Record<string, unknown> = {};
    for (const p of selected) posts[p.id] = s.clientPost(p);
    if (c.query.get('skipFetchThreads') !== 'true') {
      for (const p of selected) {
        const root = p.root_id ? s.posts.get(p.root_id) : undefined;
        if (root && !posts[root.id]) posts[root.id] = s.clientPost(root);
      }
    }
    const first = selected[0];
    const last = selected[selected.length - 1];
    const newerThanFirst = first ? all[all.indexOf(first) - 1] : undefined;
    const olderThanLast = last ? all[all.indexOf(last) + 1] : undefined;
    return {
      order: selected.map((p) => p.id),
      posts,
      next_post_id: newerThanFirst?.id ?? '',
      prev_post_id: olderThanLast?.id ?? '',
      has_next: hasNext,
      first_inaccessible_post_time: 0,
    };
  }
}

// --- helpers -----------------------------------------------------------------------

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function idParam(c: Ctx, name: string): string {
  const value = c.params[name] ?? '';
  if (!isValidId(value)) throw errors.invalidUrlParam(name);
  return value;
}

function userParam(c: Ctx): string {
  return c.params['user_id'] === 'me' ? c.user.id : idParam(c, 'user_id');
}

function idList(body: unknown, name: string): string[] {
  if (!Array.isArray(body) || body.length === 0 || !body.every(isValidId)) throw errors.invalidBodyParam(name);
  return body;
}

function paging(query: URLSearchParams): { page: number; perPage: number } {
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);
  const raw = Number.parseInt(query.get('per_page') ?? '', 10);
  const perPage = Number.isFinite(raw) && raw > 0 ? Math.min(raw, PER_PAGE_MAX) : PER_PAGE_DEFAULT;
  return { page, perPage };
}

function matchPath(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? path === pattern : pattern.test(path);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

