import { francAll } from 'franc-min';
import type { Language } from './languages.js';
import { normaliseText } from './normalise.js';
import { PACKS } from './packs/index.js';

export interface Detection {
  language: Language;
  /** 0..1: how sure. Short or mixed text is less sure; callers keep the conversation's language below ~0.5. */
  confidence: number;
  /** Hindi typed in Latin letters. */
  romanised: boolean;
}

const HAN = /\p{Script=Han}/gu;
const DEVANAGARI = /\p{Script=Devanagari}/gu;
const LATIN = /\p{Script=Latin}/gu;

// Word evidence from the language packs (detection.*): romanised Hindi words (the ambiguous ones
// count less), its verb endings, Spanish words, English words and English grammar words.
const HINDI_ROMAN = new Set(PACKS.hi.detection.words);
const HINDI_AMBIGUOUS = new Set(PACKS.hi.detection.ambiguous);
const HINDI_VERB_ENDING = PACKS.hi.detection.endings ?? /(?!)/;
const SPANISH = new Set(PACKS.es.detection.words);
const ENGLISH = new Set(PACKS.en.detection.words);
const ENGLISH_GRAMMAR = new Set(PACKS.en.detection.grammar);

function count(re: RegExp, text: string): number {
  return text.match(re)?.length ?? 0;
}

/** Script first (Han, Devanagari), then romanised Hindi, then Spanish vs English by franc plus word evidence. */
export function detectLanguage(text: string): Detection | undefined {
  const han = count(HAN, text);
  const deva = count(DEVANAGARI, text);
  const latin = count(LATIN, text);
  const letters = han + deva + latin;
  if (letters === 0) return undefined;
  if (han > 0 && han * 2 >= deva && (han >= latin / 4 || han >= 2)) {
    return { language: 'zh', confidence: Math.min(1, 0.6 + han / 10), romanised: false };
  }
  if (deva > 0 && deva >= latin / 4) {
    return { language: 'hi', confidence: Math.min(1, 0.6 + deva / 20), romanised: false };
  }

  const words = normaliseText(text).match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0) return undefined;
  let hi = 0;
  let es = 0;
  let en = 0;
  let enGrammar = 0;
  for (const w of words) {
    if (HINDI_ROMAN.has(w)) hi += HINDI_AMBIGUOUS.has(w) ? 0.4 : 1;
    else if (HINDI_VERB_ENDING.test(w) && !ENGLISH.has(w)) hi += 1;
    if (SPANISH.has(w)) es += 1;
    if (ENGLISH.has(w)) en += 1;
    if (ENGLISH_GRAMMAR.has(w)) enGrammar += 1;
  }
  if (/[ñ¿¡]/.test(text)) es += 2;
  if (/[áéíóú]/i.test(text)) es += 1;

  // Romanised Hindi borrows English nouns ("doctor", "video call"); its grammar words decide.
  // One unmistakable Hindi word ("bukhar", "dawai") is enough when nothing else speaks.
  const lone = words.length <= 2 && hi >= 1 && es === 0 && en === 0;
  if ((hi >= 1.4 || lone) && hi > es && hi > enGrammar * 0.9) {
    // A single word is a hint, not enough to override a language the patient chose.
    const confidence = hi < 1.4 ? 0.6 : Math.min(1, 0.4 + hi / (words.length + 1));
    return { language: 'hi', confidence: Number(confidence.toFixed(2)), romanised: true };
  }

  // franc is reliable on sentences, not on two words: weigh it by length. Alone (no word of either
  // language known) it decides nothing under 30 letters: "question number 0" read as Spanish
  // switched an English conversation.
  const letterCount = latin;
  const wordEvidence = es + en;
  if (wordEvidence === 0 && letterCount < 30) return undefined;
  if (letterCount >= 12) {
    const ranked = francAll(text, { only: ['eng', 'spa'], minLength: 3 });
    const top = ranked[0];
    const second = ranked[1];
    if (top && top[0] !== 'und') {
      const margin = top[1] - (second?.[1] ?? 0);
      const weight = Math.min(3, letterCount / 15) * (0.5 + margin);
      if (top[0] === 'spa') es += weight;
      else en += weight;
    }
  }
  if (es === 0 && en === 0) return undefined;
  const total = es + en;
  const language: Language = es > en ? 'es' : 'en';
  const share = Math.max(es, en) / total;
  const evidence = Math.min(1, total / 3);
  return { language, confidence: Number((share * evidence).toFixed(2)), romanised: false };
}
