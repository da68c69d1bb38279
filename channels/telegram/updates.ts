import { idString } from './json.js';

/** The parts of a Bot API update we read; ids may be numbers or (when huge) strings. */
interface TgUser {
  id: number | string;
  is_bot?: boolean;
  first_name?: string;
  language_code?: string;
}
interface TgMessage {
  message_id: number;
  from?: TgUser;
  chat: { id: number | string; type?: string };
  date?: number;
  text?: string;
  caption?: string;
  [media: string]: unknown;
}
interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  data?: string;
}
export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  edited_message?: TgMessage;
  channel_post?: TgMessage;
  edited_channel_post?: TgMessage;
  callback_query?: TgCallbackQuery;
  [other: string]: unknown;
}

export interface Sender {
  chatId: string;
  chatType: string;
  userId?: string;
  firstName?: string;
  languageCode?: string;
}

export type MediaKind = 'sticker' | 'photo' | 'voice' | 'audio' | 'video' | 'video_note' | 'document' | 'animation' | 'location' | 'contact' | 'other';

/** What one update means for us. */
export type Inbound =
  | { kind: 'text'; updateId: number; messageId: number; sender: Sender; text: string; date: Date }
  | { kind: 'media'; updateId: number; messageId: number; sender: Sender; media: MediaKind; caption?: string; date: Date }
  | { kind: 'callback'; updateId: number; callbackId: string; sender: Sender; data: string }
  /** Telegram expects no answer: edits, channel posts, service messages, other bots, unknown types. */
  | { kind: 'ignore'; updateId: number; why: string };

/** An update we answer or store. */
export type Actionable = Exclude<Inbound, { kind: 'ignore' }>;

const MEDIA: MediaKind[] = ['sticker', 'photo', 'voice', 'audio', 'video', 'video_note', 'document', 'animation', 'location', 'contact'];

function senderOf(chat: TgMessage['chat'], from: TgUser | undefined): Sender | undefined {
  const chatId = idString(chat.id);
  if (!chatId) return undefined;
  return {
    chatId,
    chatType: chat.type ?? 'private',
    userId: from ? idString(from.id) : undefined,
    firstName: from?.first_name,
    languageCode: from?.language_code,
  };
}

export function isUpdate(value: unknown): value is TgUpdate {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as TgUpdate).update_id);
}

export function classifyUpdate(update: TgUpdate): Inbound {
  const updateId = update.update_id;
  if (update.edited_message) return { kind: 'ignore', updateId, why: 'edited_message' };
  if (update.channel_post || update.edited_channel_post) return { kind: 'ignore', updateId, why: 'channel_post' };

  const query = update.callback_query;
  if (query) {
    const sender = query.message ? senderOf(query.message.chat, query.from) : undefined;
    if (!sender || typeof query.data !== 'string') return { kind: 'ignore', updateId, why: 'callback_without_chat' };
    return { kind: 'callback', updateId, callbackId: String(query.id), sender, data: query.data };
  }

  const message = update.message;
  if (!message) return { kind: 'ignore', updateId, why: Object.keys(update).find((k) => k !== 'update_id') ?? 'empty' };
  if (message.from?.is_bot) return { kind: 'ignore', updateId, why: 'from_bot' };
  const sender = senderOf(message.chat, message.from);
  if (!sender) return { kind: 'ignore', updateId, why: 'bad_chat_id' };
  const date = new Date((message.date ?? Math.floor(Date.now() / 1000)) * 1000);
  if (typeof message.text === 'string') {
    return { kind: 'text', updateId, messageId: message.message_id, sender, text: message.text, date };
  }
  const media = MEDIA.find((m) => message[m] !== undefined);
  if (media) {
    return { kind: 'media', updateId, messageId: message.message_id, sender, media, date, ...(message.caption ? { caption: message.caption } : {}) };
  }
  // Service messages (member joined, pinned, chat title changed...) carry none of the above.
  const service = ['new_chat_members', 'left_chat_member', 'new_chat_title', 'pinned_message', 'group_chat_created', 'migrate_to_chat_id', 'migrate_from_chat_id'];
  if (service.some((k) => message[k] !== undefined)) return { kind: 'ignore', updateId, why: 'service_message' };
  return { kind: 'media', updateId, messageId: message.message_id, sender, media: 'other', date };
}

/**
 * Bot commands become what the dialog engine understands: `/start` (a greeting),
 * `/help`, `/lang xx`. `/start` with text after it (a deep link payload is one word)
 * is a question typed after the command, so the question is what counts.
 * Undefined for a group command addressed to another bot (`/help@otherbot`).
 */
export function normaliseCommand(text: string, botUsername?: string): string | undefined {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,32}))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return text;
  const [, name, addressee, rest] = match;
  if (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const command = name!.toLowerCase();
  const argument = rest?.trim() ?? '';
  if (command === 'start') return argument && !/^[A-Za-z0-9_-]{1,64}$/.test(argument) ? argument : '/start';
  return argument ? `/${command} ${argument}` : `/${command}`;
}
