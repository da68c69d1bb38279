import type { Language } from '../language/languages.js';
import { hindiKey, transliterateDevanagari } from './hindi-phonetic.js';
import { HAN_STOP_CHARS, HAN_STOPWORDS, LATIN_STOPWORDS, devanagariStopwords } from './stopwords.js';

/**
 * One tokenizer for all four scripts, used for both the index and the queries. Tokens carry a
 * one-character kind prefix so the search can weigh them differently:
 *   `word`      a normalised, lightly stemmed word (Latin, Devanagari) or a Chinese word / character pair
 *   `_a_b`      two neighbouring words (Latin, Devanagari): phrases like "blood pressure"
 *   `~key`      the sound key of a Hindi word, so "dawai" meets "दवाई"
 *   `^c`        a single Chinese character, for recall on typos ("预越")
 */
export const TOKEN = { pair: '_', hindiKey: '~', hanChar: '^' } as const;

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const RUNS = /(\p{Script=Han}+)|([\p{Script=Devanagari}\p{M}]+)|([\p{Script=Latin}\p{M}'’]+)|(\p{N}+(?:[.,]\p{N}+)?)/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Devanagari written with or without nukta, chandrabindu or long vowels reads the same to us. */
export function normaliseDevanagari(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\u093C/g, '') // nukta: ज़ → ज
    .replace(/\u0901/g, '\u0902') // chandrabindu → anusvara
    .replace(/\u0940/g, '\u093F') // ी → ि
    .replace(/\u0942/g, '\u0941') // ू → ु
    .replace(/\u0908/g, '\u0907') // ई → इ
    .replace(/\u090A/g, '\u0909') // ऊ → उ
    .normalize('NFC');
}

/** Lowercase, accents folded (NFD, combining marks dropped), apostrophes dropped. */
export function foldLatin(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '').toLowerCase();
}

const DEVANAGARI_STOP = devanagariStopwords(normaliseDevanagari);

function stemEnglish(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3).replace(/(.)\1$/, '$1');
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2).replace(/(.)\1$/, '$1');
  return w;
}

function stemSpanish(w: string): string {
  if (w.length <= 4) return w;
  if (/[^aeiou]es$/.test(w) && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.length > 4 && /[ao]$/.test(w)) w = w.slice(0, -1);
  return w;
}

const STEMMERS: Record<Language, (w: string) => string> = { en: stemEnglish, es: stemSpanish, zh: stemEnglish, hi: stemEnglish };

function isLatinStop(word: string, language: Language): boolean {
  return LATIN_STOPWORDS[language].has(word) || LATIN_STOPWORDS.en.has(word);
}

/** Tokens of `text` as the index for `language` sees them (see TOKEN for the kinds). */
export function tokenize(text: string, language: Language): string[] {
  const tokens: string[] = [];
  const source = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
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
      if (!folded || isLatinStop(folded, language)) continue;
      pushWord(STEMMERS[language](folded));
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
