/**
 * Hindi in Latin letters is spelled many ways ("dawai", "davai", "dawaai") and the knowledge
 * files are mostly in Devanagari. Both sides are reduced to the same rough consonant key:
 * Devanagari is transliterated, then aspiration, vowel length and most vowels are dropped.
 */

const CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n', त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm', य: 'y', र: 'r', ल: 'l', ळ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h',
};
const VOWELS: Record<string, string> = {
  अ: 'a', आ: 'aa', इ: 'i', ई: 'ii', उ: 'u', ऊ: 'uu', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ऍ: 'e',
};
const MATRAS: Record<string, string> = {
  'ा': 'aa', 'ि': 'i', 'ी': 'ii', 'ु': 'u', 'ू': 'uu', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e',
};
const VIRAMA = '्';
const NASAL = new Set(['ं', 'ँ']);
const NUKTA = '़';

/** A rough Latin spelling of a Devanagari word (inherent vowels kept). */
export function transliterateDevanagari(word: string): string {
  const chars = [...word.normalize('NFD').replaceAll(NUKTA, '')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const consonant = CONSONANTS[c];
    if (consonant !== undefined) {
      out += consonant;
      const following = chars[i + 1];
      if (following === undefined || !(following === VIRAMA || MATRAS[following] !== undefined)) out += 'a';
      continue;
    }
    if (MATRAS[c] !== undefined) out += MATRAS[c];
    else if (VOWELS[c] !== undefined) out += VOWELS[c];
    else if (NASAL.has(c)) out += 'n';
    else if (c === 'ः') out += 'h';
    else if (/[0-9]/.test(c)) out += c;
  }
  return out;
}

/** The comparison key of a romanised (or transliterated) Hindi word; '' when too short to mean anything. */
export function hindiKey(latin: string): string {
  let s = latin.toLowerCase().replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    .replace(/chh|ch/g, 'c')
    .replace(/ph|f/g, 'p')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/c/g, 'k')
    // Aspiration is written inconsistently: bh/b, kh/k, th/t...
    .replace(/([bcdgjklmnprstvy])h/g, '$1');
  const first = s[0]!;
  const rest = s.slice(1).replace(/[aeiou]/g, '');
  const key = (first + rest).replace(/(.)\1+/g, '$1');
  return key.length >= 2 ? key : '';
}

export const DEVANAGARI_WORD = /^\p{Script=Devanagari}+$/u;
