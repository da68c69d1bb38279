/**
 * Telegram ids are 64-bit integers. Today's chat and user ids have at most 52 significant
 * bits (so they fit a double), but the Bot API only promises a signed 64-bit integer.
 * `JSON.parse` would round a larger literal silently, so integer literals that a double
 * cannot hold exactly are turned into strings before parsing. Callers read ids with
 * `idString`, which is exact either way.
 */
export function parseJsonKeepingBigIntegers(raw: string): unknown {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      // Skip the whole string literal, honouring escapes.
      i++;
      while (i < n && raw.charCodeAt(i) !== 0x22) i += raw.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
      continue;
    }
    if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      const start = i;
      i++;
      while (i < n && /[0-9.eE+-]/.test(raw[i]!)) i++;
      const literal = raw.slice(start, i);
      if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += raw.slice(copiedUpTo, start) + `"${literal}"`;
        copiedUpTo = i;
      }
      continue;
    }
    i++;
  }
  return JSON.parse(copiedUpTo === 0 ? raw : out + raw.slice(copiedUpTo));
}

/** An id as Telegram sent it (number, or string for the ones too large for a double). */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
  return undefined;
}
