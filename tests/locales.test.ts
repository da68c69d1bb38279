import { describe, expect, it } from 'vitest';
import { readLocales } from '../src/i18n.js';
import { LANGUAGES } from '../src/language/languages.js';

/** Every leaf key of a namespace, as dotted paths, with its value. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  const resources = readLocales();
  const namespaces = [...new Set(LANGUAGES.flatMap((lang) => Object.keys(resources[lang] ?? {})))].sort();

  it('has the namespaces the bot uses, each in all four languages', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['translation', 'answers']));
    for (const lang of LANGUAGES) expect(Object.keys(resources[lang]!).sort(), `namespaces of ${lang}`).toEqual(namespaces);
  });

  it.each(namespaces)('namespace "%s": every key exists in every language and no value is empty', (ns) => {
    const keysByLang = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Map(leaves(resources[lang]![ns]))]));
    const allKeys = [...new Set(LANGUAGES.flatMap((lang) => [...keysByLang[lang]!.keys()]))].sort();
    const problems: string[] = [];
    for (const key of allKeys) {
      for (const lang of LANGUAGES) {
        const value = keysByLang[lang]!.get(key);
        if (value === undefined) problems.push(`${lang}/${ns}.json: missing "${key}"`);
        else if (typeof value !== 'string' || value.trim() === '') problems.push(`${lang}/${ns}.json: "${key}" is empty or not text`);
      }
    }
    expect(problems).toEqual([]);
    expect(allKeys.length).toBeGreaterThan(0);
  });

  it('uses the same {{variables}} in every language of a string', () => {
    const problems: string[] = [];
    for (const ns of namespaces) {
      const en = new Map(leaves(resources.en![ns]));
      for (const [key, value] of en) {
        const wanted = [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
        for (const lang of LANGUAGES) {
          const other = new Map(leaves(resources[lang]![ns])).get(key);
          const got = [...String(other ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
          if (JSON.stringify(got) !== JSON.stringify(wanted)) problems.push(`${lang}/${ns}.json "${key}": ${got.join(',')} ≠ en ${wanted.join(',')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('Hindi in Latin letters (locales/hi-Latn)', () => {
  const resources = readLocales();
  const variables = (value: unknown) => [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  it('says what Hindi says, in Latin letters: only Hindi’s keys, the same {{variables}}, no Devanagari', () => {
    const roman = resources['hi-Latn']!;
    expect(Object.keys(roman).sort()).toEqual(expect.arrayContaining(['answers', 'safety']));
    const problems: string[] = [];
    for (const [ns, tree] of Object.entries(roman)) {
      const hindi = new Map(leaves(resources.hi![ns]));
      for (const [key, value] of leaves(tree)) {
        if (!hindi.has(key)) problems.push(`${ns}.${key}: not a Hindi key`);
        else if (variables(value).join() !== variables(hindi.get(key)).join()) problems.push(`${ns}.${key}: other variables`);
        if (typeof value !== 'string' || !value.trim()) problems.push(`${ns}.${key}: empty`);
        else if (/\p{Script=Devanagari}/u.test(value)) problems.push(`${ns}.${key}: Devanagari`);
      }
    }
    expect(problems).toEqual([]);
    // Every safety line is there: a frightened reader gets none of them in the other script.
    expect(new Set(leaves(roman.safety).map(([k]) => k))).toEqual(new Set(leaves(resources.hi!.safety).map(([k]) => k)));
  });
});
