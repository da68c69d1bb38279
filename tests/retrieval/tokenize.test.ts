import { describe, expect, it } from 'vitest';
import { hindiKey, transliterateDevanagari } from '../../src/retrieval/hindi-phonetic.js';
import { normaliseDevanagari, tokenize, TOKEN } from '../../src/retrieval/tokenize.js';

const words = (tokens: string[]) => tokens.filter((t) => !/^[_~^]/.test(t));

describe('tokenizer', () => {
  it('folds Spanish accents and case, drops stop words, stems lightly', () => {
    expect(words(tokenize('¿Cuándo están los ANÁLISIS?', 'es'))).toEqual(words(tokenize('cuando estan los analisis', 'es')));
    expect(tokenize('la vacuna', 'es')).toContain('vacun');
    expect(tokenize('las vacunas', 'es')).toContain('vacun');
    expect(tokenize('refills', 'en')).toEqual(tokenize('refill', 'en'));
  });

  it('segments Chinese into words and character pairs, with single characters for recall', () => {
    const tokens = tokenize('预约挂号', 'zh');
    expect(tokens).toEqual(expect.arrayContaining(['预约', '约挂', '挂号', `${TOKEN.hanChar}预`, `${TOKEN.hanChar}号`]));
    // Question words do not make pairs with their neighbours ("么办").
    expect(tokenize('发烧怎么办', 'zh')).not.toContain('么办');
  });

  it('keeps Devanagari words whole, with nukta, chandrabindu, long vowels and zero-width marks normalised', () => {
    expect(normaliseDevanagari('बुख़ार')).toBe(normaliseDevanagari('बुखार'));
    expect(normaliseDevanagari('पहुँच')).toBe(normaliseDevanagari('पहुंच'));
    expect(normaliseDevanagari('दवाई')).toBe(normaliseDevanagari('दवाइ'));
    expect(words(tokenize('ज़्यादा\u200d बुख़ार', 'hi'))).toEqual(words(tokenize('ज्यादा बुखार', 'hi')));
    expect(words(tokenize('मुझे बुखार है', 'hi'))).toEqual([normaliseDevanagari('बुखार')]);
  });

  it('gives romanised Hindi and Devanagari the same sound key', () => {
    const pairs: [string, string][] = [
      ['दवाई', 'dawai'],
      ['बुख़ार', 'bukhar'],
      ['खांसी', 'khansi'],
      ['जुकाम', 'zukam'],
      ['उल्टी', 'ulti'],
      ['पासवर्ड', 'password'],
      ['रिपोर्ट', 'report'],
    ];
    for (const [deva, roman] of pairs) expect(hindiKey(transliterateDevanagari(deva)), `${deva} / ${roman}`).toBe(hindiKey(roman));
    expect(tokenize('dawai', 'hi')).toContain(`${TOKEN.hindiKey}${hindiKey('dawai')}`);
    expect(tokenize('dawai', 'en').some((t) => t.startsWith(TOKEN.hindiKey))).toBe(false);
  });

  it('pairs neighbouring words into phrases, but not across punctuation', () => {
    const [blood, pressure] = words(tokenize('blood pressure', 'en'));
    expect(tokenize('blood pressure', 'en')).toContain(`${TOKEN.pair}${blood}${TOKEN.pair}${pressure}`);
    expect(tokenize('blood. pressure', 'en')).not.toContain(`${TOKEN.pair}${blood}${TOKEN.pair}${pressure}`);
  });

  it('stems English with Porter and Spanish with Snowball (the language packs)', () => {
    expect(words(tokenize('vaccinations', 'en'))).toEqual(words(tokenize('vaccine', 'en')));
    expect(words(tokenize('refilled', 'en'))).toEqual(words(tokenize('refills', 'en')));
    expect(words(tokenize('recetas', 'es'))).toEqual(words(tokenize('receta', 'es')));
    expect(words(tokenize('citas médicas', 'es'))).toEqual(words(tokenize('cita medica', 'es')));
    // Accents are folded before stemming, so a word typed without them stems the same.
    expect(words(tokenize('vacunación', 'es'))).toEqual(words(tokenize('vacunacion', 'es')));
    // Romanised Hindi keeps the light stemmer: English rules would cut "dawaiyan".
    expect(words(tokenize('dawaiyan', 'hi'))).toEqual(['dawaiyan']);
  });

  it('handles mixed scripts in one message', () => {
    const tokens = tokenize('portal登不上 password', 'zh');
    expect(tokens).toEqual(expect.arrayContaining(['portal', 'password', `${TOKEN.hanChar}登`]));
  });
});
