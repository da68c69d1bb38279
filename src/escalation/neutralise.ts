/**
 * Patient text shown in Mattermost must stay inert: no @channel/@here/@all or user
 * mentions, no links, images, channel links, hashtags or formatting. Mattermost's server
 * finds mentions in the raw text and its renderer autolinks URLs, so both are defused
 * with invisible characters; Markdown is defused with backslash escapes.
 */
const ZWJ = '\u200D';
const ZWSP = '\u200B';

// Characters Markdown (and Mattermost's extensions) give meaning to, anywhere in a line.
const INLINE_MARKDOWN = /[\\`*_{}[\]()#!|<>~$^=:+]/g;

/** One line (or paragraph) of untrusted text, safe to embed in a Mattermost post. */
export function neutraliseInline(text: string): string {
  return (
    text
      // Control and bidi-override characters could hide or reorder what staff read.
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(INLINE_MARKDOWN, (c) => `\\${c}`)
      // "@all" → "@\u200Dall": no longer a word Mattermost treats as a mention.
      .replace(/@/g, `@${ZWJ}`)
      // Break autolinks: schemes, www. hosts and e-mail style addresses.
      .replace(/\/\//g, `/${ZWSP}/`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
  );
}

/** Multi-line untrusted text as a Markdown block quote, every line neutralised. */
export function quoteUntrusted(text: string, maxChars = 1500): string {
  const clipped = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  return clipped
    .split(/\r?\n/)
    .map((line) => {
      // A line-leading "-" (list, rule) or "1." (list) would format; "+", "#", ">" are escaped already.
      const safe = neutraliseInline(line)
        .replace(/^(\s*)-/, '$1\\-')
        .replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3');
      return `> ${safe}`;
    })
    .join('\n');
}
