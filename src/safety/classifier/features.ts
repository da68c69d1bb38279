/**
 * Features of one normalised message for the statistical safety classifier. They are chosen to
 * survive what patients type: character n-grams inside words (typos, missing accents, the many
 * spellings of romanised Hindi), Han characters and their pairs and triples (Chinese has no
 * spaces), and word unigrams and bigrams (negation and short phrases: "no chest", "not breathing").
 * Each feature is a string hashed to 32 bits, so the model stores numbers, not text.
 */

export interface FeatureOptions {
  /** Character n-gram lengths inside `<word>` (boundary markers included). */
  charMin: number;
  charMax: number;
  /** Han n-gram lengths inside a run of Chinese characters. */
  hanMax: number;
  /** Word bigrams across neighbouring words of a clause. */
  wordBigrams: boolean;
  /**
   * Also the concept rules' evidence (`conceptFeatures`): which signs of the lexicon stand, which a
   * guard cancelled, which guards are present. The lexicon knows many ways to say each sign, so the
   * model learns from "a live BREATH_TROUBLE with a live CYANOSIS", not only from the words seen in
   * training. Models without it read text alone.
   */
  concepts?: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { charMin: 2, charMax: 5, hanMax: 3, wordBigrams: true, concepts: true };

/** The concept rules' evidence about one message (src/safety/evaluate.ts `MessageEvidence`). */
export interface ConceptEvidence {
  live: readonly string[];
  cancelled: readonly string[];
  guards: readonly string[];
}

/** Feature strings of the concept evidence: live and cancelled signs, guards, and pairs of live signs. */
export function conceptFeatures(evidence: ConceptEvidence): string[] {
  const out: string[] = [];
  for (const c of evidence.live) out.push(`kL${c}`);
  for (const c of evidence.cancelled) out.push(`kX${c}`);
  for (const g of evidence.guards) out.push(`kG${g}`);
  const live = [...evidence.live].sort();
  for (let i = 0; i < live.length; i++) for (let j = i + 1; j < live.length; j++) out.push(`kP${live[i]}+${live[j]}`);
  return out;
}

/** One message as a sparse vector: distinct feature hashes, each with the same weight 1/√n. */
export interface FeatureVector {
  keys: Uint32Array;
  value: number;
}

// A run of Han characters, or a word of letters, marks and digits (with a decimal part: "38.5").
const TOKEN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+(?:[.,]\d+)?)|([.!?。！？\n।,;:，；、]+)/gu;

/** Hashes keep 30 bits: small integers stay unboxed in V8, which makes extraction several times faster. */
const HASH_MASK = 0x3fffffff;

/** FNV-1a over UTF-16 code units (30 bits): fast, stable across runs and machines. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & HASH_MASK;
}

/**
 * The feature strings of a normalised message (duplicates kept), for reading and testing;
 * `extractFeatures` hashes the same strings without building them. N-grams count UTF-16 units.
 */
export function featureStrings(normalised: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  for (const m of normalised.matchAll(TOKEN)) {
    const [, han, word] = m;
    if (han) {
      for (let n = 1; n <= options.hanMax; n++) {
        for (let i = 0; i + n <= han.length; i++) out.push(`h${han.slice(i, i + n)}`);
      }
      // Next to a Latin word, the nearest Han character makes a bigram ("baby 发烧").
      if (options.wordBigrams && previous !== undefined) out.push(`b${previous} ${han.charAt(0)}`);
      previous = han.charAt(han.length - 1);
    } else if (word) {
      out.push(`w${word}`);
      if (options.wordBigrams && previous !== undefined) out.push(`b${previous} ${word}`);
      previous = word;
      const padded = `<${word}>`;
      for (let n = options.charMin; n <= options.charMax; n++) {
        for (let i = 0; i + n <= padded.length; i++) out.push(`c${padded.slice(i, i + n)}`);
      }
    } else {
      // Punctuation ends the clause: no bigram across it.
      previous = undefined;
    }
  }
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const TAG = { han: 'h'.charCodeAt(0), word: 'w'.charCodeAt(0), bigram: 'b'.charCodeAt(0), char: 'c'.charCodeAt(0), space: 32, open: '<'.charCodeAt(0), close: '>'.charCodeAt(0) };

// Hashes of the message being extracted (reused between calls; extraction is synchronous).
let buffer = new Int32Array(1024);
let count = 0;

function add(hash: number): void {
  if (count === buffer.length) {
    const bigger = new Int32Array(buffer.length * 2);
    bigger.set(buffer);
    buffer = bigger;
  }
  buffer[count++] = hash;
}

/** FNV-1a state after one more UTF-16 code unit (the same steps as `hashFeature`). */
const step = (h: number, unit: number): number => Math.imul(h ^ unit, FNV_PRIME);

function stepString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}

/**
 * The distinct hashes of `featureStrings(normalised)` and of `extra` (concept features), computed
 * without building the n-gram strings (each n-gram's hash extends the one a unit shorter). Each
 * present feature weighs 1/√(count).
 */
export function extractFeatures(normalised: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS, extra: readonly string[] = []): FeatureVector {
  count = 0;
  for (const feature of extra) add(hashFeature(feature));
  const units: number[] = [];
  let previous: string | undefined;
  for (const m of normalised.matchAll(TOKEN)) {
    const [, han, word] = m;
    if (han) {
      for (let i = 0; i < han.length; i++) {
        let h = step(FNV_OFFSET, TAG.han);
        for (let n = 1; n <= options.hanMax && i + n <= han.length; n++) {
          h = step(h, han.charCodeAt(i + n - 1));
          add(h & HASH_MASK);
        }
      }
      if (options.wordBigrams && previous !== undefined) add(bigramHash(previous, han.charAt(0)));
      previous = han.charAt(han.length - 1);
    } else if (word) {
      add(stepString(step(FNV_OFFSET, TAG.word), word) & HASH_MASK);
      if (options.wordBigrams && previous !== undefined) add(bigramHash(previous, word));
      previous = word;
      units.length = 0;
      units.push(TAG.open);
      for (let i = 0; i < word.length; i++) units.push(word.charCodeAt(i));
      units.push(TAG.close);
      for (let i = 0; i < units.length; i++) {
        let h = step(FNV_OFFSET, TAG.char);
        for (let n = 1; n <= options.charMax && i + n <= units.length; n++) {
          h = step(h, units[i + n - 1]!);
          if (n >= options.charMin) add(h & HASH_MASK);
        }
      }
    } else {
      previous = undefined;
    }
  }
  // Sorting a typed array and skipping repeats is several times faster than a Set here.
  const sorted = buffer.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  const keys = Uint32Array.from(sorted.subarray(0, distinct));
  return { keys, value: keys.length ? 1 / Math.sqrt(keys.length) : 0 };
}

function bigramHash(previous: string, word: string): number {
  return stepString(step(stepString(step(FNV_OFFSET, TAG.bigram), previous), TAG.space), word) & HASH_MASK;
}
