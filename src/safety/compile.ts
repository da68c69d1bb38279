import { createFuzzyIndex, MIN_FUZZY_LENGTH, withinOneEdit, type FuzzyIndex } from './fuzzy.js';
import { normalise, tokenise, type Token } from './text.js';
import { GUARD_CONCEPTS, type LanguageRules } from './types.js';

/** One place where a concept's phrase matched: tokens `start`..`end` inclusive. */
export interface ConceptMatch {
  concept: string;
  start: number;
  end: number;
  /**
   * Tokens inside start..end that a `…` gap stepped over: they are not part of the phrase, so a
   * negation there ("face is not drooping") still negates it. Absent when the phrase has no gap.
   */
  skipped?: number[];
}

type Slot =
  | { kind: 'keys'; keys: Set<string> }
  | { kind: 'num'; lo: number; hi: number }
  | { kind: 'gap' }
  | { kind: 'group'; options: Slot[][] };

interface CompiledPhrase {
  concept: string;
  slots: Slot[];
  /** Guard words (negation, question, time words) are short function words: matched exactly, never as typos. */
  exactOnly: boolean;
  /** Its index among the language's phrases (per-message bookkeeping in typed arrays, not Maps). */
  index: number;
  /**
   * The phrase's own word slots (outside groups), as key ids (`keyIds`): a message lacking any of
   * them cannot match it. One id per slot of one word, a list per slot of several.
   */
  requiredWords: number[];
  requiredSets: number[][];
  /** Its concept's index (per-message bookkeeping keyed by numbers, not strings). */
  conceptIndex: number;
}

export interface ConceptMatcher {
  /** Every concept phrase found in the tokens: per concept and start, the shortest match, and the longest when it is longer. */
  match(tokens: Token[]): ConceptMatch[];
}

const MAX_GAP = 4;
// Per language; a few MB at most. Cleared whole when full (words repeat a lot, so it refills fast).
const CACHE_LIMIT = 100_000;

/** Splits on spaces, keeping `( … )` groups whole; a group ends its part ("(a |)(b|c)" is two slots). */
function splitParts(phrase: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of phrase.replace(/…/g, ' … ')) {
    if (ch === '(' && depth === 0 && current) {
      parts.push(current);
      current = '';
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) parts.push(current);
      current = '';
    } else current += ch;
    if (ch === ')' && depth === 0) {
      parts.push(current);
      current = '';
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** The options of a group's inside, split on the `|` that are not inside a nested group. */
function splitOptions(inside: string): string[] {
  const options: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inside) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      options.push(current);
      current = '';
    } else current += ch;
  }
  options.push(current);
  return options;
}

/** Turns one phrase of the lexicon into slots; see `Phrase` in types.ts for the syntax. */
function parsePhrase(phrase: string): Slot[] {
  const slots: Slot[] = [];
  for (const part of splitParts(phrase)) {
    if (part === '…') {
      slots.push({ kind: 'gap' });
      continue;
    }
    if (part.startsWith('(') && part.endsWith(')')) {
      slots.push({ kind: 'group', options: splitOptions(part.slice(1, -1)).map((alt) => parsePhrase(alt)) });
      continue;
    }
    const num = /^<n:(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)>$/.exec(part);
    if (num) {
      slots.push({ kind: 'num', lo: Number(num[1]), hi: Number(num[2]) });
      continue;
    }
    if (part.includes('|')) {
      slots.push({ kind: 'keys', keys: new Set(part.split('|').map((alt) => keyOf(normalise(alt)))) });
      continue;
    }
    // A plain part may hold several tokens (a Chinese word is one token per character).
    const stem = part.endsWith('*');
    const tokens = tokenise(normalise(stem ? part.slice(0, -1) : part));
    tokens.forEach((t, i) => {
      const isLast = i === tokens.length - 1;
      slots.push(t.num !== undefined && !/^\d/.test(t.text) ? { kind: 'num', lo: t.num, hi: t.num } : { kind: 'keys', keys: new Set([stem && isLast ? `${t.text}*` : t.text]) });
    });
  }
  if (slots[0]?.kind === 'gap' || slots[slots.length - 1]?.kind === 'gap') throw new Error(`phrase "${phrase}" may not start or end with …`);
  // The matcher indexes a phrase by its first word: an optional first group gives it none.
  if (slots[0]?.kind === 'group' && slots[0].options.some((o) => o.length === 0)) throw new Error(`phrase "${phrase}" may not start with an optional group`);
  return slots;
}

const keyOf = (alt: string) => alt.trim();

type Script = 'latin' | 'devanagari' | 'han' | 'other';

/** The writing system of a word, from its first letter (a token is all one script). */
function scriptOf(word: string): Script {
  const c = word.charCodeAt(0);
  if (c < 0x0250) return 'latin';
  if (c >= 0x0900 && c <= 0x097f) return 'devanagari';
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)) return 'han';
  return 'other';
}

/** Compiles a language's concept lexicon into a matcher (words, stems, typo tolerance, numbers). */
export function compileConcepts(rules: LanguageRules, knownWords: ReadonlySet<string> = new Set()): ConceptMatcher {
  const phrases: CompiledPhrase[] = [];
  // Every lexicon key gets a small integer id: which keys a message has is then a typed array, not a set of strings.
  const keyIds = new Map<string, number>();
  const idOf = (key: string): number => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  };
  const conceptIndex = new Map<string, number>();
  for (const [concept, list] of Object.entries(rules.concepts)) {
    conceptIndex.set(concept, conceptIndex.size);
    const exactOnly = (GUARD_CONCEPTS as readonly string[]).includes(concept);
    for (const phrase of list) {
      const slots = parsePhrase(phrase);
      const required = slots.flatMap((slot) => (slot.kind === 'keys' ? [slot.keys] : []));
      phrases.push({
        concept,
        slots,
        exactOnly,
        index: phrases.length,
        requiredWords: required.filter((keys) => keys.size === 1).map((keys) => idOf([...keys][0]!)),
        requiredSets: required.filter((keys) => keys.size > 1).map((keys) => [...keys].map(idOf)),
        conceptIndex: conceptIndex.get(concept)!,
      });
    }
  }

  const words = new Set<string>();
  const fuzzyWords = new Set<string>();
  const fuzzyStems = new Set<string>();
  const stemsByFirst = new Map<string, string[]>();
  const byFirstKey = new Map<string, CompiledPhrase[]>();
  const numberFirst: CompiledPhrase[] = [];
  const keySlots = (slots: Slot[]): Extract<Slot, { kind: 'keys' }>[] =>
    slots.flatMap((slot) => (slot.kind === 'keys' ? [slot] : slot.kind === 'group' ? slot.options.flatMap(keySlots) : []));
  // What can start a phrase: lexicon keys, and/or any number (a group contributes each option's start).
  const starts = (slots: Slot[]): { keys: string[]; number: boolean } => {
    const first = slots[0]!;
    if (first.kind === 'keys') return { keys: [...first.keys], number: false };
    if (first.kind === 'group') {
      const all = first.options.map(starts);
      return { keys: all.flatMap((o) => o.keys), number: all.some((o) => o.number) };
    }
    return { keys: [], number: true };
  };
  for (const p of phrases) {
    for (const slot of keySlots(p.slots)) {
      for (const key of slot.keys) {
        if (key.endsWith('*')) {
          const stem = key.slice(0, -1);
          const list = stemsByFirst.get(stem[0]!) ?? [];
          if (!list.includes(stem)) list.push(stem);
          stemsByFirst.set(stem[0]!, list);
          if (!p.exactOnly) fuzzyStems.add(stem);
        } else {
          words.add(key);
          if (!p.exactOnly) fuzzyWords.add(key);
        }
      }
    }
    const start = starts(p.slots);
    if (start.number) numberFirst.push(p);
    for (const key of new Set(start.keys)) byFirstKey.set(key, [...(byFirstKey.get(key) ?? []), p]);
  }
  const fuzzy: FuzzyIndex = createFuzzyIndex(fuzzyWords);
  // A word in a script the lexicon never writes cannot match it, even as a typo: English rules skip
  // the Chinese characters of a mixed message (hundreds of tokens in a long one) without looking them up.
  const scripts = new Set<Script>(['other']);
  for (const key of words) scripts.add(scriptOf(key));
  for (const list of stemsByFirst.values()) for (const stem of list) scripts.add(scriptOf(stem));
  const numbers = new Map(Object.entries(rules.numbers ?? {}));

  // Which lexicon keys (words and `stem*`) a typed word stands for, exactly and with typo tolerance; cached, words repeat a lot.
  interface TokenKeys {
    exact: string[];
    all: string[];
    /** Ids of the keys in `all` that some phrase requires (`keyIds`). */
    ids: number[];
    /** The phrases whose first slot one of `all` fills. */
    starting: CompiledPhrase[];
  }
  const cache = new Map<string, TokenKeys>();
  const keysOf = (word: string): TokenKeys => {
    const hit = cache.get(word);
    if (hit) return hit;
    const stems = stemsByFirst.get(word[0]!) ?? [];
    // A word the lexicon knows as it is ("want") is not a typo of another one ("wasnt").
    const known = words.has(word) || stems.some((stem) => word.startsWith(stem));
    // Nor is a correctly spelled everyday word ("bills" is not "bile", "download" not "drown*"; see
    // known-words.ts), though it may still be an inflection of one ("expedientes", "expediente").
    const everyday = !known && knownWords.has(word);
    const exact = words.has(word) ? [word] : [];
    const all = known ? [...exact] : everyday ? fuzzy.lookup(word).filter((w) => word.startsWith(w) || w.startsWith(word)) : fuzzy.lookup(word);
    for (const stem of stems) {
      if (word.startsWith(stem)) {
        exact.push(`${stem}*`);
        all.push(`${stem}*`);
      } else if (!known && !everyday && fuzzyStems.has(stem) && stem.length >= MIN_FUZZY_LENGTH) {
        // One typo inside the stem part: compare with the word's prefix of about the stem's length.
        const n = stem.length;
        if ([n - 1, n, n + 1].some((len) => len <= word.length && withinOneEdit(word.slice(0, len), stem))) all.push(`${stem}*`);
      }
    }
    const ids: number[] = [];
    const starting: CompiledPhrase[] = [];
    for (const k of all) {
      const id = keyIds.get(k);
      if (id !== undefined) ids.push(id);
      const list = byFirstKey.get(k);
      if (list) for (const phrase of list) starting.push(phrase);
    }
    const keys = { exact, all, ids, starting };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, keys);
    return keys;
  };

  const numberOf = (t: Token): number | undefined => t.num ?? numbers.get(t.text);
  const slotMatches = (slot: Slot, t: Token, keys: TokenKeys, exactOnly: boolean): boolean => {
    if (slot.kind === 'num') {
      const n = numberOf(t);
      return n !== undefined && n >= slot.lo && n <= slot.hi;
    }
    if (slot.kind === 'keys') {
      const list = exactOnly ? keys.exact : keys.all;
      for (let k = 0; k < list.length; k++) if (slot.keys.has(list[k]!)) return true;
    }
    return false;
  };
  // Per message: whether each phrase can match (1 yes, 2 no), valid for the generation stamped beside it.
  const possible = new Uint8Array(phrases.length);
  const possibleIn = new Uint32Array(phrases.length);
  const present = new Uint32Array(keyIds.size);
  let generation = 0;

  return {
    match(tokens) {
      const none: TokenKeys = { exact: [], all: [], ids: [], starting: [] };
      const tokenKeys = tokens.map((t) => ((t.num !== undefined && /^\d/.test(t.text)) || !scripts.has(scriptOf(t.text)) ? none : keysOf(t.text)));
      // The tokens the gaps of the phrase being tried stepped over: skipped[0..top).
      const skipped: number[] = [];
      let top = 0;
      // Returns the end index of the first match of slots[s..] starting at token i (fewest tokens skipped
      // at each gap), or -1. Neighbouring words of a phrase are in one clause ("gushing blood, pressure"
      // is no "blood pressure"): `clause` is the clause token i must be in, or -1 after a gap.
      const matchFrom = (slots: Slot[], s: number, i: number, sentence: number, exactOnly: boolean, clause: number): number => {
        if (s === slots.length) return i - 1;
        const slot = slots[s]!;
        if (slot.kind === 'gap') {
          const mark = top;
          for (let skip = 0; skip <= MAX_GAP; skip++) {
            const j = i + skip;
            if (j >= tokens.length || tokens[j]!.sentence !== sentence) break;
            if (skip > 0) skipped[top++] = j - 1;
            const end = matchFrom(slots, s + 1, j, sentence, exactOnly, -1);
            if (end >= 0) return end;
          }
          top = mark;
          return -1;
        }
        if (slot.kind === 'group') {
          const mark = top;
          for (const option of slot.options) {
            // An empty option matches nothing: the clause constraint passes on to what follows.
            const end = option.length ? matchFrom(option, 0, i, sentence, exactOnly, clause) : i - 1;
            if (end >= 0 || option.length === 0) {
              const rest = matchFrom(slots, s + 1, end + 1, sentence, exactOnly, option.length ? tokens[end]!.clause : clause);
              if (rest >= 0) return rest;
            }
            top = mark;
          }
          return -1;
        }
        const t = tokens[i];
        if (!t || t.sentence !== sentence || (clause >= 0 && t.clause !== clause) || !slotMatches(slot, t, tokenKeys[i]!, exactOnly)) return -1;
        return matchFrom(slots, s + 1, i + 1, sentence, exactOnly, t.clause);
      };

      // Per concept and start: the shortest match (tightest evidence) and, when a phrase reaches
      // further, the longest too: it can take in an idiom ("on a blood thinner") or a guard word.
      const shortest = new Map<number, ConceptMatch>();
      const longest = new Map<number, ConceptMatch>();
      // Every key any token stands for: a phrase with a word slot none of them fills is not tried
      // at all. With keys as ids the check is cheap enough for every message (rules 20% faster on
      // the corpus than trying every phrase a token can start, in messages under 40 tokens).
      generation = (generation + 1) >>> 0 || 1;
      const stamp = generation;
      // present[id] === stamp: some token of this message stands for key `id`.
      for (const keys of tokenKeys) for (const id of keys.ids) present[id] = stamp;
      const intersects = (ids: number[]): boolean => {
        for (let k = 0; k < ids.length; k++) if (present[ids[k]!] === stamp) return true;
        return false;
      };
      const canMatch = (p: CompiledPhrase): boolean => {
        if (possibleIn[p.index] === stamp) return possible[p.index] === 1;
        let ok = true;
        for (let k = 0; ok && k < p.requiredWords.length; k++) ok = present[p.requiredWords[k]!] === stamp;
        for (let k = 0; ok && k < p.requiredSets.length; k++) ok = intersects(p.requiredSets[k]!);
        possibleIn[p.index] = stamp;
        possible[p.index] = ok ? 1 : 2;
        return ok;
      };
      const tryPhrase = (p: CompiledPhrase, i: number) => {
        if (!canMatch(p)) return;
        top = 0;
        const end = matchFrom(p.slots, 0, i, tokens[i]!.sentence, p.exactOnly, -1);
        if (end < 0) return;
        const id = p.conceptIndex * tokens.length + i;
        const match: ConceptMatch = top ? { concept: p.concept, start: i, end, skipped: skipped.slice(0, top) } : { concept: p.concept, start: i, end };
        const short = shortest.get(id);
        if (!short || end < short.end) shortest.set(id, match);
        const long = longest.get(id);
        if (!long || end > long.end) longest.set(id, match);
      };
      for (let i = 0; i < tokens.length; i++) {
        if (numberOf(tokens[i]!) !== undefined) for (const p of numberFirst) tryPhrase(p, i);
        const starting = tokenKeys[i]!.starting;
        for (let n = 0; n < starting.length; n++) tryPhrase(starting[n]!, i);
      }
      const out = [...shortest.values()];
      for (const [id, long] of longest) if (long.end > shortest.get(id)!.end) out.push(long);
      return out;
    },
  };
}
