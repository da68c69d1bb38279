import { toSimplified } from '../language/simplified.js';

/** One word, number or Chinese character of a message, with the sentence and clause it sits in. */
export interface Token {
  text: string;
  /** Numeric value of digits ("38.5") or of a run of Chinese numerals ("两", "二十"). */
  num?: number;
  sentence: number;
  clause: number;
}

const HAN_NUMERALS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "三" → 3, "十二" → 12, "二十" → 20, "二十五" → 25; undefined for runs it cannot read. */
function parseHanNumber(run: string): number | undefined {
  if (run.length === 1 && run in HAN_NUMERALS) return HAN_NUMERALS[run];
  if (run === '十') return 10;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(run);
  if (m) return (m[1] ? HAN_NUMERALS[m[1]]! : 1) * 10 + (m[2] ? HAN_NUMERALS[m[2]]! : 0);
  return undefined;
}

// Format characters (Unicode category Cf: zero-width space and joiners, soft hyphen, bidi marks)
// are invisible, so they can split a word without the reader seeing it: "k\u200Bill".
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * The one input normaliser every safety detector (rules, classifier, LLM) reads through:
 * compatibility forms folded (NFKC: full-width letters, ligatures), format characters removed,
 * and Traditional Chinese folded to Simplified (src/language/simplified.ts). Case and accents
 * stay, for readers that want them.
 */
export function normaliseInput(text: string): string {
  return toSimplified(text.replace(FORMAT_CHARACTERS, '').normalize('NFKC'));
}

/**
 * `normaliseInput`, then lower case, accents off Latin letters (people type "respiracion" for "respiración"),
 * apostrophes out ("can't" → "cant"), Devanagari nukta and chandrabindu folded (ज़ → ज, ँ → ं),
 * Devanagari and full-width digits to ASCII.
 */
export function normalise(text: string): string {
  return normaliseInput(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC')
    .replace(/\u093c/g, '')
    .replace(/\u0901/g, '\u0902')
    .replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/['’‘`´]/g, '');
}

// A number (decimal point or comma), a Han character, a word of letters and marks, or punctuation that ends a sentence or clause.
const TOKEN = /(\d+(?:[.,]\d+)?)|(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{M}])+)|([.!?。！？\n।]+)|([,;:，；、]+)/gu;
const HAN_NUMERAL_CHAR = /^[零一二两三四五六七八九十]$/u;

/** Splits normalised text into tokens; sentence and clause numbers come from punctuation. */
export function tokenise(normalised: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  for (const m of normalised.matchAll(TOKEN)) {
    const [, number, han, word, stop, comma] = m;
    if (stop) {
      // "38.5" never reaches here; a lone "." between words ends the sentence.
      sentence++;
      clause++;
    } else if (comma) {
      clause++;
    } else if (number) {
      tokens.push({ text: number.replace(',', '.'), num: Number(number.replace(',', '.')), sentence, clause });
    } else if (han) {
      const last = tokens[tokens.length - 1];
      // Runs of Chinese numerals ("二十") become one number token.
      if (HAN_NUMERAL_CHAR.test(han) && last?.num !== undefined && /^[零一二两三四五六七八九十]+$/u.test(last.text) && last.clause === clause) {
        const run = last.text + han;
        const value = parseHanNumber(run);
        if (value !== undefined) {
          last.text = run;
          last.num = value;
          continue;
        }
      }
      const value = HAN_NUMERAL_CHAR.test(han) ? parseHanNumber(han) : undefined;
      tokens.push(value === undefined ? { text: han, sentence, clause } : { text: han, num: value, sentence, clause });
    } else if (word) {
      tokens.push({ text: word, sentence, clause });
    }
  }
  return tokens;
}
