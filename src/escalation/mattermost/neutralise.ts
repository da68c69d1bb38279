/**
 * Patient text shown in Mattermost must stay inert: no mentions, links, images, channel
 * links, hashtags or formatting, and nothing a nurse reads differently from what the
 * patient wrote. Two tools, each where it works:
 *
 * - Backslash escapes, only for characters Mattermost's Markdown (its fork of marked, GFM
 *   rules) accepts after a backslash: `` \ ` * { } [ ] ( ) # + - . ! _ > | ~ ``. Any other
 *   escape (`\:`, `\$`, `\<`) would show the backslash, so those are never escaped.
 * - Invisible characters, for what Mattermost finds outside Markdown or after escapes are
 *   resolved: the server reads mentions from the raw text; the web app links `~channel`,
 *   `#hashtag` and `@user` in rendered text, and autolinks URLs with a scheme
 *   (`https:`, `mailto:`, `tel:`), `www.` hosts, bare domains followed by `/`
 *   (`evil.com/login`), and e-mail addresses. A zero-width character at the right place
 *   breaks each pattern without changing what a nurse sees.
 *
 * Not preventable from here: Mattermost also notifies users whose first name or chosen
 * keywords appear in a post; those are plain words, decided per user on the server.
 * Inline LaTeX (`$…$`, off unless the admin enables LaTeX) cannot be escaped either.
 */
const ZWJ = '\u200D';
const ZWSP = '\u200B';

// What marked's escape rule accepts after a backslash (with GFM's `~`).
const ESCAPABLE = new Set(['\\', '`', '*', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '_', '>', '|', '~']);
// Emphasis, code, links and images, tables: escaped wherever they appear.
const ALWAYS_ESCAPED = new Set(['*', '_', '`', '[', ']', '|']);
// Control and bidi-override characters could hide or reorder what staff read.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** Breaks what Mattermost would autolink: schemes, `www.` hosts, domains and e-mail domains. */
function breakAutolinks(line: string): string {
  return (
    line
      // "https://…", "mailto:x", "tel:911": a scheme needs ":" followed by "/", a letter, digit or "%".
      .replace(/([A-Za-z][A-Za-z\d.+-]*):(?=[/\p{L}\d%])/gu, `$1:${ZWSP}`)
      // "www.x", "www1.x" (also without a dot-letter host after it).
      .replace(/\b(www\d{0,3})\./giu, `$1${ZWSP}.`)
      // "evil.com", "evil.com/login", "a@b.example": no "name.tld" survives as one token.
      .replace(/(?<=[\p{L}\d])\.(?=\p{L}{2})/gu, `${ZWSP}.`)
  );
}

/** One line of untrusted text, safe anywhere in a Mattermost post (also at a line start). */
function neutraliseLine(raw: string): string {
  const line = breakAutolinks(raw);
  const chars = [...line];
  const lead = chars.findIndex((c) => c !== ' ');
  // Block syntax only counts at the start of a line.
  const heading = /^ *#{1,6}( |$)/.test(line);
  const orderedList = /^ *\d{1,9}[.)]/.exec(line)?.[0].length;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const next = chars[i + 1];
    if (ch === '\\') {
      // A backslash shows as itself unless it escapes the next character: then it is doubled.
      out += next !== undefined && ESCAPABLE.has(next) ? '\\\\' : '\\';
    } else if (ALWAYS_ESCAPED.has(ch)) {
      out += `\\${ch}`;
    } else if (i === lead && (ch === '>' || ch === '-' || ch === '+' || (ch === '#' && heading))) {
      out += `\\${ch}`; // quote, list, rule, heading
    } else if (i === lead && ch === '=') {
      out += `${ZWSP}=`; // a setext heading underline; "=" has no escape
    } else if (orderedList !== undefined && i === orderedList - 1) {
      out += `\\${ch}`; // "1." / "1)" list marker
    } else if (ch === '@') {
      out += `@${ZWJ}`; // "@all" → "@\u200Dall": no longer a word Mattermost treats as a mention
    } else if (ch === '~') {
      out += `~${ZWSP}`; // ~channel links, ~~strikethrough~~, ~~~ fences
    } else if (ch === '#' && next !== undefined && /[\p{L}\d]/u.test(next)) {
      out += `#${ZWSP}`; // hashtags
    } else if (ch === '<') {
      out += `<${ZWSP}`; // HTML tags and <https://…> autolinks
    } else {
      out += ch;
    }
  }
  return out;
}

/** One line (or paragraph) of untrusted text, safe to embed in a Mattermost post. */
export function neutraliseInline(text: string): string {
  return neutraliseLine(text.replace(CONTROL, '').replace(/\r\n?|\n/g, ' '));
}

/** Counts what Mattermost's limits count: Unicode code points (Go runes), not UTF-16 units. */
export function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `max` code points of `text` (never half of a surrogate pair). */
export function clipRunes(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ >= max) break;
    out += ch;
  }
  return out;
}

/** Multi-line untrusted text as a Markdown block quote, every line neutralised; `maxChars` in code points. */
export function quoteUntrusted(text: string, maxChars = 1500): string {
  const clean = text.replace(CONTROL, '');
  const clipped = runeCount(clean) > maxChars ? `${clipRunes(clean, maxChars)}…` : clean;
  return clipped
    .split(/\r\n?|\n/)
    .map((line) => `> ${neutraliseLine(line)}`)
    .join('\n');
}
