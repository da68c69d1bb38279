import type { Language } from '../language/languages.js';
import { foldLatin, normaliseDevanagari, normaliseText } from '../language/normalise.js';
import { ALL_PACKS, PACKS } from '../language/packs/index.js';
import { hindiKey, transliterateDevanagari } from './hindi-phonetic.js';

export { foldLatin, normaliseDevanagari } from '../language/normalise.js';

/**
 * One tokenizer for all four scripts, used for both the index and the queries. Tokens carry a
 * one-character kind prefix so the search can weigh them differently:
 *   `word`      a normalised, lightly stemmed word (Latin, Devanagari) or a Chinese word / character pair
 *   `_a_b`      two neighbouring words (Latin, Devanagari): phrases like "blood pressure"
 *   `~key`      the sound key of a Hindi word, so "dawai" meets "दवाई"
 *   `^c`        a single Chinese character, for recall on typos ("预越")
 */
export const TOKEN = { pair: '_', hindiKey: '~', hanChar: '^' } as const;

const RUNS = /(\p{Script=Han}+)|([\p{Script=Devanagari}\p{M}]+)|([\p{Script=Latin}\p{M}'’]+)|(\p{N}+(?:[.,]\p{N}+)?)/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

// Stop words from the language packs, compared as the tokenizer sees words: Latin ones folded,
// Devanagari ones normalised. English function words are stop words in every index (patients
// mix them in); Devanagari and Chinese ones wherever they appear.
const LATIN_SCRIPT = /^[\p{Script=Latin}\p{M}'’]+$/u;
const latinStops = (code: Language) => PACKS[code].stopWords.words.filter((w) => LATIN_SCRIPT.test(w)).map(foldLatin);
const LATIN_STOP = Object.fromEntries(ALL_PACKS.map((p) => [p.code, new Set([...latinStops(p.code), ...latinStops('en')])])) as Record<Language, Set<string>>;
const everyPack = (script: RegExp) => ALL_PACKS.flatMap((p) => p.stopWords.words.filter((w) => script.test(w)));
const DEVANAGARI_STOP = new Set(everyPack(/\p{Script=Devanagari}/u).map(normaliseDevanagari));
const HAN_STOPWORDS = new Set(everyPack(/\p{Script=Han}/u));
const HAN_STOP_CHARS = new Set(ALL_PACKS.flatMap((p) => [...p.stopWords.chars]));

/** Tokens of `text` as the index for `language` sees them (see TOKEN for the kinds). */
export function tokenize(text: string, language: Language): string[] {
  const tokens: string[] = [];
  const source = normaliseText(text);
  let previous: string | undefined;
  let end = 0;
  const pushWord = (word: string) => {
    tokens.push(word);
    if (previous !== undefined) tokens.push(`${TOKEN.pair}${previous}${TOKEN.pair}${word}`);
    previous = word;
  };
  for (const match of source.matchAll(RUNS)) {
    const [, han, deva, latin, number] = match;
    // Phrases do not run across punctuation or list separators.
    if (/[^\s]/u.test(source.slice(end, match.index))) previous = undefined;
    end = match.index + match[0].length;
    if (han) {
      previous = undefined;
      addHan(han, tokens);
    } else if (deva) {
      const word = normaliseDevanagari(deva);
      if (DEVANAGARI_STOP.has(word)) continue;
      pushWord(word);
      if (language === 'hi') {
        const key = hindiKey(transliterateDevanagari(word));
        if (key) tokens.push(`${TOKEN.hindiKey}${key}`);
      }
    } else if (latin) {
      const folded = foldLatin(latin);
      if (!folded || LATIN_STOP[language].has(folded)) continue;
      pushWord(PACKS[language].stem(folded));
      if (language === 'hi') {
        const key = hindiKey(folded);
        if (key) tokens.push(`${TOKEN.hindiKey}${key}`);
      }
    } else if (number && number.length <= 6) {
      previous = undefined;
      tokens.push(number.replace(',', '.'));
    }
  }
  return tokens;
}

function addHan(run: string, tokens: string[]): void {
  // Stop words ("怎么办", "可以") are cut out first so no pair straddles them ("么办").
  const pieces: string[] = [''];
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    if (!isWordLike || HAN_STOPWORDS.has(segment)) {
      pieces.push('');
      continue;
    }
    // Two-character words are already among the pairs below.
    if ([...segment].length >= 3) tokens.push(segment);
    pieces[pieces.length - 1] += segment;
  }
  for (const piece of pieces) {
    const chars = [...piece];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (!(HAN_STOP_CHARS.has(chars[i]!) && HAN_STOP_CHARS.has(chars[i + 1]!))) tokens.push(chars[i]! + chars[i + 1]!);
    }
    for (const c of chars) if (!HAN_STOP_CHARS.has(c)) tokens.push(`${TOKEN.hanChar}${c}`);
  }
}

/** The kind of a token, for weighting. */
export function tokenKind(token: string): 'pair' | 'hindiKey' | 'shortHindiKey' | 'hanChar' | 'number' | 'han' | 'word' {
  const head = token[0];
  if (head === TOKEN.pair) return 'pair';
  if (head === TOKEN.hindiKey) return token.length <= 3 ? 'shortHindiKey' : 'hindiKey';
  if (head === TOKEN.hanChar) return 'hanChar';
  if (/^\d/.test(token)) return 'number';
  if (/\p{Script=Han}/u.test(token)) return 'han';
  return 'word';
}
