/**
 * Protocol-faithful fake of the Telegram Bot API for tests.
 *
 * Listens on 127.0.0.1 (random port). Methods live at `${url}/bot<token>/<method>`
 * and accept parameters the ways the real API does: query string, JSON body,
 * application/x-www-form-urlencoded or multipart/form-data (non-string values
 * such as `allowed_updates` or `reply_markup` are JSON-serialised strings in
 * the form encodings). Every answer is `{ok:true,result[,description]}` or
 * `{ok:false,error_code,description[,parameters]}` with the matching HTTP status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

// ---------------------------------------------------------------------------
// Bot API object types (the subset the fake produces)
// ---------------------------------------------------------------------------

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: true;
}

export interface TgChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  is_forum?: true;
}

export interface TgMessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface TgPhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

export interface TgSticker {
  file_id: string;
  file_unique_id: string;
  type: 'regular' | 'mask' | 'custom_emoji';
  width: number;
  height: number;
  is_animated: boolean;
  is_video: boolean;
  thumbnail?: TgPhotoSize;
  emoji?: string;
  set_name?: string;
  file_size?: number;
}

export interface TgMessage {
  message_id: number;
  message_thread_id?: number;
  from?: TgUser;
  sender_chat?: TgChat;
  chat: TgChat;
  date: number;
  edit_date?: number;
  reply_to_message?: TgMessage;
  text?: string;
  entities?: TgMessageEntity[];
  caption?: string;
  caption_entities?: TgMessageEntity[];
  sticker?: TgSticker;
  photo?: TgPhotoSize[];
  reply_markup?: unknown;
  link_preview_options?: unknown;
}

export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  channel_post?: TgMessage;
  edited_channel_post?: TgMessage;
  callback_query?: unknown;
  my_chat_member?: unknown;
  [key: string]: unknown;
}

export interface TgOk<T> {
  ok: true;
  result: T;
  description?: string;
}

export interface TgError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export type TgResponse<T> = TgOk<T> | TgError;

// ---------------------------------------------------------------------------
// Controller types
// ---------------------------------------------------------------------------

/** One successful sendMessage (also those made inline in a webhook reply). */
export interface FakeTelegramSent {
  chatId: number | string;
  text: string;
  parseMode: string | null;
  replyMarkup: unknown;
  /** All parameters as received (after JSON/form decoding, values not coerced). */
  params: Record<string, unknown>;
  /** The Message object returned to the caller. */
  message: TgMessage;
  /** `'http'` for a normal API call, `'webhook-reply'` when the bot answered the webhook with a method. */
  via: 'http' | 'webhook-reply';
}

export interface FakeTelegramCall {
  method: string;
  params: Record<string, unknown>;
  httpMethod: string;
  contentType: string | null;
  status: number;
  response: TgResponse<unknown>;
}

export interface FakeTelegramWebhook {
  url: string;
  secretToken: string | null;
  allowedUpdates: string[] | null;
  maxConnections: number;
  ipAddress: string | null;
}

export interface FakeTelegramOptions {
  token: string;
  botUsername?: string;
  botFirstName?: string;
  /** Enforce Telegram's "HTTPS on port 443/80/88/8443" webhook rule (default false so local http URLs work). */
  requireHttpsWebhook?: boolean;
  /** Answer 400 "chat not found" for chats never seen in an update or via `addChat` (default false). */
  strictChats?: boolean;
}

export interface DeliverWebhookOptions {
  /** Header value; default: the secret_token given to setWebhook. `null` sends no header. */
  secretToken?: string | null;
}

export interface FakeTelegram {
  /** API root, e.g. `http://127.0.0.1:41234` — the product calls `${url}/bot${token}/sendMessage`. */
  readonly url: string;
  readonly token: string;
  readonly botId: number;
  readonly bot: TgUser;
  readonly sent: FakeTelegramSent[];
  readonly chatActions: { chatId: number | string; action: string }[];
  /** Every Bot API call (any status), oldest first. */
  readonly calls: FakeTelegramCall[];
  /** The current webhook (null when none). */
  readonly webhook: FakeTelegramWebhook | null;
  /** Updates not yet confirmed through getUpdates' offset. */
  readonly pendingUpdates: readonly TgUpdate[];
  /**
   * The next `n` calls answer 429 `Too Many Requests: retry after N` with
   * `parameters.retry_after`. By default every method except getUpdates counts;
   * pass `methods` to restrict (case-insensitive names).
   */
  rateLimitNext(n: number, retryAfterSeconds: number, methods?: string[]): void;
  /** Make a chat answer 403 "Forbidden: bot was blocked by the user". */
  blockChat(chatId: number): void;
  /** Declare a chat as known (only matters with `strictChats`). */
  addChat(chat: TgChat): void;
  /** Queue an update for getUpdates (wakes a pending long poll). */
  queueUpdate(update: TgUpdate): void;
  /**
   * POST the update as JSON to the setWebhook URL with `X-Telegram-Bot-Api-Secret-Token`,
   * as Telegram does. If the bot answers 200 with a JSON method call
   * (`{"method":"sendMessage",...}`) it is executed like Telegram does.
   * Resolves with the webhook's HTTP status; non-2xx is recorded in getWebhookInfo.
   */
  deliverWebhook(update: TgUpdate, opts?: DeliverWebhookOptions): Promise<number>;
  textUpdate: typeof textUpdate;
  stickerUpdate: typeof stickerUpdate;
  photoUpdate: typeof photoUpdate;
  editedMessageUpdate: typeof editedMessageUpdate;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Update builders
// ---------------------------------------------------------------------------

export interface MessageUpdateInput {
  updateId: number;
  chatId: number;
  userId: number;
  messageId?: number;
  /** Unix seconds; default now. */
  date?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** Group/supergroup title (used when chatId is negative). */
  chatTitle?: string;
  /** Default: private when chatId > 0, supergroup for -100… ids, group for other negatives. */
  chatType?: TgChat['type'];
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function chatFor(input: MessageUpdateInput): TgChat {
  const type = input.chatType ?? (input.chatId > 0 ? 'private' : String(input.chatId).startsWith('-100') ? 'supergroup' : 'group');
  if (type === 'private') {
    const chat: TgChat = { id: input.chatId, first_name: input.firstName ?? 'Alex', type };
    if (input.lastName !== undefined) chat.last_name = input.lastName;
    if (input.username !== undefined) chat.username = input.username;
    return chat;
  }
  return { id: input.chatId, title: input.chatTitle ?? 'Clinic patients', type };
}

function userFor(input: MessageUpdateInput): TgUser {
  const user: TgUser = { id: input.userId, is_bot: false, first_name: input.firstName ?? 'Alex' };
  if (input.lastName !== undefined) user.last_name = input.lastName;
  if (input.username !== undefined) user.username = input.username;
  if (input.languageCode !== undefined) user.language_code = input.languageCode;
  return user;
}

/** Entities Telegram's server detects on its own in plain text (commands, URLs, mentions). */
export function detectEntities(text: string): TgMessageEntity[] {
  const out: TgMessageEntity[] = [];
  // Offsets and lengths are in UTF-16 code units, which is what JS indices are.
  const patterns: [RegExp, string][] = [
    [/(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?/g, 'bot_command'],
    [/(?<![\w@])@[A-Za-z0-9_]{5,32}/g, 'mention'],
    [/(?<!\w)#[\p{L}\p{N}_]+/gu, 'hashtag'],
    [/https?:\/\/[^\s]+/g, 'url'],
    [/(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+/g, 'email'],
  ];
  for (const [re, type] of patterns) {
    for (const m of text.matchAll(re)) out.push({ offset: m.index, length: m[0].length, type });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function baseMessage(input: MessageUpdateInput): TgMessage {
  return {
    message_id: input.messageId ?? 1 + (input.updateId % 100000),
    from: userFor(input),
    chat: chatFor(input),
    date: input.date ?? nowSeconds(),
  };
}

/** A `message` update with text (bot_command/url/mention entities added like Telegram does). */
export function textUpdate(input: MessageUpdateInput & { text: string }): TgUpdate {
  const message = baseMessage(input);
  message.text = input.text;
  const entities = detectEntities(input.text);
  if (entities.length > 0) message.entities = entities;
  return { update_id: input.updateId, message };
}

const fileId = (seed: string): string =>
  'AgACAgIAAxkBAAI' + Buffer.from(seed).toString('base64url').padEnd(40, 'Q').slice(0, 40) + 'AAQ';
const uniqueId = (seed: string): string => 'AQAD' + Buffer.from(seed).toString('base64url').slice(0, 12);

/** A `message` update carrying a sticker (no text). */
export function stickerUpdate(
  input: MessageUpdateInput & { emoji?: string; setName?: string; isAnimated?: boolean; isVideo?: boolean },
): TgUpdate {
  const message = baseMessage(input);
  const seed = `sticker-${input.updateId}`;
  message.sticker = {
    width: 512,
    height: 512,
    emoji: input.emoji ?? '👍',
    set_name: input.setName ?? 'HotCherry',
    is_animated: input.isAnimated ?? false,
    is_video: input.isVideo ?? false,
    type: 'regular',
    thumbnail: {
      file_id: fileId(seed + '-thumb'),
      file_unique_id: uniqueId(seed + '-thumb'),
      file_size: 5416,
      width: 128,
      height: 128,
    },
    file_id: fileId(seed),
    file_unique_id: uniqueId(seed),
    file_size: 36458,
  };
  return { update_id: input.updateId, message };
}

/** A `message` update with a photo (Telegram sends several sizes, smallest first) and optional caption. */
export function photoUpdate(input: MessageUpdateInput & { caption?: string }): TgUpdate {
  const message = baseMessage(input);
  const seed = `photo-${input.updateId}`;
  const sizes: [number, number, number][] = [
    [90, 67, 1290],
    [320, 240, 17036],
    [800, 600, 71523],
    [1280, 960, 139874],
  ];
  message.photo = sizes.map(([w, h, size], i) => ({
    file_id: fileId(`${seed}-${i}`),
    file_unique_id: uniqueId(`${seed}-${i}`),
    file_size: size,
    width: w,
    height: h,
  }));
  if (input.caption !== undefined) {
    message.caption = input.caption;
    const entities = detectEntities(input.caption);
    if (entities.length > 0) message.caption_entities = entities;
  }
  return { update_id: input.updateId, message };
}

/** An `edited_message` update (the edited text plus edit_date). */
export function editedMessageUpdate(
  input: MessageUpdateInput & { text: string; messageId: number; editDate?: number },
): TgUpdate {
  const message = baseMessage(input);
  message.text = input.text;
  const entities = detectEntities(input.text);
  if (entities.length > 0) message.entities = entities;
  message.edit_date = input.editDate ?? message.date + 30;
  return { update_id: input.updateId, edited_message: message };
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: TgError['parameters'],
  ) {
    super(description);
  }
}

const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseParams(req: IncomingMessage, raw: Buffer, search: string): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(search)) params[k] = v;
  const ct = (req.headers['content-type'] ?? '').toLowerCase();
  if (raw.length === 0) return params;
  if (ct.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw badRequest("can't parse JSON object");
    }
    Object.assign(params, parsed);
  } else if (ct.startsWith('application/x-www-form-urlencoded') || ct.startsWith('multipart/form-data')) {
    // undici's Request parses both encodings for us.
    const form = await new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type']! },
      body: raw,
    }).formData();
    for (const [k, v] of form) params[k] = typeof v === 'string' ? v : `<file:${v.name}>`;
  }
  return params;
}

/** Values from form/query encodings arrive as strings; Telegram accepts both. */
function asInt(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n)) throw badRequest(`field "${name}" must be of type Integer`);
  return n;
}

function asJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function asBool(v: unknown): boolean {
  return v === true || v === 'true' || v === 'True' || v === '1' || v === 1;
}

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const HTML_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre',
  'blockquote', 'tg-emoji',
]);

/**
 * Parse formatted text roughly like Telegram does and return the visible text
 * (whose length is what the 4096 limit applies to), throwing Telegram's
 * "can't parse entities" errors for the classic mistakes.
 */
function visibleText(text: string, parseMode: string | null): string {
  if (!parseMode) return text;
  const mode = parseMode.toLowerCase();
  if (mode === 'html') {
    const tagRe = /<\/?([a-zA-Z][\w-]*)[^>]*>/g;
    for (const m of text.matchAll(tagRe)) {
      const name = m[1]!.toLowerCase();
      if (!HTML_TAGS.has(name)) {
        const offset = Buffer.byteLength(text.slice(0, m.index));
        throw badRequest(`can't parse entities: Unsupported start tag "${name}" at byte offset ${offset}`);
      }
    }
    const stripped = text.replace(tagRe, '');
    const lt = stripped.indexOf('<');
    if (lt >= 0) {
      throw badRequest(
        `can't parse entities: Unexpected end of name token at byte offset ${Buffer.byteLength(stripped.slice(0, lt))}`,
      );
    }
    return stripped
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  }
  if (mode === 'markdownv2') {
    // Characters that must always be escaped outside of entities/links.
    const reserved = new Set(['.', '!', '#', '+', '-', '=', '{', '}']);
    let out = '';
    let inCode = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\\') {
        if (i + 1 < text.length) out += text[++i];
        continue;
      }
      if (ch === '`') {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        out += ch;
        continue;
      }
      if (ch === ']' && text[i + 1] === '(') {
        // Link target: not visible, and only ')' and '\' need escaping inside it.
        const close = text.indexOf(')', i + 2);
        if (close < 0) throw badRequest("can't parse entities: Can't find end of a URL at byte offset " + i);
        i = close;
        continue;
      }
      if (ch === '[' || ch === ']') continue;
      if (reserved.has(ch)) {
        throw badRequest(
          `can't parse entities: Character '${ch}' is reserved and must be escaped with the preceding '\\'`,
        );
      }
      if ('*_~`|'.includes(ch)) continue; // formatting markers are not visible
      out += ch;
    }
    return out;
  }
  if (mode === 'markdown') return text.replace(/[*_`[\]]/g, '');
  throw badRequest(`unsupported parse_mode`);
}

// ---------------------------------------------------------------------------
// The fake server
// ---------------------------------------------------------------------------

export async function startFakeTelegram(options: FakeTelegramOptions): Promise<FakeTelegram> {
  const { token } = options;
  const botId = Number(token.split(':')[0]);
  if (!Number.isSafeInteger(botId) || botId <= 0) {
    throw new Error('fake telegram: token must look like "<bot id>:<secret>", e.g. 123456789:AAE…');
  }
  const bot: TgUser = {
    id: botId,
    is_bot: true,
    first_name: options.botFirstName ?? 'CareRelay',
    username: options.botUsername ?? 'carerelay_test_bot',
  };

  const sent: FakeTelegramSent[] = [];
  const chatActions: { chatId: number | string; action: string }[] = [];
  const calls: FakeTelegramCall[] = [];
  let pending: TgUpdate[] = [];
  let webhook: FakeTelegramWebhook | null = null;
  let pollAllowedUpdates: string[] | null = null;
  let lastError: { date: number; message: string } | null = null;
  const rateLimits: { retryAfter: number; methods: Set<string> | null }[] = [];
  const chats = new Map<number | string, TgChat>();
  const blocked = new Set<number>();
  const nextMessageId = new Map<number | string, number>();
  const sockets = new Set<Socket>();
  let poll: { wake: () => void; conflict: () => void } | null = null;
  const openPolls = new Set<() => void>();

  function rememberUpdate(update: TgUpdate): void {
    for (const key of ['message', 'edited_message', 'channel_post', 'edited_channel_post'] as const) {
      const msg = update[key] as TgMessage | undefined;
      if (!msg) continue;
      chats.set(msg.chat.id, msg.chat);
      const next = nextMessageId.get(msg.chat.id) ?? 1;
      nextMessageId.set(msg.chat.id, Math.max(next, msg.message_id + 1));
    }
  }

  function resolveChat(chatIdRaw: unknown): TgChat {
    if (chatIdRaw === undefined || chatIdRaw === null || chatIdRaw === '') throw badRequest('chat_id is empty');
    let id: number | string;
    if (typeof chatIdRaw === 'number') id = chatIdRaw;
    else if (typeof chatIdRaw === 'string' && /^-?\d+$/.test(chatIdRaw)) id = Number(chatIdRaw);
    else if (typeof chatIdRaw === 'string' && /^@[A-Za-z0-9_]{4,}$/.test(chatIdRaw)) id = chatIdRaw;
    else throw badRequest('chat not found');
    const known = chats.get(id);
    if (typeof id === 'number' && blocked.has(id)) {
      throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    }
    if (known) return known;
    if (options.strictChats || typeof id === 'string') throw badRequest('chat not found');
    const chat: TgChat =
      id > 0
        ? { id, first_name: 'Patient', type: 'private' }
        : { id, title: 'Group', type: String(id).startsWith('-100') ? 'supergroup' : 'group' };
    return chat;
  }

  function allocMessageId(chatId: number | string): number {
    const id = nextMessageId.get(chatId) ?? 1;
    nextMessageId.set(chatId, id + 1);
    return id;
  }

  function updateType(u: TgUpdate): string | undefined {
    return Object.keys(u).find((k) => k !== 'update_id');
  }

  function takeUpdates(limit: number): TgUpdate[] {
    const allowed = pollAllowedUpdates;
    const list = allowed && allowed.length > 0 ? pending.filter((u) => allowed.includes(updateType(u) ?? '')) : pending;
    return list.slice(0, limit);
  }

  type Outcome = { status: number; body: TgResponse<unknown> };
  const ok = (result: unknown, description?: string): Outcome => ({
    status: 200,
    body: description === undefined ? { ok: true, result } : { ok: true, result, description },
  });

  /** Execute a Bot API method. getUpdates is async (long poll); everything else resolves at once. */
  async function execute(
    methodRaw: string,
    params: Record<string, unknown>,
    via: 'http' | 'webhook-reply',
    onClose?: (cb: () => void) => void,
  ): Promise<Outcome> {
    const method = methodRaw.toLowerCase();
    if (method !== 'getupdates') {
      const idx = rateLimits.findIndex((r) => r.methods === null || r.methods.has(method));
      if (idx >= 0) {
        const [r] = rateLimits.splice(idx, 1);
        throw new ApiError(429, `Too Many Requests: retry after ${r!.retryAfter}`, { retry_after: r!.retryAfter });
      }
    }
    switch (method) {
      case 'getme':
        return ok({
          ...bot,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        });

      case 'sendmessage': {
        const chat = resolveChat(params.chat_id);
        const text = params.text === undefined || params.text === null ? '' : String(params.text);
        const parseMode = typeof params.parse_mode === 'string' && params.parse_mode !== '' ? params.parse_mode : null;
        const visible = visibleText(text, parseMode);
        if (visible.trim().length === 0) throw badRequest('message text is empty');
        // Telegram counts Unicode code points of the text after entity parsing.
        if ([...visible].length > 4096) throw badRequest('message is too long');
        const replyMarkup = asJson(params.reply_markup);
        const message: TgMessage = {
          message_id: allocMessageId(chat.id),
          from: { id: bot.id, is_bot: true, first_name: bot.first_name, username: bot.username! },
          chat,
          date: nowSeconds(),
          text: visible,
        };
        const threadId = asInt(params.message_thread_id, 'message_thread_id');
        if (threadId !== undefined) message.message_thread_id = threadId;
        const entities = parseMode ? [] : detectEntities(visible);
        if (entities.length > 0) message.entities = entities;
        if (
          replyMarkup &&
          typeof replyMarkup === 'object' &&
          'inline_keyboard' in (replyMarkup as Record<string, unknown>)
        ) {
          message.reply_markup = replyMarkup;
        }
        const lpo = asJson(params.link_preview_options);
        if (lpo && typeof lpo === 'object') message.link_preview_options = lpo;
        sent.push({ chatId: chat.id, text, parseMode, replyMarkup: replyMarkup ?? null, params, message, via });
        return ok(message);
      }

      case 'sendchataction': {
        const chat = resolveChat(params.chat_id);
        const action = typeof params.action === 'string' ? params.action : '';
        if (!action) throw badRequest('action is empty');
        if (!CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
        chatActions.push({ chatId: chat.id, action });
        return ok(true);
      }

      case 'setwebhook': {
        const url = params.url === undefined ? '' : String(params.url);
        const secret = params.secret_token === undefined ? null : String(params.secret_token);
        const maxConnections = asInt(params.max_connections, 'max_connections') ?? 40;
        const allowedRaw = asJson(params.allowed_updates);
        if (asBool(params.drop_pending_updates)) pending = [];
        if (url === '') {
          const had = webhook !== null;
          webhook = null;
          return ok(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
        }
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          throw badRequest('invalid webhook URL specified');
        }
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
          throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
        }
        if (options.requireHttpsWebhook) {
          if (parsed.protocol !== 'https:') throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
          if (parsed.port && !['80', '88', '443', '8443'].includes(parsed.port)) {
            throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
          }
        }
        if (secret !== null) {
          if (secret.length > 256) throw badRequest('secret token is too long');
          if (!/^[A-Za-z0-9_-]+$/.test(secret)) throw badRequest('secret token contains unallowed characters');
        }
        if (maxConnections < 1 || maxConnections > 100) throw badRequest('max_connections must be between 1 and 100');
        let allowedUpdates: string[] | null = webhook?.allowedUpdates ?? null;
        if (allowedRaw !== undefined) {
          if (!Array.isArray(allowedRaw)) throw badRequest("can't parse allowed updates");
          allowedUpdates = allowedRaw.map(String);
        }
        const same =
          webhook !== null &&
          webhook.url === url &&
          webhook.secretToken === secret &&
          JSON.stringify(webhook.allowedUpdates) === JSON.stringify(allowedUpdates) &&
          webhook.maxConnections === maxConnections;
        webhook = {
          url,
          secretToken: secret,
          allowedUpdates,
          maxConnections,
          ipAddress: typeof params.ip_address === 'string' ? params.ip_address : '127.0.0.1',
        };
        lastError = null;
        return ok(true, same ? 'Webhook is already set' : 'Webhook was set');
      }

      case 'deletewebhook': {
        if (asBool(params.drop_pending_updates)) pending = [];
        const had = webhook !== null;
        webhook = null;
        return ok(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
      }

      case 'getwebhookinfo': {
        const info: Record<string, unknown> = {
          url: webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: pending.length,
        };
        if (webhook) {
          info.ip_address = webhook.ipAddress;
          info.max_connections = webhook.maxConnections;
          if (webhook.allowedUpdates) info.allowed_updates = webhook.allowedUpdates;
          if (lastError) {
            info.last_error_date = lastError.date;
            info.last_error_message = lastError.message;
          }
        }
        return ok(info);
      }

      case 'getupdates': {
        if (webhook) {
          throw new ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
          );
        }
        const offset = asInt(params.offset, 'offset');
        const limitRaw = asInt(params.limit, 'limit') ?? 100;
        const limit = Math.min(Math.max(limitRaw, 1), 100);
        const timeout = Math.max(asInt(params.timeout, 'timeout') ?? 0, 0);
        const allowedRaw = asJson(params.allowed_updates);
        if (Array.isArray(allowedRaw)) pollAllowedUpdates = allowedRaw.map(String);
        if (offset !== undefined) {
          if (offset < 0) pending = pending.slice(Math.max(pending.length + offset, 0));
          else pending = pending.filter((u) => u.update_id >= offset);
        }
        const now = takeUpdates(limit);
        if (now.length > 0 || timeout === 0) return ok(now);
        // A newer getUpdates terminates the one already waiting, like Telegram.
        poll?.conflict();
        return await new Promise<Outcome>((resolve) => {
          let done = false;
          const finish = (o: Outcome) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            openPolls.delete(abort);
            if (poll === me) poll = null;
            resolve(o);
          };
          const abort = () => finish(ok([]));
          const timer = setTimeout(() => finish(ok([])), timeout * 1000);
          const me = {
            wake: () => {
              const got = takeUpdates(limit);
              if (got.length > 0) finish(ok(got));
            },
            conflict: () =>
              finish({
                status: 409,
                body: {
                  ok: false,
                  error_code: 409,
                  description:
                    'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
                },
              }),
          };
          poll = me;
          openPolls.add(abort);
          onClose?.(abort);
        });
      }

      case 'getfile': {
        const id = typeof params.file_id === 'string' ? params.file_id : '';
        if (!id) throw badRequest('file_id is empty');
        return ok({
          file_id: id,
          file_unique_id: uniqueId(id),
          file_size: 1024,
          file_path: `photos/file_${Buffer.from(id).toString('hex').slice(0, 8)}.jpg`,
        });
      }

      case 'deletemessage':
      case 'answercallbackquery':
      case 'setmycommands':
      case 'deletemycommands':
        return ok(true);

      default:
        throw new ApiError(404, 'Not Found');
    }
  }

  function write(res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      Server: 'nginx/1.18.0',
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(json),
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Content-Length,Content-Type,Date,Server,Connection',
    });
    res.end(json);
  }

  const errorBody = (e: ApiError): TgError =>
    e.parameters
      ? { ok: false, error_code: e.status, description: e.description, parameters: e.parameters }
      : { ok: false, error_code: e.status, description: e.description };

  async function run(
    method: string,
    params: Record<string, unknown>,
    via: 'http' | 'webhook-reply',
    meta: { httpMethod: string; contentType: string | null },
    onClose?: (cb: () => void) => void,
  ): Promise<Outcome> {
    let outcome: Outcome;
    try {
      outcome = await execute(method, params, via, onClose);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      outcome = { status: err.status, body: errorBody(err) };
    }
    calls.push({ method, params, ...meta, status: outcome.status, response: outcome.body });
    return outcome;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const urlObj = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readRaw(req);
    const m = /^\/bot([^/]*)\/([A-Za-z_]*)\/?$/.exec(urlObj.pathname);
    if (m && m[1] !== token) {
      write(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    if (!m) {
      const f = /^\/file\/bot([^/]*)\/(.+)$/.exec(urlObj.pathname);
      if (f && f[1] === token) {
        const bytes = Buffer.from('ffd8ffe000104a464946', 'hex'); // JPEG magic
        res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': bytes.length });
        res.end(bytes);
        return;
      }
      write(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const method = m[2] ?? '';
    if (method === '') {
      write(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      return;
    }
    let params: Record<string, unknown>;
    try {
      params = await parseParams(req, raw, urlObj.search.slice(1));
    } catch (err) {
      if (err instanceof ApiError) {
        write(res, err.status, errorBody(err));
        return;
      }
      throw err;
    }
    const outcome = await run(
      method,
      params,
      'http',
      { httpMethod: req.method ?? 'GET', contentType: req.headers['content-type'] ?? null },
      (cb) => res.on('close', cb),
    );
    if (!res.destroyed && !res.writableEnded) write(res, outcome.status, outcome.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) write(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(err)}` });
      else res.destroy();
    });
  });
  const { origin } = await listenOnLoopback(server, sockets);
  const url = origin;

  return {
    url,
    token,
    botId,
    bot,
    sent,
    chatActions,
    calls,
    get webhook() {
      return webhook;
    },
    get pendingUpdates() {
      return pending;
    },
    rateLimitNext(n, retryAfterSeconds, methods) {
      const set = methods ? new Set(methods.map((x) => x.toLowerCase())) : null;
      for (let i = 0; i < n; i++) rateLimits.push({ retryAfter: retryAfterSeconds, methods: set });
    },
    blockChat(chatId) {
      blocked.add(chatId);
    },
    addChat(chat) {
      chats.set(chat.id, chat);
    },
    queueUpdate(update) {
      rememberUpdate(update);
      pending.push(update);
      pending.sort((a, b) => a.update_id - b.update_id);
      poll?.wake();
    },
    async deliverWebhook(update, opts = {}) {
      if (!webhook) throw new Error('fake telegram: no webhook set (call setWebhook first)');
      rememberUpdate(update);
      const secret = opts.secretToken === undefined ? webhook.secretToken : opts.secretToken;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (secret !== null) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
      let res: Response;
      try {
        res = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
      } catch (err) {
        lastError = { date: nowSeconds(), message: 'Connection refused' };
        throw err;
      }
      const text = await res.text();
      if (res.status < 200 || res.status >= 300) {
        lastError = {
          date: nowSeconds(),
          message: `Wrong response from the webhook: ${res.status} ${res.statusText}`.trim(),
        };
        return res.status;
      }
      // Telegram executes a method call returned in the webhook's response body.
      if ((res.headers.get('content-type') ?? '').includes('application/json') && text) {
        try {
          const body = JSON.parse(text) as Record<string, unknown>;
          if (body && typeof body.method === 'string') {
            const { method, ...params } = body;
            await run(method, params, 'webhook-reply', { httpMethod: 'WEBHOOK', contentType: 'application/json' });
          }
        } catch {
          // Not JSON: Telegram ignores the body.
        }
      }
      return res.status;
    },
    textUpdate,
    stickerUpdate,
    photoUpdate,
    editedMessageUpdate,
    async close() {
      for (const abort of [...openPolls]) abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
