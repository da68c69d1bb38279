import type { Message } from './message.js';

/**
 * The one normaliser for what people send us, applied where messages enter the core
 * (`processor.accept`) and by channels that read text before that (keywords, commands).
 * PostgreSQL refuses NUL in text and jsonb, and control characters have no business in a
 * chat: C0 and C1 controls and DEL are removed, except line feed and tab; CR LF and lone CR
 * become LF; half a surrogate pair becomes U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

// Half of a surrogate pair on its own: jsonb refuses its escape; it becomes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Cleans every string (keys too) of a JSON-like value, e.g. a provider payload kept in `channelData`. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)])) as T;
  }
  return value;
}

/** The message with every text field cleaned (ids, name and provider payload included). */
export function normaliseInbound(message: Message): Message {
  return {
    ...message,
    text: cleanText(message.text),
    conversation: { id: cleanText(message.conversation.id) },
    from: { ...message.from, id: cleanText(message.from.id), ...(message.from.name !== undefined ? { name: cleanText(message.from.name) } : {}) },
    ...(message.externalId !== undefined ? { externalId: cleanText(message.externalId) } : {}),
    ...(message.locale !== undefined ? { locale: cleanText(message.locale) } : {}),
    ...(message.channelData !== undefined ? { channelData: cleanDeep(message.channelData) } : {}),
  };
}
