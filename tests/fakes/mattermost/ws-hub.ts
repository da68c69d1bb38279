// The websocket half of the fake: /api/v4/websocket.
//
// Modelled on server/channels/api4/websocket.go and app/platform/{web_conn,web_hub,websocket_router}.go:
//  * A socket authenticates either with `Authorization: Bearer <token>` on the upgrade
//    request, or with an `authentication_challenge` action. On success the hub queues the
//    `hello` event (seq 0) and *then* the `{"status":"OK","seq_reply":n}` reply.
//  * Every event sent on a connection carries that connection's next `seq` (0, 1, 2, ...);
//    replies (`seq_reply`) do not consume a sequence number.
//  * Unauthenticated sockets are dropped after 5 s; a bad challenge token closes the socket
//    without a reply; requests before authentication get no reply at all.
//  * Reconnects resume (same connection_id, missed events replayed from the dead queue) only
//    when the upgrade request itself carries the token. With challenge auth the server always
//    assigns a new connection_id and restarts at seq 0.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { AppError } from './errors.js';
import { isValidId, newId } from './ids.js';
import type { Broadcast, EventSpec, FakeState } from './state.js';

const DEAD_QUEUE_SIZE = 128;
const SEND_QUEUE_SIZE = 256;
const INACTIVE_REAP_MS = 5 * 60_000;

export interface SentEvent {
  connectionId: string;
  userId: string;
  message: { event: string; data: Record<string, unknown>; broadcast: Broadcast; seq: number };
}

export interface ClientMessage {
  connectionId: string;
  userId: string;
  message: unknown;
}

interface Conn {
  connectionId: string;
  userId: string;
  token: string;
  socket: WebSocket | null;
  active: boolean;
  registered: boolean;
  sequence: number;
  reuseCount: number;
  deadQueue: Array<{ seq: number; json: string }>;
  pending: Array<{ event: string; data: Record<string, unknown>; broadcast: Broadcast }>;
  inactiveSince: number;
  authTimer: NodeJS.Timeout | null;
}

export interface HubOptions {
  serverVersion: string;
  authTimeoutMs: number;
}

export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Conn>();
  readonly sentEvents: SentEvent[] = [];
  readonly clientMessages: ClientMessage[] = [];
  /** Every upgrade request that reached the websocket endpoint (path + query), including refused ones. */
  readonly upgrades: Array<{ url: string; authorized: boolean; at: number }> = [];

  constructor(
    private readonly state: FakeState,
    private readonly options: HubOptions,
  ) {
    state.publisher = (spec) => this.publish(spec);
  }

  recordUpgrade(req: IncomingMessage): void {
    this.upgrades.push({ url: req.url ?? '', authorized: !!req.headers.authorization, at: Date.now() });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  connections(): Array<{ connectionId: string; userId: string; active: boolean }> {
    return [...this.conns].map((c) => ({ connectionId: c.connectionId, userId: c.userId, active: c.active }));
  }

  /** Drops every socket abruptly (clients see close code 1006). `forget` also drops resumable state, like a restart. */
  dropAll(forget: boolean): void {
    for (const conn of [...this.conns]) {
      const socket = conn.socket;
      if (socket) {
        this.detach(conn);
        socket.terminate();
      }
      if (forget) this.conns.delete(conn);
    }
  }

  close(): void {
    this.dropAll(true);
    this.wss.close();
  }

  // --- connection lifecycle ----------------------------------------------------

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const headerUser = this.state.userByToken(tokenFromHeader(req.headers.authorization));
    const wantedId = url.searchParams.get('connection_id') ?? '';

    let conn: Conn | undefined;
    if (wantedId !== '' && headerUser) {
      // PopulateWebConnConfig: reuse an inactive connection of the same user if the hub still has it.
      if (!isValidId(wantedId)) return void ws.terminate();
      const found = [...this.conns].find((c) => !c.active && c.connectionId === wantedId && c.userId === headerUser.id);
      if (found) {
        const seqParam = url.searchParams.get('sequence_number');
        const seq = seqParam === null ? NaN : Number(seqParam);
        if (!Number.isInteger(seq) || seq < 0) return void ws.terminate();
        conn = found;
        conn.sequence = seq;
        conn.reuseCount++;
      }
    }
    conn ??= this.newConn();
    conn.socket = ws;
    conn.active = true;
    this.conns.add(conn);
    const bound = conn;

    ws.on('message', (raw, isBinary) => this.onMessage(bound, raw, isBinary));
    ws.on('close', () => this.onClose(bound, ws));
    ws.on('error', () => {});

    if (headerUser) {
      conn.userId = headerUser.id;
      conn.token = headerUser.token;
      this.register(conn);
      this.resumeIfNeeded(conn);
      this.state.autoOnline(headerUser.id);
    } else {
      conn.authTimer = setTimeout(() => {
        if (!conn.token && conn.socket === ws) ws.terminate();
      }, this.options.authTimeoutMs);
      conn.authTimer.unref();
    }
  }

  private newConn(): Conn {
    return {
      connectionId: newId(),
      userId: '',
      token: '',
      socket: null,
      active: false,
      registered: false,
      sequence: 0,
      reuseCount: 0,
      deadQueue: [],
      pending: [],
      inactiveSince: 0,
      authTimer: null,
    };
  }

  /** Hub.Register: the hello goes out only for fresh connections (reuseCount == 0). */
  private register(conn: Conn): void {
    conn.registered = true;
    if (conn.reuseCount === 0) this.sendEvent(conn, this.helloFor(conn));
  }

  private helloFor(conn: Conn) {
    return {
      event: 'hello',
      data: { connection_id: conn.connectionId, server_version: this.options.serverVersion },
      broadcast: fullBroadcast({ user_id: conn.userId }),
    };
  }

  /** WebConn.writePump start: replay from the dead queue, or start over when messages were lost. */
  private resumeIfNeeded(conn: Conn): void {
    if (conn.reuseCount > 0 && conn.sequence !== 0) {
      const index = conn.deadQueue.findIndex((e) => e.seq === conn.sequence);
      const last = conn.deadQueue[conn.deadQueue.length - 1];
      if (index >= 0) {
        for (const entry of conn.deadQueue.slice(index)) {
          conn.socket?.send(entry.json);
          conn.sequence++;
        }
      } else if (last && last.seq !== conn.sequence - 1) {
        conn.deadQueue = [];
        conn.connectionId = newId();
        conn.sequence = 0;
        this.sendEvent(conn, this.helloFor(conn));
      }
    }
    const pending = conn.pending;
    conn.pending = [];
    for (const ev of pending) this.sendEvent(conn, ev);
  }

  private onClose(conn: Conn, ws: WebSocket): void {
    if (conn.socket !== ws) return;
    this.detach(conn);
  }

  private detach(conn: Conn): void {
    if (conn.authTimer) clearTimeout(conn.authTimer);
    conn.authTimer = null;
    conn.socket = null;
    conn.active = false;
    conn.inactiveSince = Date.now();
    if (!conn.registered) {
      this.conns.delete(conn);
      return;
    }
    const userId = conn.userId;
    if (userId && ![...this.conns].some((c) => c.active && c.userId === userId)) this.state.autoOffline(userId);
  }

  // --- client -> server ---------------------------------------------------------

  private onMessage(conn: Conn, raw: RawData, isBinary: boolean): void {
    let req: { seq?: unknown; action?: unknown; data?: unknown };
    try {
      if (isBinary) throw new Error('binary (msgpack) frames are not supported by the fake');
      req = JSON.parse(rawToString(raw)) as typeof req;
      if (typeof req !== 'object' || req === null) throw new Error('not an object');
    } catch {
      // The server closes the socket when a request cannot be decoded.
      conn.socket?.terminate();
      return;
    }
    this.clientMessages.push({ connectionId: conn.connectionId, userId: conn.userId, message: req });
    const seq = typeof req.seq === 'number' ? req.seq : 0;
    const action = typeof req.action === 'string' ? req.action : '';
    const data = isPlainObject(req.data) ? req.data : {};

    if (action === '') return this.replyError(conn, seq, new AppError('api.web_socket_router.no_action.app_error', 400));
    if (seq <= 0) return this.replyError(conn, seq, new AppError('api.web_socket_router.bad_seq.app_error', 400));

    if (action === 'authentication_challenge') {
      if (conn.token) return; // already authenticated: silently ignored
      const token = data['token'];
      const user = typeof token === 'string' ? this.state.userByToken(token) : undefined;
      if (!user) {
        conn.socket?.terminate();
        return;
      }
      if (conn.authTimer) clearTimeout(conn.authTimer);
      conn.authTimer = null;
      conn.userId = user.id;
      conn.token = user.token;
      this.register(conn); // queues hello (seq 0) ...
      this.reply(conn, { status: 'OK', seq_reply: seq }); // ... before the OK reply
      this.state.autoOnline(user.id);
      return;
    }

    if (!conn.token) {
      // returnWebSocketError routes through the hub, which drops replies for unregistered sockets.
      return;
    }

    switch (action) {
      case 'ping':
        return this.reply(conn, {
          status: 'OK',
          seq_reply: seq,
          data: { node_id: '', server_time: Date.now(), text: 'pong', version: this.options.serverVersion.split('.').slice(0, 3).join('.') },
        });
      case 'get_statuses': {
        const all: Record<string, string> = {};
        for (const s of this.state.statuses.values()) all[s.user_id] = s.status;
        return this.reply(conn, { status: 'OK', seq_reply: seq, data: all });
      }
      case 'get_statuses_by_ids': {
        const ids = data['user_ids'];
        if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isValidId)) {
          return this.replyError(conn, seq, new AppError('api.context.invalid_body_param.app_error', 400, { params: { Name: 'user_ids' } }));
        }
        const out: Record<string, string> = {};
        for (const id of ids) out[id] = this.state.statusOf(id).status;
        return this.reply(conn, { status: 'OK', seq_reply: seq, data: out });
      }
      case 'user_typing': {
        const channelId = data['channel_id'];
        if (typeof channelId === 'string' && this.state.isMember(channelId, conn.userId)) {
          this.publish({
            event: 'typing',
            data: { parent_id: typeof data['parent_id'] === 'string' ? data['parent_id'] : '', user_id: conn.userId },
            broadcast: { channel_id: channelId, omit_users: { [conn.userId]: true } },
          });
        }
        return this.reply(conn, { status: 'OK', seq_reply: seq });
      }
      case 'presence':
      case 'user_update_active_status':
      case 'posted_notify_ack':
        return this.reply(conn, { status: 'OK', seq_reply: seq });
      default:
        return this.replyError(conn, seq, new AppError('api.web_socket_router.bad_action.app_error', 500));
    }
  }

  private reply(conn: Conn, body: Record<string, unknown>): void {
    if (conn.socket?.readyState === WebSocket.OPEN) conn.socket.send(JSON.stringify(body));
  }

  private replyError(conn: Conn, seq: number, err: AppError): void {
    if (!conn.token) return;
    this.reply(conn, { status: 'FAIL', seq_reply: seq, error: err.toJson('') });
  }

  // --- server -> client events --------------------------------------------------

  publish(spec: EventSpec): void {
    const broadcast = fullBroadcast(spec.broadcast);
    const now = Date.now();
    for (const conn of [...this.conns]) {
      if (!conn.active && now - conn.inactiveSince > INACTIVE_REAP_MS) {
        this.conns.delete(conn);
        continue;
      }
      if (!this.shouldSend(conn, broadcast)) continue;
      const extra = spec.dataFor?.(conn.userId);
      this.sendEvent(conn, { event: spec.event, data: extra ? { ...spec.data, ...extra } : spec.data, broadcast });
    }
  }

  /** WebConn.ShouldSendEvent, minus the guest / sanitisation rules the fake has no use for. */
  private shouldSend(conn: Conn, b: Broadcast): boolean {
    if (!conn.token || !conn.registered) return false;
    if (b.connection_id !== '') return conn.connectionId === b.connection_id;
    if (conn.connectionId === b.omit_connection_id) return false;
    if (b.user_id !== '') return conn.userId === b.user_id;
    if (b.omit_users && b.omit_users[conn.userId]) return false;
    if (b.channel_id !== '') return this.state.isMember(b.channel_id, conn.userId);
    if (b.team_id !== '') return this.state.isTeamMember(b.team_id, conn.userId);
    return true;
  }

  private sendEvent(conn: Conn, ev: { event: string; data: Record<string, unknown>; broadcast: Broadcast }): void {
    if (!conn.active || conn.socket?.readyState !== WebSocket.OPEN) {
      // Inactive (or still connecting) sockets keep a send queue; a full queue drops the connection.
      if (conn.pending.length >= SEND_QUEUE_SIZE) this.conns.delete(conn);
      else conn.pending.push(ev);
      return;
    }
    const seq = conn.sequence++;
    // Go marshals the data map with sorted keys.
    const data = Object.fromEntries(Object.entries(ev.data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const message = { event: ev.event, data, broadcast: ev.broadcast, seq };
    const json = JSON.stringify(message);
    conn.deadQueue.push({ seq, json });
    if (conn.deadQueue.length > DEAD_QUEUE_SIZE) conn.deadQueue.shift();
    this.sentEvents.push({ connectionId: conn.connectionId, userId: conn.userId, message: structuredClone(message) });
    conn.socket.send(json);
  }
}

function fullBroadcast(b: Partial<Broadcast>): Broadcast {
  return {
    omit_users: b.omit_users ?? null,
    user_id: b.user_id ?? '',
    channel_id: b.channel_id ?? '',
    team_id: b.team_id ?? '',
    connection_id: b.connection_id ?? '',
    omit_connection_id: b.omit_connection_id ?? '',
  };
}

export function tokenFromHeader(header: string | undefined): string {
  if (!header) return '';
  const match = /^(bearer|token)\s+(\S+)$/i.exec(header.trim());
  return match?.[2] ?? '';
}

function rawToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString('utf8');
  return raw.toString('utf8');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
