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
  /** The phrase's own word slots (outside groups): a message lacking any of them cannot match it. */
  required: ReadonlySet<string>[];
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
  return slots;
}

const keyOf = (alt: string) => alt.trim();

const LONG_MESSAGE_TOKENS = 40;

/** Compiles a language's concept lexicon into a matcher (words, stems, typo tolerance, numbers). */
export function compileConcepts(rules: LanguageRules, knownWords: ReadonlySet<string> = new Set()): ConceptMatcher {
  const phrases: CompiledPhrase[] = [];
  for (const [concept, list] of Object.entries(rules.concepts)) {
    const exactOnly = (GUARD_CONCEPTS as readonly string[]).includes(concept);
    for (const phrase of list) {
      const slots = parsePhrase(phrase);
      phrases.push({ concept, slots, exactOnly, required: slots.flatMap((slot) => (slot.kind === 'keys' ? [slot.keys] : [])) });
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
  const numbers = new Map(Object.entries(rules.numbers ?? {}));

  // Which lexicon keys (words and `stem*`) a typed word stands for, exactly and with typo tolerance; cached, words repeat a lot.
  interface TokenKeys {
    exact: string[];
    all: string[];
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
    const keys = { exact, all };
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
    if (slot.kind === 'keys') return (exactOnly ? keys.exact : keys.all).some((k) => slot.keys.has(k));
    return false;
  };

  return {
    match(tokens) {
      const none: TokenKeys = { exact: [], all: [] };
      const tokenKeys = tokens.map((t) => (t.num !== undefined && /^\d/.test(t.text) ? none : keysOf(t.text)));
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
      const shortest = new Map<string, ConceptMatch>();
      const longest = new Map<string, ConceptMatch>();
      // Every key any token stands for: a phrase with a word slot none of them fills is not tried
      // at all (long messages, above all Chinese ones with a token per character, try many phrases).
      // Short messages try few phrases: the check would cost more than it saves there.
      const prune = tokens.length > LONG_MESSAGE_TOKENS;
      const present = new Set<string>();
      if (prune) for (const keys of tokenKeys) for (const k of keys.all) present.add(k);
      const possible = new Map<CompiledPhrase, boolean>();
      const canMatch = (p: CompiledPhrase): boolean => {
        if (!prune) return true;
        let ok = possible.get(p);
        if (ok === undefined) {
          ok = p.required.every((keys) => {
            for (const k of keys) if (present.has(k)) return true;
            return false;
          });
          possible.set(p, ok);
        }
        return ok;
      };
      const tryPhrase = (p: CompiledPhrase, i: number) => {
        if (!canMatch(p)) return;
        top = 0;
        const end = matchFrom(p.slots, 0, i, tokens[i]!.sentence, p.exactOnly, -1);
        if (end < 0) return;
        const id = `${p.concept}@${i}`;
        const match: ConceptMatch = top ? { concept: p.concept, start: i, end, skipped: skipped.slice(0, top) } : { concept: p.concept, start: i, end };
        const short = shortest.get(id);
        if (!short || end < short.end) shortest.set(id, match);
        const long = longest.get(id);
        if (!long || end > long.end) longest.set(id, match);
      };
      tokens.forEach((t, i) => {
        if (numberOf(t) !== undefined) for (const p of numberFirst) tryPhrase(p, i);
        for (const key of tokenKeys[i]!.all) for (const p of byFirstKey.get(key) ?? []) tryPhrase(p, i);
      });
      const out = [...shortest.values()];
      for (const [id, long] of longest) if (long.end > shortest.get(id)!.end) out.push(long);
      return out;
    },
  };
}
