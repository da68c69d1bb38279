/**
 * The language packs (src/language/packs/<lang>/): every language has one, every pack defines
 * every key with usable content, and no word means two things across packs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/language/languages.js';
import { foldLatin, normaliseDevanagari, normaliseText } from '../../src/language/normalise.js';
import { ALL_PACKS, PACKS, type LanguagePack } from '../../src/language/packs/index.js';
import { paths } from '../../src/paths.js';

/** Every key a pack must define, nested keys as `a.b`. */
const KEYS = [
  'code', 'name', 'englishName',
  'stopWords.words', 'stopWords.chars',
  'stem',
  'numbers.words', 'numbers.before', 'numbers.after',
  'switching.names', 'switching.filler', 'switching.commands', 'switching.phrases',
  'smsKeywords.optOut', 'smsKeywords.optIn', 'smsKeywords.optInWhenOptedOut', 'smsKeywords.help',
  'voice.gather', 'voice.say', 'voice.voice',
  'detection.words', 'detection.ambiguous', 'detection.grammar', 'detection.endings',
  'safety.rules', 'safety.corpus',
];

const keysOf = (value: unknown, prefix = ''): string[] =>
  Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    const nested = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RegExp) && !['numbers.words', 'switching.names'].includes(key);
    return nested ? keysOf(v, key) : [key];
  });

describe.each(LANGUAGES.map((code) => [code, PACKS[code]] as [string, LanguagePack]))('language pack %s', (code, pack) => {
  it('lives in its own folder and defines every key, and no other', () => {
    expect(pack.code).toBe(code);
    expect(existsSync(join(paths.root, 'src', 'language', 'packs', code, 'index.ts'))).toBe(true);
    expect(keysOf(pack).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) expect(key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], pack), `${code}: ${key}`).not.toBeUndefined();
    expect(pack.name.trim()).not.toBe('');
    expect(pack.englishName).toMatch(/^[A-Z]/);
  });

  it('has stop words, compared in the normalised form the tokenizer uses', () => {
    expect(pack.stopWords.words.length).toBeGreaterThan(20);
    for (const w of pack.stopWords.words) {
      if (/\p{Script=Latin}/u.test(w)) expect(foldLatin(w), w).toBe(w);
      expect(normaliseText(w), w).toBe(w.normalize('NFKC'));
    }
  });

  it('stems a word to a non-empty string, the same every time', () => {
    for (const w of ['appointments', 'vacunas', 'dawaiyan', 'portal']) {
      const stem = pack.stem(w);
      expect(stem.length).toBeGreaterThan(0);
      expect(pack.stem(w)).toBe(stem);
    }
  });

  it('names every number from 1 to 9', () => {
    const values = new Set(Object.values(pack.numbers.words));
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('names its own language for a language switch, and says which language each name asks for', () => {
    const named = ALL_PACKS.flatMap((p) => p.switching.names[pack.code] ?? []);
    expect(named.length).toBeGreaterThan(0);
    for (const target of Object.keys(pack.switching.names)) expect(LANGUAGES).toContain(target);
    for (const phrase of pack.switching.phrases) expect(LANGUAGES).toContain(phrase.language);
  });

  it('has Twilio voice codes for listening and speaking, and a Polly voice', () => {
    expect(pack.voice.gather).toMatch(/^[a-z]{2,3}(-[A-Za-z]{4})?-[A-Z]{2}$/);
    expect(pack.voice.say).toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
    expect(pack.voice.voice).toMatch(/^Polly\.[A-Z][a-z]+-Neural$/);
  });

  it('points at its safety lexicon and corpus, which exist', () => {
    for (const file of [pack.safety.rules, ...pack.safety.corpus]) expect(existsSync(join(paths.root, file)), file).toBe(true);
    expect(pack.safety.rules).toContain(`/${code}.`);
  });
});

describe('language packs together', () => {
  it('give no word two meanings: keywords, language names and number words', () => {
    const keyword = new Map<string, string>();
    const name = new Map<string, string>();
    const number = new Map<string, number>();
    for (const pack of ALL_PACKS) {
      for (const [action, list] of Object.entries(pack.smsKeywords)) {
        for (const w of list) {
          const k = normaliseText(w);
          expect(keyword.get(k) ?? action, `keyword ${w}`).toBe(action);
          keyword.set(k, action);
        }
      }
      for (const [target, list] of Object.entries(pack.switching.names)) {
        for (const w of list) {
          const k = normaliseText(w);
          expect(name.get(k) ?? target, `language name ${w}`).toBe(target);
          name.set(k, target);
        }
      }
      for (const [w, n] of Object.entries(pack.numbers.words)) {
        const k = normaliseText(w);
        expect(number.get(k) ?? n, `number word ${w}`).toBe(n);
        number.set(k, n);
      }
    }
  });

  it('normalise with one normaliser: full-width, invisible characters, case, accents, nukta', () => {
    expect(normaliseText('ＳＴＯＰ\u200b')).toBe('stop');
    expect(foldLatin('Información')).toBe('informacion');
    expect(normaliseDevanagari('अंग्रेज़ी')).toBe(normaliseDevanagari('अंग्रेजी'));
  });
});
