/**
 * How an SMS body travels: GSM-7 (7-bit septets; 160 in a single message, 153 per part of a
 * concatenated one, extension-table characters cost two septets) or, as soon as one character
 * is outside GSM-7, UCS-2 (UTF-16 code units; 70 single, 67 per part). Handsets never split a
 * surrogate pair or an escape sequence across parts, so parts are packed whole characters at a time.
 *
 * The segment count of a UCS-2 text longer than one message is Twilio's own calculator's
 * (sms-segments-calculator): it keeps each grapheme cluster whole in one part (a Devanagari
 * conjunct, an emoji sequence), so Hindi texts can take a part more than packing code points
 * would say. Everything else is counted here: the calculator costs about 1 ms a call, and
 * single-part and GSM-7 texts count the same either way.
 */
import { SegmentedMessage } from 'sms-segments-calculator';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsMeasure {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Characters as Twilio counts them for its 1,600 limit (code points). */
  characters: number;
}

// GSM 03.38 default alphabet (one septet each); the escape code itself is not included.
const GSM_BASIC = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ',
  ...' !"#¤%&\'()*+,-./0123456789:;<=>?',
  ...'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§',
  ...'¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);
// Extension table: reached through the escape septet, so two septets each.
const GSM_EXTENDED = new Set([...'\f^{}\\[~]|€']);

export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** Septets a character costs in GSM-7, or undefined when it forces UCS-2. */
function septets(ch: string): 1 | 2 | undefined {
  if (GSM_BASIC.has(ch)) return 1;
  if (GSM_EXTENDED.has(ch)) return 2;
  return undefined;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (septets(ch) === undefined) return 'UCS-2';
  return 'GSM-7';
}

/** The cost of one character in the given encoding. */
const cost = (ch: string, encoding: SmsEncoding): number => (encoding === 'GSM-7' ? septets(ch)! : ch.length);

/**
 * The parts a handset receives for `text`, in order. A body that fits a single message is one
 * part; otherwise parts hold at most 153 septets / 67 code units and never cut a character.
 */
export function splitIntoSegments(text: string): string[] {
  const encoding = smsEncoding(text);
  const chars = [...text];
  const total = chars.reduce((n, ch) => n + cost(ch, encoding), 0);
  if (total <= SMS_LIMITS[encoding].single) return [text];
  const capacity = SMS_LIMITS[encoding].part;
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of chars) {
    const c = cost(ch, encoding);
    if (used + c > capacity) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += c;
  }
  if (current) parts.push(current);
  return parts;
}

export function measureSms(text: string): SmsMeasure {
  const encoding = smsEncoding(text);
  let units = 0;
  let characters = 0;
  for (const ch of text) {
    units += cost(ch, encoding);
    characters++;
  }
  const segments = units <= SMS_LIMITS[encoding].single ? 1 : encoding === 'UCS-2' ? new SegmentedMessage(text).segmentsCount : splitIntoSegments(text).length;
  return { encoding, units, segments, characters };
}

/**
 * GSM-7 lookalikes for the characters our texts use that GSM-7 lacks: Spanish á í ó ú (é, ñ, ü,
 * ¿ and ¡ are GSM-7 already), typographic quotes and dashes, the ellipsis, the degree sign and
 * no-break spaces. One "á" makes a whole SMS UCS-2, 67 characters a part instead of 153: a
 * Spanish answer then needs five parts where it needs two. The same idea as the providers'
 * "smart encoding", which replaces the punctuation but not the letters.
 */
const GSM_LOOKALIKES: Record<string, string> = {
  á: 'a', í: 'i', ó: 'o', ú: 'u', Á: 'A', Í: 'I', Ó: 'O', Ú: 'U', â: 'a', ê: 'e', î: 'i', ô: 'o', û: 'u', ç: 'c', ã: 'a', õ: 'o', ï: 'i', ë: 'e',
  '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"', '«': '"', '»': '"', '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2026': '...',
  '°': '', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ', '•': '-', '·': '-',
};

/**
 * `text` in GSM-7 where lookalikes make it so; unchanged when something else (Chinese,
 * Devanagari, an emoji) would keep it UCS-2 anyway, so no accent is dropped for nothing.
 */
export function toGsm7(text: string): string {
  if (smsEncoding(text) === 'GSM-7') return text;
  let out = '';
  for (const ch of text) {
    const mapped = GSM_LOOKALIKES[ch] ?? ch;
    for (const c of mapped) if (septets(c) === undefined) return text;
    out += mapped;
  }
  return out;
}
