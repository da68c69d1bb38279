/**
 * The one text normaliser for language work: retrieval's tokenizer, language detection, the
 * language-switch, numbered-choice and carrier-keyword parsers, and the language packs' own word
 * lists all compare text in this form. (What people send is first cleaned of control characters
 * by src/inbound.ts; the safety gate keeps its own matcher-specific normaliser in src/safety.)
 *
 *   normaliseText  NFKC (full-width letters and digits become ASCII), invisible characters
 *                  (soft hyphen, zero-width space / joiners, word joiner, BOM) removed, lowercase,
 *                  Traditional Chinese as Simplified (the knowledge base's zh is Simplified)
 *   foldLatin      a Latin word without accents or apostrophes ("Cuándo" → "cuando")
 *   normaliseDevanagari  a Devanagari word read the same with or without nukta, chandrabindu, long ī / ū
 */
import { toSimplified } from './simplified.js';

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export function normaliseText(text: string): string {
  return toSimplified(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase());
}

/** Lowercase, accents folded (NFD, combining marks dropped), apostrophes dropped. */
export function foldLatin(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '').toLowerCase();
}

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

/** Splits a word list written one word per whitespace run (how the packs keep long lists). */
export const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
