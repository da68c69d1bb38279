/**
 * Splits text into chunks that each satisfy a channel's limit, cutting between sentences
 * where possible (Intl.Segmenter knows ., ?, !, 。, ！, ？, । and line breaks), then between
 * words, and only as a last resort between graphemes — never inside a surrogate pair or
 * a combining sequence (Devanagari matras, emoji with modifiers).
 */
export interface SplitOptions {
  /** True when `chunk` fits one message of the channel. */
  fits(chunk: string): boolean;
  /** BCP 47 tag for the segmenter; sentence rules barely differ, word rules do (zh). */
  locale?: string;
  /** Keep at most this many chunks; the rest is dropped (the caller decides whether to say so). */
  maxChunks?: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string, granularity: 'sentence' | 'word' | 'grapheme'): Intl.Segmenter {
  const key = `${locale}:${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

const pieces = (text: string, locale: string, granularity: 'sentence' | 'word' | 'grapheme'): string[] =>
  Array.from(segmenter(locale, granularity).segment(text), (s) => s.segment);

/** The sentences of `text`, each with its trailing space or line break. */
export function sentences(text: string, locale = 'en'): string[] {
  return pieces(text, locale, 'sentence');
}

/** Greedy packing of `units` into chunks that `fits`; a unit too big on its own is split finer. */
function pack(units: string[], fits: (s: string) => boolean, finer: (unit: string) => string[] | undefined): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  for (const unit of units) {
    if (fits((current + unit).trim())) {
      current += unit;
      continue;
    }
    flush();
    if (fits(unit.trim())) {
      current = unit;
      continue;
    }
    const smaller = finer(unit);
    if (!smaller) {
      // A single grapheme that does not fit anything: send it alone rather than lose it.
      current = unit;
      flush();
      continue;
    }
    const inner = pack(smaller, fits, () => undefined);
    // Keep the last inner piece open so the next sentence can join it.
    for (const piece of inner.slice(0, -1)) chunks.push(piece);
    current = (inner.at(-1) ?? '') + (/\s*$/.exec(unit)?.[0] ?? '');
  }
  flush();
  return chunks;
}

export function splitText(text: string, options: SplitOptions): string[] {
  const locale = options.locale ?? 'en';
  const trimmed = text.trim();
  if (!trimmed) return [];
  const chunks = options.fits(trimmed)
    ? [trimmed]
    : pack(sentences(trimmed, locale), options.fits, (sentence) => {
        const words = pieces(sentence, locale, 'word');
        return words.length > 1 ? splitWordsThenGraphemes(words, options.fits, locale) : pieces(sentence, locale, 'grapheme');
      });
  return options.maxChunks ? chunks.slice(0, options.maxChunks) : chunks;
}

/** Words, with any word longer than a chunk (a long URL, an unspaced run of text) broken into graphemes. */
function splitWordsThenGraphemes(words: string[], fits: (s: string) => boolean, locale: string): string[] {
  return words.flatMap((w) => (fits(w.trim()) ? [w] : pieces(w, locale, 'grapheme')));
}
