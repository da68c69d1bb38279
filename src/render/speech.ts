import { normaliseBullets, removeLinks, stripMarkdown } from './plain-text.js';

/**
 * Text for the ear: no markdown, no URLs, no emoji, lists shortened to a spoken sentence,
 * phone numbers read digit by digit in groups, and long clauses cut into short sentences.
 */
export interface SpeechOptions {
  /** BCP 47 tag; picks the list conjunction ("and", "y", "和", "और"). */
  locale: string;
  /** Said instead of a URL or e-mail address ("our website"); dropped when absent. */
  linkPhrase?: string;
  /** Numbers to read digit by digit wherever they stand alone (the emergency number, the crisis line). */
  spell?: string[];
  /** Longest list read out; the rest is summed up by `andMore`. */
  maxListItems?: number;
  andMore?: string;
}

const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}]/gu;
// Seven or more digits written with the usual phone separators: (555) 123-4567, +1 555 123 4567.
const PHONE = /(?<![\d.,])\+?\(?\d[\d\s().-]{5,}\d(?![\d.,]*\d)/g;

/** "(555) 123-4567" → "5 5 5, 1 2 3, 4 5 6 7": each digit said, a short pause between groups. */
export function spellPhoneNumber(raw: string): string {
  const groups = raw.split(/[\s().-]+/).filter(Boolean);
  return groups.map((g) => [...g.replace(/^\+/, '')].join(' ')).join(', ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phone numbers and the numbers in `spell` read digit by digit; the rest of the text as it is. */
export function sayNumbers(text: string, spell: string[] = []): string {
  let out = text.replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? spellPhoneNumber(m) : m));
  for (const n of spell.filter((s) => /^\d{2,6}$/.test(s))) {
    out = out.replace(new RegExp(`(?<![\\d.,])${escapeRegExp(n)}(?![\\d.,]*\\d)`, 'g'), [...n].join(' '));
  }
  return out;
}

/** Consecutive "- item" lines become one sentence: "a, b and c", at most `max` items. */
function speakLists(text: string, locale: string, max: number, andMore?: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let items: string[] = [];
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const flush = () => {
    if (!items.length) return;
    const kept = items.slice(0, max).map((i) => i.replace(/[.;:。；：।]+$/u, ''));
    const more = items.length > max && andMore ? [andMore] : [];
    out.push(`${list.format([...kept, ...more])}.`);
    items = [];
  };
  for (const line of lines) {
    const item = /^- (.+)$/.exec(line.trim());
    if (item) items.push(item[1]!.trim());
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

/** Every line ends as a sentence, and semicolons and dashes between clauses become full stops. */
function shortSentences(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/[.!?。！？।:]$/u.test(l) ? l : `${l}.`))
    .join(' ')
    .replace(/\s*[;；]\s*/g, '. ')
    .replace(/\s+[—–]\s+/g, '. ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function toSpeech(text: string, options: SpeechOptions): string {
  let out = stripMarkdown(text, 'drop');
  out = removeLinks(out, options.linkPhrase ?? '');
  out = out.replace(PICTOGRAPHS, '');
  out = normaliseBullets(out);
  out = speakLists(out, options.locale, options.maxListItems ?? 3, options.andMore);
  out = sayNumbers(out, options.spell ?? []);
  out = out.replace(/[*_#`|<>]/g, ' ');
  return shortSentences(out);
}
