import mattermost from '@mattermost/client';
import type { Post } from '@mattermost/types/posts';
import type { UserProfile } from '@mattermost/types/users';
import type { StaffMessage } from '../desk.js';
import type WebSocket from 'ws';
import type { Logger } from '../../logger.js';
import type { Nurse, Presence } from '../assignment.js';
import { createAuthenticatedSocket, installWebSocketGlobals } from './node-websocket.js';

// A CommonJS package: its classes are properties of the default export.
const { Client4, WebSocketClient, ClientError } = mattermost;
type WsClient = InstanceType<typeof WebSocketClient>;

const REQUEST_TIMEOUT_MS = 10_000;

/** Client4 with a time limit on every request: a hung Mattermost must not stall the outbox. */
class TimedClient4 extends Client4 {
  override getOptions(options: Parameters<InstanceType<typeof Client4>['getOptions']>[0]) {
    return { ...super.getOptions(options), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  }
}

export interface MattermostSettings {
  url: string;
  token: string;
  team: string;
  triageChannel: string;
}

export interface Identity {
  botUserId: string;
  teamId: string;
  triageChannelId: string;
}

/** The props we put on our own posts; `carerelay_key` makes a retried post findable. */
export interface OutgoingPost {
  message: string;
  props?: Record<string, unknown>;
}

export interface GatewayListeners {
  /** A person wrote in a channel (the bot's own posts, system messages and integrations' posts are left out). */
  posted?(message: StaffMessage): void;
  /** A fresh event stream (first connect, or a reconnect that could not resume): catch up. */
  resync?(): void;
}

const POOL_TTL_MS = 30_000;
/** How long a button-clicker's standing is remembered: a refusal is re-checked sooner. */
const STAFF_TTL_MS = 30_000;
const NOT_STAFF_TTL_MS = 5_000;
const KEY_PROP = 'carerelay_key';
const CHANNEL_EXISTS = 'store.sql_channel.save_channel.exists.app_error';
const PRESENCE_VALUES = new Set<Presence>(['online', 'away', 'dnd', 'offline', 'ooo']);

export const isClientError = (err: unknown): err is InstanceType<typeof ClientError> => err instanceof ClientError;

/**
 * Everything CareRelay says to and hears from Mattermost: REST through Client4, events
 * through the websocket. The staff desk (desk.ts) is built on it.
 */
export interface MattermostGateway {
  /** The official REST client (every request with a time limit). */
  readonly client: InstanceType<typeof Client4>;
  /** Bot, team and triage channel ids, looked up once (and again after a failure). */
  ready(): Promise<Identity>;
  readonly identity: Identity | undefined;
  readonly connected: boolean;
  /** When the event stream last dropped (for catching up on posts it missed). */
  readonly disconnectedAt: number | undefined;
  /** Opens the websocket; it reconnects by itself with backoff. */
  start(): void;
  stop(): void;
  readonly stopped: boolean;
  /** Members of the triage channel, minus bots: the nurse pool. Cached briefly. */
  pool(force?: boolean): Promise<Nurse[]>;
  /** A staff member's display facts, from the pool or the server. */
  nurse(userId: string): Promise<Nurse>;
  cachedNurse(userId: string): Nurse | undefined;
  /** How a staff member is mentioned so Mattermost notifies them (`@username`). */
  mention(userId: string): Promise<string>;
  /** The staff member behind a button click, as Mattermost knows them, or undefined when not staff. */
  staffMember(userId: string, caseChannelId?: string): Promise<Nurse | undefined>;
  statuses(userIds: string[]): Promise<Record<string, Presence>>;
  /** A private channel with a name we choose; a retry finds the one an earlier attempt made. */
  ensurePrivateChannel(name: string, displayName: string, purpose: string): Promise<{ id: string; name: string }>;
  addMembers(channelId: string, userIds: string[]): Promise<void>;
  /** Posts once per key: on a retry (`mayExist`), first looks for the post an earlier attempt may have made. */
  postOnce(channelId: string, key: string, post: OutgoingPost, mayExist: boolean): Promise<Post>;
  /** Replaces a post's message, keeping it findable by its key. */
  updateMessage(postId: string, key: string, message: string): Promise<Post>;
  /** The bot's pinned post in `channelId` carrying `key`, if any. */
  pinnedOwnPost(channelId: string, key: string): Promise<Post | undefined>;
  pin(postId: string): Promise<void>;
  /** Replaces a post's props (its message stays). */
  patchProps(postId: string, key: string, props: Record<string, unknown>): Promise<void>;
  /** The post, if the bot made it, with the key it was posted under. */
  ownPost(postId: string): Promise<{ channelId: string; key: string } | undefined>;
  /** What people wrote in the channel since `since` (ms), oldest first. */
  postsSince(channelId: string, since: number): Promise<StaffMessage[]>;
}

/**
 * Everything CareRelay says to and hears from Mattermost, through the official client:
 * Client4 for REST, WebSocketClient (over `ws`) for events.
 */
export function createMattermostGateway(settings: MattermostSettings, logger: Logger, listeners: GatewayListeners = {}): MattermostGateway {
  installWebSocketGlobals();
  const client = new TimedClient4();
  client.setUrl(settings.url);
  client.setToken(settings.token);
  client.setUserAgent('CareRelay');

  let identity: Identity | undefined;
  let resolving: Promise<Identity> | undefined;
  let pool: { at: number; nurses: Nurse[] } | undefined;
  const profiles = new Map<string, Nurse>();
  const staff = new Map<string, { at: number; nurse: Nurse | undefined }>();
  let ws: WsClient | undefined;
  let socket: WebSocket | undefined;
  let connected = false;
  let stopped = false;
  let disconnectedAt: number | undefined;

  async function resolveIdentity(): Promise<Identity> {
    const me = await client.getMe();
    const team = await client.getTeamByName(settings.team);
    const triage = await client.getChannelByName(team.id, settings.triageChannel);
    return { botUserId: me.id, teamId: team.id, triageChannelId: triage.id };
  }

  /** Bot, team and triage channel ids, looked up once (and again after a failure). */
  function ready(): Promise<Identity> {
    if (identity) return Promise.resolve(identity);
    resolving ??= resolveIdentity()
      .then((found) => {
        identity = found;
        return found;
      })
      .finally(() => {
        resolving = undefined;
      });
    return resolving;
  }

  const toNurse = (u: UserProfile): Nurse => ({ id: u.id, username: u.username, firstName: u.first_name?.trim() || u.username });
  const notFound = (err: unknown) => isClientError(err) && (err.status_code === 404 || err.status_code === 403);

  async function isChannelMember(channelId: string, userId: string): Promise<boolean> {
    try {
      await client.getChannelMember(channelId, userId);
      return true;
    } catch (err) {
      if (notFound(err)) return false;
      throw err;
    }
  }

  /** Nobody but an active, human member of the triage channel (or of the case's channel) is staff. */
  async function lookUpStaff(userId: string, caseChannelId: string | undefined): Promise<Nurse | undefined> {
    const { triageChannelId } = await ready();
    let user: UserProfile;
    try {
      user = await client.getUser(userId);
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
    if (user.is_bot || user.delete_at) return undefined;
    const member = (await isChannelMember(triageChannelId, userId)) || (caseChannelId !== undefined && (await isChannelMember(caseChannelId, userId)));
    if (!member) return undefined;
    const nurse = toNurse(user);
    profiles.set(userId, nurse);
    return nurse;
  }

  function onEvent(msg: { event: string; data: Record<string, unknown> }): void {
    if (msg.event === 'hello') {
      connected = true;
      listeners.resync?.();
      return;
    }
    if (msg.event === 'posted' && typeof msg.data.post === 'string') {
      let post: Post;
      try {
        post = JSON.parse(msg.data.post) as Post;
      } catch {
        return;
      }
      const message = staffMessageOf(post, identity?.botUserId);
      if (message) listeners.posted?.(message);
    }
    // No `status_change` listener: Mattermost sends that event only to the user whose status
    // changed, so the bot never hears nurses' changes; presence is polled (presence.ts).
  }

  return {
    client,
    ready,
    get identity() {
      return identity;
    },
    get connected() {
      return connected;
    },
    /** When the event stream last dropped (for catching up on posts it missed). */
    get disconnectedAt() {
      return disconnectedAt;
    },

    /** Opens the websocket; it reconnects by itself with backoff. */
    start(): void {
      stopped = false;
      ws = new WebSocketClient({
        newWebSocketFn: (url: string) => {
          const created = createAuthenticatedSocket(url, settings.token) as unknown as WebSocket;
          socket = created;
          return created as unknown as globalThis.WebSocket;
        },
        minWebSocketRetryTime: 1000,
        maxWebSocketRetryTime: 30_000,
        reconnectJitterRange: 1000,
      });
      ws.addMessageListener((msg) => onEvent(msg as unknown as { event: string; data: Record<string, unknown> }));
      ws.addReconnectListener(() => {
        connected = true;
      });
      // Without a missed-message listener the client never adopts a new connection id after
      // a server restart, and reconnects forever on a sequence mismatch. The `hello` that
      // follows triggers the catch-up (onEvent).
      ws.addMissedMessageListener(() => logger.info('Mattermost event stream restarted; catching up'));
      ws.addCloseListener(() => {
        if (connected) {
          disconnectedAt = Date.now();
          logger.warn('Mattermost event stream lost; reconnecting');
        }
        connected = false;
      });
      const wsUrl = client.getWebSocketUrl().replace(/^http/, 'ws');
      // The token travels in the upgrade request's header (see node-websocket.ts), not as a challenge.
      ws.initialize(wsUrl);
      void ready().catch((err) => logger.warn({ err: errorText(err) }, 'Mattermost not reachable yet; will retry'));
    },
    stop(): void {
      stopped = true;
      connected = false;
      if (!ws) return;
      ws.close();
      ws.clearReconnectTimeout();
      ws.stopPingInterval();
      const open = socket;
      if (open && open.readyState !== open.CLOSED) {
        // Silence the client's handlers so closing does not schedule a reconnect.
        open.onclose = null;
        open.onopen = null;
        open.onmessage = null;
        open.terminate();
      }
      ws = undefined;
      socket = undefined;
    },
    get stopped() {
      return stopped;
    },

    /** Members of the triage channel, minus bots: the nurse pool. Cached briefly. */
    async pool(force = false): Promise<Nurse[]> {
      if (!force && pool && Date.now() - pool.at < POOL_TTL_MS) return pool.nurses;
      const { triageChannelId, botUserId } = await ready();
      const ids: string[] = [];
      for (let page = 0; ; page++) {
        const members = await client.getChannelMembers(triageChannelId, page, 200);
        ids.push(...members.map((m) => m.user_id));
        if (members.length < 200) break;
      }
      const others = ids.filter((id) => id !== botUserId);
      const users = others.length ? await client.getProfilesByIds(others) : [];
      const nurses = users.filter((u) => !u.is_bot && !u.delete_at).map(toNurse);
      for (const n of nurses) profiles.set(n.id, n);
      pool = { at: Date.now(), nurses };
      return nurses;
    },
    /** A staff member's display facts, from the pool or the server. */
    async nurse(userId: string): Promise<Nurse> {
      const known = profiles.get(userId);
      if (known) return known;
      const nurse = toNurse(await client.getUser(userId));
      profiles.set(userId, nurse);
      return nurse;
    },
    cachedNurse: (userId: string) => profiles.get(userId),
    /** How a staff member is mentioned so the desk notifies them (`@username` in Mattermost). */
    async mention(userId: string): Promise<string> {
      const known = profiles.get(userId) ?? toNurse(await client.getUser(userId));
      profiles.set(userId, known);
      return `@${known.username}`;
    },

    /**
     * The staff member behind a button click, as Mattermost knows them (never as the click
     * payload says), or undefined when the id is not an active human member of the triage
     * channel or of `caseChannelId`. Cached briefly; refusals for a shorter time.
     */
    async staffMember(userId: string, caseChannelId?: string): Promise<Nurse | undefined> {
      const key = `${userId}:${caseChannelId ?? ''}`;
      const hit = staff.get(key);
      if (hit && Date.now() - hit.at < (hit.nurse ? STAFF_TTL_MS : NOT_STAFF_TTL_MS)) return hit.nurse;
      const nurse = await lookUpStaff(userId, caseChannelId);
      if (staff.size > 1000) staff.clear();
      staff.set(key, { at: Date.now(), nurse });
      return nurse;
    },

    async statuses(userIds: string[]): Promise<Record<string, Presence>> {
      if (userIds.length === 0) return {};
      const list = await client.getStatusesByIds(userIds);
      const out: Record<string, Presence> = {};
      for (const s of list) if (PRESENCE_VALUES.has(s.status as Presence)) out[s.user_id] = s.status as Presence;
      return out;
    },

    /** A private channel with a name we choose; a retry finds the one an earlier attempt made. */
    async ensurePrivateChannel(name: string, displayName: string, purpose: string): Promise<{ id: string; name: string }> {
      const { teamId } = await ready();
      try {
        const created = await client.createChannel({ team_id: teamId, name, display_name: displayName, type: 'P', purpose });
        return { id: created.id, name: created.name };
      } catch (err) {
        if (!isClientError(err) || (err.server_error_id !== CHANNEL_EXISTS && err.status_code !== 400)) throw err;
        const existing = await client.getChannelByName(teamId, name);
        return { id: existing.id, name: existing.name };
      }
    },
    /**
     * Adds members in one call (`user_ids`). Servers without the fix from mattermost PR
     * #28976 answer that with 400 "Invalid or missing user_id"; they get one call per user.
     */
    async addMembers(channelId: string, userIds: string[]): Promise<void> {
      if (userIds.length === 0) return;
      try {
        await client.addToChannels(userIds, channelId);
        return;
      } catch (err) {
        if (!isClientError(err) || err.status_code !== 400) throw err;
        logger.debug({ channelId, users: userIds.length }, 'batch add refused (older Mattermost); adding one at a time');
      }
      for (const userId of userIds) await client.addToChannel(userId, channelId);
    },

    /**
     * Posts once per key: on a retry (`mayExist`), first looks for the post an earlier
     * attempt may have made before failing to record it.
     */
    async postOnce(channelId: string, key: string, post: OutgoingPost, mayExist: boolean): Promise<Post> {
      if (mayExist) {
        const { botUserId } = await ready();
        const recent = await client.getPosts(channelId, 0, 200);
        const found = Object.values(recent.posts).find((p) => p.user_id === botUserId && p.props?.[KEY_PROP] === key);
        if (found) return found;
      }
      return client.createPost({ channel_id: channelId, message: post.message, props: { ...(post.props ?? {}), [KEY_PROP]: key } });
    },
    /** Replaces a post's message, keeping it findable by its key (props are replaced wholesale). */
    async updateMessage(postId: string, key: string, message: string): Promise<Post> {
      return client.patchPost({ id: postId, message, props: { [KEY_PROP]: key } });
    },
    /** The bot's pinned post in `channelId` carrying `key`, if any. */
    async pinnedOwnPost(channelId: string, key: string): Promise<Post | undefined> {
      const { botUserId } = await ready();
      const list = await client.getPinnedPosts(channelId);
      return Object.values(list.posts).find((p) => p.user_id === botUserId && p.props?.[KEY_PROP] === key && !p.delete_at);
    },
    async pin(postId: string): Promise<void> {
      await client.pinPost(postId);
    },
    /** Replaces a post's props (its message stays). */
    async patchProps(postId: string, key: string, props: Record<string, unknown>): Promise<void> {
      await client.patchPost({ id: postId, props: { ...props, [KEY_PROP]: key } });
    },
    /** The post, if the bot made it, with the key it was posted under. */
    async ownPost(postId: string): Promise<{ channelId: string; key: string } | undefined> {
      const { botUserId } = await ready();
      try {
        const post = await client.getPost(postId);
        const key = post.props?.[KEY_PROP];
        return post.user_id === botUserId && typeof key === 'string' ? { channelId: post.channel_id, key } : undefined;
      } catch (err) {
        if (notFound(err)) return undefined;
        throw err;
      }
    },
    /** What people wrote in the channel since `since` (ms), oldest first. */
    async postsSince(channelId: string, since: number): Promise<StaffMessage[]> {
      const list = await client.getPostsSince(channelId, since);
      const posts = list.order.map((id) => list.posts[id]!).filter(Boolean).reverse();
      return posts.map((post) => staffMessageOf(post, identity?.botUserId)).filter((m): m is StaffMessage => m !== undefined);
    },
  };
}

/** A post as a desk-neutral staff message, when a person wrote it (not the bot, not a system or integration post). */
export function staffMessageOf(post: Post, botUserId: string | undefined): StaffMessage | undefined {
  if (post.user_id === botUserId || post.type || post.props?.from_bot === 'true' || post.props?.from_webhook === 'true') return undefined;
  if (typeof post.message !== 'string' || post.message.trim().length === 0) return undefined;
  return { id: post.id, roomId: post.channel_id, userId: post.user_id, text: post.message };
}

/** A log-safe description of a Mattermost or network error (never a message body). */
export function errorText(err: unknown): string {
  if (isClientError(err)) return `${err.status_code ?? '?'} ${err.server_error_id ?? ''} ${err.message}`.trim();
  return err instanceof Error ? err.message : String(err);
}
