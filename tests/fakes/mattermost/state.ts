// In-memory "database" of the fake Mattermost plus the app-layer behaviour that
// both the REST API and the test controller share (posting, membership changes,
// status changes) and the websocket events each of them publishes.

import { AppError, errors } from './errors.js';
import { MonotonicClock, newId } from './ids.js';
import {
  actionsOf,
  attachmentsOf,
  clone,
  parseHashtags,
  postJson,
  type ChannelType,
  type FakeServiceSettings,
  type StatusValue,
  type StoredAccessToken,
  type StoredBot,
  type StoredChannel,
  type StoredCommand,
  type StoredMember,
  type StoredTeamMember,
  type StoredPost,
  type StoredStatus,
  type StoredTeam,
  type StoredUser,
} from './model.js';

export interface Broadcast {
  omit_users: Record<string, boolean> | null;
  user_id: string;
  channel_id: string;
  team_id: string;
  connection_id: string;
  omit_connection_id: string;
}

export interface EventSpec {
  event: string;
  data: Record<string, unknown>;
  broadcast: Partial<Broadcast>;
  /** Per-recipient additions, like the server's broadcast hooks (e.g. `mentions` on `posted`). */
  dataFor?: (userId: string) => Record<string, unknown> | undefined;
}

export interface StateOptions {
  teamName: string;
  teamDisplayName: string;
  statusChangeScope: 'user' | 'all';
  systemMessages: boolean;
  config: FakeServiceSettings;
}

export interface CreatePostInput {
  channelId: string;
  userId: string;
  message: string;
  rootId?: string;
  props?: Record<string, unknown>;
  fileIds?: string[];
  pendingPostId?: string;
  type?: string;
}

/**
 * model.PostMessageMaxRunesV2: the default MaxPostSize (the store reports
 * max(column bytes / 4, 16383)). Post.IsValid counts runes (utf8.RuneCountInString) and
 * refuses longer messages with 400 model.post.is_valid.message_length.app_error
 * {Length, MaxLength}; api4 checks edits and patches the same way.
 */
const MAX_MESSAGE_RUNES = 16383;

function checkMessageLength(message: string): void {
  const length = [...message].length;
  if (length > MAX_MESSAGE_RUNES) {
    throw new AppError('model.post.is_valid.message_length.app_error', 400, { params: { Length: String(length), MaxLength: String(MAX_MESSAGE_RUNES) } });
  }
}
const CHANNEL_NAME_RE = /^[a-z0-9]+([a-z0-9_-]*[a-z0-9]+)*$/;
/** model.IsValidTeamName: 2-64 of a-z 0-9 -, starting with a letter, not ending with '-' (plus reserved names). */
const TEAM_NAME_RE = /^[a-z][a-z0-9-]*[a-z0-9]$/;
const RESERVED_TEAM_NAMES = new Set(['admin', 'api', 'channel', 'claim', 'error', 'files', 'help', 'landing', 'login', 'mfa', 'oauth', 'plug', 'plugins', 'post', 'signup', 'boards', 'playbooks']);
/** model.IsValidUsername: 3-22 of a-z 0-9 . _ -, starting with a letter. */
const USERNAME_RE = /^[a-z][a-z0-9._-]{2,21}$/;

export class FakeState {
  readonly clock = new MonotonicClock();
  /** The team made at start-up (fixtures' users join it); more come from POST /teams. */
  readonly team: StoredTeam;
  readonly teams = new Map<string, StoredTeam>();
  readonly teamMembers = new Map<string, Map<string, StoredTeamMember>>();
  readonly bots = new Map<string, StoredBot>();
  readonly accessTokens = new Map<string, StoredAccessToken>();
  readonly commands = new Map<string, StoredCommand>();
  readonly users = new Map<string, StoredUser>();
  readonly statuses = new Map<string, StoredStatus>();
  readonly channels = new Map<string, StoredChannel>();
  readonly members = new Map<string, Map<string, StoredMember>>();
  readonly posts = new Map<string, StoredPost>();
  readonly ephemerals: Array<{ userId: string; channelId: string; post: Record<string, unknown> }> = [];
  publisher: (spec: EventSpec) => void = () => {};

  constructor(readonly options: StateOptions) {
    const now = this.clock.now();
    this.team = { id: newId(), create_at: now, update_at: now, name: options.teamName, display_name: options.teamDisplayName, type: 'O' };
    this.teams.set(this.team.id, this.team);
    this.teamMembers.set(this.team.id, new Map());
  }

  get config(): FakeServiceSettings {
    return this.options.config;
  }

  // --- teams ------------------------------------------------------------------------

  teamByName(name: string): StoredTeam | undefined {
    for (const t of this.teams.values()) if (t.name === name) return t;
    return undefined;
  }

  requireTeam(teamId: string): StoredTeam {
    const team = this.teams.get(teamId);
    if (!team) throw new AppError('app.team.get.find.app_error', 404);
    return team;
  }

  isTeamMember(teamId: string, userId: string): boolean {
    const m = this.teamMembers.get(teamId)?.get(userId);
    return !!m && m.delete_at === 0;
  }

  /** App.CreateTeamWithUser: validated, unique name, the creator joins as team admin. */
  createTeam(input: { name: string; displayName: string; type: string; creatorId: string }): StoredTeam {
    const name = input.name.toLowerCase();
    if (!input.displayName || [...input.displayName].length > 64) throw new AppError('model.team.is_valid.name.app_error', 400);
    if (name.length < 2 || name.length > 64 || !TEAM_NAME_RE.test(name) || /--/.test(name)) throw new AppError('model.team.is_valid.characters.app_error', 400);
    if (RESERVED_TEAM_NAMES.has(name)) throw new AppError('model.team.is_valid.reserved.app_error', 400);
    if (input.type !== 'O' && input.type !== 'I') throw new AppError('model.team.is_valid.type.app_error', 400);
    if (this.teamByName(name)) throw new AppError('app.team.save.existing.app_error', 400);
    const now = this.clock.now();
    const team: StoredTeam = { id: newId(), create_at: now, update_at: now, name, display_name: input.displayName, type: input.type as 'O' | 'I' };
    this.teams.set(team.id, team);
    this.teamMembers.set(team.id, new Map());
    this.addTeamMember(team.id, input.creatorId, { admin: true });
    return team;
  }

  /** App.AddTeamMember: an existing, active membership is returned as it is. */
  addTeamMember(teamId: string, userId: string, opts: { admin?: boolean } = {}): { member: StoredTeamMember; created: boolean } {
    this.requireTeam(teamId);
    this.requireUser(userId);
    const members = this.teamMembers.get(teamId)!;
    const existing = members.get(userId);
    if (existing && existing.delete_at === 0) return { member: existing, created: false };
    const member: StoredTeamMember = { team_id: teamId, user_id: userId, scheme_admin: opts.admin ?? false, delete_at: 0, create_at: this.clock.now() };
    members.set(userId, member);
    this.publisher({ event: 'added_to_team', data: { team_id: teamId, user_id: userId }, broadcast: { user_id: userId } });
    return { member, created: true };
  }

  // --- bots and access tokens -----------------------------------------------------------

  /** App.CreateBot: a user row (is_bot, email <username>@localhost, first name = display name) plus the bot row. */
  createBot(ownerId: string, input: { username: string; displayName: string; description: string }): StoredBot {
    const username = input.username.toLowerCase();
    if (!USERNAME_RE.test(username)) throw new AppError('model.bot.is_valid.username.app_error', 400);
    if (this.userByUsername(username)) throw new AppError('app.user.save.username_exists.app_error', 400);
    const user = this.addUser({ username, firstName: input.displayName, email: `${username}@localhost`, isBot: true, status: 'offline' });
    user.bot_description = input.description;
    // A bot has no session token of its own until one is created (POST /users/{id}/tokens).
    user.token = '';
    const bot: StoredBot = {
      user_id: user.id,
      username,
      display_name: input.displayName,
      description: input.description,
      owner_id: ownerId,
      create_at: user.create_at,
      update_at: user.create_at,
      delete_at: 0,
    };
    this.bots.set(user.id, bot);
    return bot;
  }

  /** App.UpdateBotActive: the bot and its user are (de)activated together. */
  setBotActive(botUserId: string, active: boolean): StoredBot {
    const bot = this.bots.get(botUserId);
    if (!bot) throw new AppError('store.sql_bot.get.missing.app_error', 404);
    const user = this.requireUser(botUserId);
    const now = this.clock.now();
    bot.delete_at = active ? 0 : now;
    user.delete_at = active ? 0 : now;
    bot.update_at = now;
    return bot;
  }

  createAccessToken(userId: string, description: string): StoredAccessToken {
    const token: StoredAccessToken = { id: newId(), token: newId(), user_id: userId, description, is_active: true };
    this.accessTokens.set(token.id, token);
    return token;
  }

  // --- users & statuses ---------------------------------------------------------

  addUser(input: {
    username: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    isBot?: boolean;
    roles?: string;
    token?: string;
    status?: StatusValue;
  }): StoredUser {
    const username = input.username.toLowerCase();
    if (this.userByUsername(username)) throw new Error(`fake mattermost: username "${username}" already exists`);
    const now = this.clock.now();
    const user: StoredUser = {
      id: newId(),
      create_at: now,
      update_at: now,
      delete_at: 0,
      username,
      email: input.email ?? `${username}@example.test`,
      nickname: '',
      first_name: input.firstName ?? '',
      last_name: input.lastName ?? '',
      position: '',
      roles: input.roles ?? 'system_user',
      locale: 'en',
      is_bot: input.isBot ?? false,
      bot_description: input.isBot ? 'CareRelay bot' : '',
      token: input.token ?? newId(),
    };
    this.users.set(user.id, user);
    const status = input.status ?? 'online';
    this.statuses.set(user.id, {
      user_id: user.id,
      status,
      manual: status !== 'online' && status !== 'offline',
      last_activity_at: now,
    });
    return user;
  }

  userByUsername(username: string): StoredUser | undefined {
    const wanted = username.toLowerCase();
    for (const u of this.users.values()) if (u.username === wanted) return u;
    return undefined;
  }

  userByToken(token: string): StoredUser | undefined {
    if (!token) return undefined;
    for (const u of this.users.values()) if (u.token === token && u.delete_at === 0) return u;
    // Personal access tokens (bots' included): only active ones, of active users.
    for (const t of this.accessTokens.values()) {
      if (t.token !== token || !t.is_active) continue;
      const u = this.users.get(t.user_id);
      return u && u.delete_at === 0 ? u : undefined;
    }
    return undefined;
  }

  requireUser(userId: string): StoredUser {
    const user = this.users.get(userId);
    if (!user) throw errors.userMissing();
    return user;
  }

  isSystemAdmin(userId: string): boolean {
    return (this.users.get(userId)?.roles ?? '').split(' ').includes('system_admin');
  }

  statusOf(userId: string): StoredStatus {
    return this.statuses.get(userId) ?? { user_id: userId, status: 'offline', manual: false, last_activity_at: 0 };
  }

  /** Like PUT /users/{id}/status: away/dnd/offline/ooo are manual, online is not. */
  setStatus(userId: string, status: StatusValue, manual = status !== 'online'): void {
    this.requireUser(userId);
    const old = this.statusOf(userId);
    const next: StoredStatus = { user_id: userId, status, manual: status === 'online' ? false : manual, last_activity_at: this.clock.now() };
    this.statuses.set(userId, next);
    // SetStatusOnline only broadcasts a real change; the other setters always broadcast.
    if (status === 'online' && old.status === 'online') return;
    this.broadcastStatus(next);
  }

  /** platform.SetStatusOnline(userID, manual=false), called when a websocket authenticates. */
  autoOnline(userId: string): void {
    const old = this.statuses.get(userId);
    if (old?.manual) return;
    const next: StoredStatus = { user_id: userId, status: 'online', manual: false, last_activity_at: this.clock.now() };
    this.statuses.set(userId, next);
    if (old?.status !== 'online') this.broadcastStatus(next);
  }

  /** platform.SetStatusOffline(userID, manual=false), when the user's last websocket goes away. */
  autoOffline(userId: string): void {
    const old = this.statuses.get(userId);
    if (old?.manual) return;
    const next: StoredStatus = { user_id: userId, status: 'offline', manual: false, last_activity_at: this.clock.now() };
    this.statuses.set(userId, next);
    this.broadcastStatus(next);
  }

  private broadcastStatus(status: StoredStatus): void {
    // Upstream BroadcastStatus scopes the event to the user whose status changed
    // (broadcast.user_id = status.UserId): other users' sockets never see it.
    this.publisher({
      event: 'status_change',
      data: { status: status.status, user_id: status.user_id },
      broadcast: { user_id: this.options.statusChangeScope === 'user' ? status.user_id : '' },
    });
  }

  // --- channels & membership ---------------------------------------------------

  channelByName(teamId: string, name: string): StoredChannel | undefined {
    for (const c of this.channels.values()) if (c.team_id === teamId && c.name === name && c.delete_at === 0) return c;
    return undefined;
  }

  requireChannel(channelId: string): StoredChannel {
    const channel = this.channels.get(channelId);
    if (!channel) throw new AppError('app.channel.get.existing.app_error', 404);
    return channel;
  }

  isMember(channelId: string, userId: string): boolean {
    return this.members.get(channelId)?.has(userId) ?? false;
  }

  memberIds(channelId: string): string[] {
    return [...(this.members.get(channelId)?.keys() ?? [])];
  }

  /** Read permission as the server applies it: public channels to team members, private ones to members. */
  canRead(userId: string, channel: StoredChannel): boolean {
    return channel.type === 'O' || this.isMember(channel.id, userId) || this.isSystemAdmin(userId);
  }

  createChannel(input: {
    teamId: string;
    name: string;
    displayName: string;
    type: string;
    creatorId: string;
    header?: string;
    purpose?: string;
  }): StoredChannel {
    if (!this.teams.has(input.teamId)) throw errors.permission('create_public_channel');
    if (!input.displayName || [...input.displayName].length > 64) {
      throw new AppError('model.channel.is_valid.display_name.app_error', 400);
    }
    if (input.name.length < 1 || input.name.length > 64 || !CHANNEL_NAME_RE.test(input.name)) {
      throw new AppError('model.channel.is_valid.2_or_more.app_error', 400);
    }
    if (input.type !== 'O' && input.type !== 'P') throw new AppError('model.channel.is_valid.type.app_error', 400);
    if (this.channelByName(input.teamId, input.name)) {
      throw new AppError('store.sql_channel.save_channel.exists.app_error', 400);
    }
    const now = this.clock.now();
    const channel: StoredChannel = {
      id: newId(),
      create_at: now,
      update_at: now,
      delete_at: 0,
      team_id: input.teamId,
      type: input.type as ChannelType,
      display_name: input.displayName,
      name: input.name,
      header: input.header ?? '',
      purpose: input.purpose ?? '',
      last_post_at: now,
      last_root_post_at: now,
      total_msg_count: 0,
      total_msg_count_root: 0,
      creator_id: input.creatorId,
    };
    this.channels.set(channel.id, channel);
    this.members.set(channel.id, new Map());
    return channel;
  }

  /**
   * Adds a member. With `announce`, behaves like the API: a system_add_to_channel
   * (or system_join_channel for self-joins) post plus a `user_added` event.
   * Returns the membership and whether it was new.
   */
  addMember(channelId: string, userId: string, opts: { actorId?: string; announce?: boolean; admin?: boolean } = {}) {
    const channel = this.requireChannel(channelId);
    const user = this.requireUser(userId);
    const existing = this.members.get(channelId)?.get(userId);
    if (existing) return { member: existing, created: false };
    const now = this.clock.now();
    const member: StoredMember = { channel_id: channelId, user_id: userId, scheme_admin: opts.admin ?? false, last_viewed_at: 0, last_update_at: now };
    this.members.get(channelId)?.set(userId, member);
    if (opts.announce) {
      this.publisher({
        event: 'user_added',
        data: { team_id: channel.team_id, user_id: userId },
        broadcast: { channel_id: channelId },
      });
      if (this.options.systemMessages) {
        const actor = this.users.get(opts.actorId ?? userId) ?? user;
        if (actor.id === user.id) {
          this.createPost(
            { channelId, userId: user.id, type: 'system_join_channel', message: `${user.username} joined the channel.`, props: { username: user.username } },
            { system: true },
          );
        } else {
          this.createPost(
            {
              channelId,
              userId: actor.id,
              type: 'system_add_to_channel',
              message: `${user.username} added to the channel by ${actor.username}.`,
              props: { userId: actor.id, username: actor.username, addedUserId: user.id, addedUsername: user.username },
            },
            { system: true },
          );
        }
      }
    }
    return { member, created: true };
  }

  removeMember(channelId: string, userId: string, opts: { actorId?: string; announce?: boolean } = {}): void {
    const channel = this.requireChannel(channelId);
    const user = this.requireUser(userId);
    if (!this.isMember(channelId, userId)) throw new AppError('app.channel.get_member.missing.app_error', 404);
    const actor = this.users.get(opts.actorId ?? userId) ?? user;
    if (opts.announce && this.options.systemMessages) {
      // The system post goes out while the leaving user is still a member.
      if (actor.id === user.id) {
        this.createPost(
          { channelId, userId: user.id, type: 'system_leave_channel', message: `${user.username} left the channel.`, props: { username: user.username } },
          { system: true },
        );
      } else {
        this.createPost(
          {
            channelId,
            userId: actor.id,
            type: 'system_remove_from_channel',
            message: `${user.username} removed from the channel.`,
            props: { removedUserId: user.id, removedUsername: user.username },
          },
          { system: true },
        );
      }
    }
    this.members.get(channelId)?.delete(userId);
    if (opts.announce) {
      this.publisher({ event: 'user_removed', data: { channel_id: channelId, remover_id: actor.id }, broadcast: { user_id: userId } });
      this.publisher({ event: 'user_removed', data: { remover_id: actor.id, user_id: userId }, broadcast: { channel_id: channel.id } });
    }
  }

  // --- posts ----------------------------------------------------------------------

  requirePost(postId: string): StoredPost {
    const post = this.posts.get(postId);
    if (!post || post.delete_at !== 0) throw new AppError('app.post.get.app_error', 404);
    return post;
  }

  postsInChannel(channelId: string): StoredPost[] {
    return [...this.posts.values()].filter((p) => p.channel_id === channelId && p.delete_at === 0);
  }

  replyStats(post: StoredPost): { replyCount: number; lastReplyAt: number } {
    const rootId = post.root_id || post.id;
    let replyCount = 0;
    let lastReplyAt = 0;
    for (const p of this.posts.values()) {
      if (p.root_id === rootId && p.delete_at === 0) {
        replyCount++;
        lastReplyAt = Math.max(lastReplyAt, p.create_at);
      }
    }
    return { replyCount, lastReplyAt };
  }

  clientPost(post: StoredPost): Record<string, unknown> {
    return postJson(post, this.replyStats(post));
  }

  /** model.Post.PreCommit -> GenerateActionIds: every action without an id gets a NewId(). */
  generateActionIds(props: Record<string, unknown>): void {
    for (const attachment of attachmentsOf(props)) {
      for (const action of actionsOf(attachment)) if (!action.id) action.id = newId();
    }
  }

  createPost(input: CreatePostInput, opts: { system?: boolean } = {}): StoredPost {
    const channel = this.requireChannel(input.channelId);
    const user = this.requireUser(input.userId);
    if (!opts.system && !this.isMember(channel.id, user.id) && !this.isSystemAdmin(user.id)) {
      throw errors.permission('create_post');
    }
    checkMessageLength(input.message);
    const rootId = input.rootId ?? '';
    if (rootId) {
      const root = this.posts.get(rootId);
      if (!root || root.channel_id !== channel.id || root.root_id !== '' || root.delete_at !== 0) {
        throw new AppError('api.post.create_post.root_id.app_error', 400);
      }
    }
    const props = clone(input.props ?? {});
    if (user.is_bot && !opts.system) props['from_bot'] = 'true';
    this.generateActionIds(props);
    const now = this.clock.now();
    const post: StoredPost = {
      id: newId(),
      create_at: now,
      update_at: now,
      edit_at: 0,
      delete_at: 0,
      is_pinned: false,
      user_id: user.id,
      channel_id: channel.id,
      root_id: rootId,
      original_id: '',
      message: input.message,
      type: input.type ?? '',
      props,
      hashtags: parseHashtags(input.message),
      file_ids: [...(input.fileIds ?? [])],
      pending_post_id: input.pendingPostId ?? '',
      has_reactions: false,
    };
    this.posts.set(post.id, post);
    channel.last_post_at = now;
    channel.total_msg_count++;
    if (!rootId) {
      channel.last_root_post_at = now;
      channel.total_msg_count_root++;
    }
    this.publishPosted(post, channel, user);
    return post;
  }

  private publishPosted(post: StoredPost, channel: StoredChannel, sender: StoredUser): void {
    const mentioned = this.mentionedUserIds(post, channel);
    this.publisher({
      event: 'posted',
      data: {
        channel_display_name: channel.display_name,
        channel_name: channel.name,
        channel_type: channel.type,
        post: JSON.stringify(this.clientPost(post)),
        sender_name: `@${sender.username}`,
        set_online: true,
        team_id: channel.team_id,
      },
      broadcast: { channel_id: channel.id },
      // Current servers attach `mentions` per recipient through a broadcast hook.
      dataFor: (userId) => (mentioned.has(userId) ? { mentions: JSON.stringify([userId]) } : undefined),
    });
  }

  private mentionedUserIds(post: StoredPost, channel: StoredChannel): Set<string> {
    const result = new Set<string>();
    if (post.type.startsWith('system_')) return result;
    const everyone = /(^|[^\w@.-])@(channel|all)\b/i.test(post.message);
    const here = /(^|[^\w@.-])@here\b/i.test(post.message);
    for (const userId of this.memberIds(channel.id)) {
      if (userId === post.user_id) continue;
      const user = this.users.get(userId);
      if (!user) continue;
      const escaped = user.username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const direct = new RegExp(`(^|[^\\w@.-])@${escaped}(?![\\w-]|\\.[\\w])`, 'i').test(post.message);
      if (direct || everyone || (here && this.statusOf(userId).status === 'online')) result.add(userId);
    }
    return result;
  }

  /**
   * App.UpdatePost(safeUpdate=false): message replaced (edit_at bumped when it
   * changes), props replaced wholesale, action ids generated, `post_edited` sent.
   */
  updatePost(postId: string, update: { message: string; props: Record<string, unknown>; isPinned: boolean }): StoredPost {
    const post = this.requirePost(postId);
    if (post.type.startsWith('system_')) throw new AppError('api.post.update_post.system_message.app_error', 400);
    checkMessageLength(update.message);
    const now = this.clock.now();
    const oldAttachments = JSON.stringify(attachmentsOf(post.props));
    if (post.message !== update.message) {
      post.message = update.message;
      post.hashtags = parseHashtags(update.message);
      post.edit_at = now;
    }
    post.is_pinned = update.isPinned;
    post.props = clone(update.props);
    this.generateActionIds(post.props);
    if (post.edit_at !== now && JSON.stringify(attachmentsOf(post.props)) !== oldAttachments) post.edit_at = now;
    post.update_at = now;
    this.publisher({ event: 'post_edited', data: { post: JSON.stringify(this.clientPost(post)) }, broadcast: { channel_id: post.channel_id } });
    return post;
  }

  /** App.SendEphemeralPost: only the target user's sockets get an `ephemeral_message`. */
  sendEphemeral(userId: string, channelId: string, message: string, rootId: string): Record<string, unknown> {
    const now = this.clock.now();
    const post: StoredPost = {
      id: newId(),
      create_at: now,
      update_at: now,
      edit_at: 0,
      delete_at: 0,
      is_pinned: false,
      user_id: userId,
      channel_id: channelId,
      root_id: rootId,
      original_id: '',
      message,
      type: 'system_ephemeral',
      props: {},
      hashtags: '',
      file_ids: [],
      pending_post_id: '',
      has_reactions: false,
    };
    const json = postJson(post, { replyCount: 0, lastReplyAt: 0 });
    this.ephemerals.push({ userId, channelId, post: json });
    this.publisher({ event: 'ephemeral_message', data: { post: JSON.stringify(json) }, broadcast: { channel_id: channelId, user_id: userId } });
    return json;
  }
}
