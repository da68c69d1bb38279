// Stored records of the fake Mattermost and their JSON wire forms.
//
// Field names follow the Go structs' json tags in server/public/model
// (user.go, channel.go, channel_member.go, team.go, post.go, status.go).

export type ChannelType = 'O' | 'P';
export type StatusValue = 'online' | 'away' | 'dnd' | 'offline' | 'ooo';

export interface StoredUser {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  username: string;
  email: string;
  nickname: string;
  first_name: string;
  last_name: string;
  position: string;
  roles: string;
  locale: string;
  is_bot: boolean;
  bot_description: string;
  /** Personal access token / session token accepted as Bearer. */
  token: string;
}

export interface StoredStatus {
  user_id: string;
  status: StatusValue;
  manual: boolean;
  last_activity_at: number;
}

export interface StoredTeam {
  id: string;
  create_at: number;
  update_at: number;
  name: string;
  display_name: string;
  type: 'O' | 'I';
}

export interface StoredChannel {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  team_id: string;
  type: ChannelType;
  display_name: string;
  name: string;
  header: string;
  purpose: string;
  last_post_at: number;
  last_root_post_at: number;
  total_msg_count: number;
  total_msg_count_root: number;
  creator_id: string;
}

export interface StoredTeamMember {
  team_id: string;
  user_id: string;
  scheme_admin: boolean;
  delete_at: number;
  create_at: number;
}

/** model.Bot: the bot's own record next to its user (is_bot) row. */
export interface StoredBot {
  user_id: string;
  username: string;
  display_name: string;
  description: string;
  owner_id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
}

/** model.UserAccessToken; `token` is only ever shown in the create response. */
export interface StoredAccessToken {
  id: string;
  token: string;
  user_id: string;
  description: string;
  is_active: boolean;
}

/** model.Command (custom slash command). */
export interface StoredCommand {
  id: string;
  token: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  creator_id: string;
  team_id: string;
  trigger: string;
  method: 'P' | 'G';
  username: string;
  icon_url: string;
  auto_complete: boolean;
  auto_complete_desc: string;
  auto_complete_hint: string;
  display_name: string;
  description: string;
  url: string;
}

/** The few ServiceSettings the fake acts on (names as in model.ServiceSettings). */
export interface FakeServiceSettings {
  SiteURL: string;
  EnableBotAccountCreation: boolean;
  EnableUserAccessTokens: boolean;
  EnableCommands: boolean;
  AllowedUntrustedInternalConnections: string;
  OutgoingIntegrationRequestsTimeout: number;
}

export interface StoredMember {
  channel_id: string;
  user_id: string;
  scheme_admin: boolean;
  last_viewed_at: number;
  last_update_at: number;
}

/** A post exactly as the server stores it, i.e. with action integrations (url, context) intact. */
export interface StoredPost {
  id: string;
  create_at: number;
  update_at: number;
  edit_at: number;
  delete_at: number;
  is_pinned: boolean;
  user_id: string;
  channel_id: string;
  root_id: string;
  original_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  hashtags: string;
  file_ids: string[];
  pending_post_id: string;
  has_reactions: boolean;
}

export interface PostActionIntegration {
  url?: string;
  context?: Record<string, unknown>;
}

export interface PostAction {
  id?: string;
  type?: string;
  name?: string;
  disabled?: boolean;
  style?: string;
  data_source?: string;
  options?: Array<{ text: string; value: string }>;
  default_option?: string;
  integration?: PostActionIntegration;
  cookie?: string;
  [key: string]: unknown;
}

export interface MessageAttachment {
  actions?: PostAction[];
  [key: string]: unknown;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** props.attachments as an array of records (ignores malformed entries like the Go decoder would). */
export function attachmentsOf(props: Record<string, unknown>): MessageAttachment[] {
  const raw = props['attachments'];
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord) as MessageAttachment[];
}

export function actionsOf(attachment: MessageAttachment): PostAction[] {
  return Array.isArray(attachment.actions) ? (attachment.actions.filter(isRecord) as PostAction[]) : [];
}

// --- wire forms -------------------------------------------------------------

export function userJson(u: StoredUser, opts: { self: boolean }): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: u.id,
    create_at: u.create_at,
    update_at: u.update_at,
    delete_at: u.delete_at,
    username: u.username,
    auth_data: '',
    auth_service: '',
    email: u.email,
    nickname: u.nickname,
    first_name: u.first_name,
    last_name: u.last_name,
    position: u.position,
    roles: u.roles,
    props: {},
    last_picture_update: 0,
    locale: u.locale,
    timezone: { automaticTimezone: '', manualTimezone: '', useAutomaticTimezone: 'true' },
    disable_welcome_email: false,
  };
  if (u.is_bot) {
    json['is_bot'] = true;
    json['bot_description'] = u.bot_description;
  }
  if (opts.self) {
    json['notify_props'] = {
      channel: 'true',
      comments: 'never',
      desktop: 'mention',
      desktop_sound: 'true',
      email: 'true',
      first_name: 'false',
      mention_keys: '',
      push: 'mention',
      push_status: 'away',
    };
    json['last_password_update'] = u.create_at;
    json['mfa_active'] = false;
  }
  return json;
}

export function statusJson(s: StoredStatus): Record<string, unknown> {
  return {
    user_id: s.user_id,
    status: s.status,
    manual: s.manual,
    last_activity_at: s.last_activity_at,
    dnd_end_time: 0,
  };
}

export function teamJson(t: StoredTeam): Record<string, unknown> {
  return {
    id: t.id,
    create_at: t.create_at,
    update_at: t.update_at,
    delete_at: 0,
    display_name: t.display_name,
    name: t.name,
    description: '',
    email: '',
    type: t.type,
    company_name: '',
    allowed_domains: '',
    invite_id: '',
    allow_open_invite: false,
    last_team_icon_update: 0,
    scheme_id: null,
    group_constrained: null,
    policy_id: null,
    cloud_limits_archived: false,
  };
}

export function channelJson(c: StoredChannel): Record<string, unknown> {
  return {
    id: c.id,
    create_at: c.create_at,
    update_at: c.update_at,
    delete_at: c.delete_at,
    team_id: c.team_id,
    type: c.type,
    display_name: c.display_name,
    name: c.name,
    header: c.header,
    purpose: c.purpose,
    last_post_at: c.last_post_at,
    total_msg_count: c.total_msg_count,
    extra_update_at: 0,
    creator_id: c.creator_id,
    scheme_id: null,
    props: null,
    group_constrained: null,
    shared: null,
    total_msg_count_root: c.total_msg_count_root,
    policy_id: null,
    last_root_post_at: c.last_root_post_at,
  };
}

export function teamMemberJson(m: StoredTeamMember): Record<string, unknown> {
  return {
    team_id: m.team_id,
    user_id: m.user_id,
    roles: m.scheme_admin ? 'team_user team_admin' : 'team_user',
    delete_at: m.delete_at,
    scheme_guest: false,
    scheme_user: true,
    scheme_admin: m.scheme_admin,
    explicit_roles: '',
    create_at: m.create_at,
  };
}

/** Bot JSON: display_name and description are `omitempty` in the Go struct. */
export function botJson(b: StoredBot): Record<string, unknown> {
  const json: Record<string, unknown> = { user_id: b.user_id, username: b.username, owner_id: b.owner_id, create_at: b.create_at, update_at: b.update_at, delete_at: b.delete_at };
  if (b.display_name) json['display_name'] = b.display_name;
  if (b.description) json['description'] = b.description;
  return json;
}

export function accessTokenJson(t: StoredAccessToken, opts: { showToken: boolean }): Record<string, unknown> {
  return { id: t.id, token: opts.showToken ? t.token : '', user_id: t.user_id, description: t.description, is_active: t.is_active };
}

export function commandJson(c: StoredCommand): Record<string, unknown> {
  return { ...c, plugin_id: '', autocomplete_data: null, autocomplete_icon_data: '' };
}

export function memberJson(m: StoredMember): Record<string, unknown> {
  return {
    channel_id: m.channel_id,
    user_id: m.user_id,
    roles: m.scheme_admin ? 'channel_user channel_admin' : 'channel_user',
    last_viewed_at: m.last_viewed_at,
    msg_count: 0,
    mention_count: 0,
    mention_count_root: 0,
    urgent_mention_count: 0,
    msg_count_root: 0,
    notify_props: {
      channel_auto_follow_threads: 'off',
      desktop: 'default',
      email: 'default',
      ignore_channel_mentions: 'default',
      mark_unread: 'all',
      push: 'default',
    },
    last_update_at: m.last_update_at,
    scheme_guest: false,
    scheme_user: true,
    scheme_admin: m.scheme_admin,
    explicit_roles: '',
  };
}

/**
 * The post as clients see it (REST responses and websocket events): Post.ToJSON()
 * runs StripActionIntegrations, so every action loses its `integration` (url + context).
 */
export function postJson(p: StoredPost, extra: { replyCount: number; lastReplyAt: number }): Record<string, unknown> {
  const props = clone(p.props);
  for (const attachment of attachmentsOf(props)) {
    for (const action of actionsOf(attachment)) delete action.integration;
  }
  const json: Record<string, unknown> = {
    id: p.id,
    create_at: p.create_at,
    update_at: p.update_at,
    edit_at: p.edit_at,
    delete_at: p.delete_at,
    is_pinned: p.is_pinned,
    user_id: p.user_id,
    channel_id: p.channel_id,
    root_id: p.root_id,
    original_id: p.original_id,
    message: p.message,
    type: p.type,
    props,
    hashtags: p.hashtags,
    pending_post_id: p.pending_post_id,
    reply_count: extra.replyCount,
    last_reply_at: extra.lastReplyAt,
    participants: null,
    metadata: attachmentsOf(props).length > 0 ? { embeds: [{ type: 'message_attachment' }] } : {},
  };
  if (p.file_ids.length > 0) json['file_ids'] = [...p.file_ids];
  if (p.has_reactions) json['has_reactions'] = true;
  return json;
}

/** model.ParseHashtags, simplified: words starting with '#' followed by a letter. */
export function parseHashtags(message: string): string {
  const tags = message.match(/(?:^|\s)#[A-Za-z][\w.-]*/g) ?? [];
  return tags.map((t) => t.trim()).join(' ');
}

/** model.ParseSlackLinksToMarkdown: <url|text> becomes [text](url). */
export function parseSlackLinksToMarkdown(text: string): string {
  return text.replace(/<([^|<>]+)\|([^|<>]+)>/g, '[$2]($1)');
}
