import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LANGUAGES, type Language } from './language/languages.js';
import { paths } from './paths.js';

export type { TFunction };

/**
 * Script variants with strings of their own: Hindi in Latin letters (`hi-Latn`, the safety
 * replies so far). A key they lack falls back to the language's own (Devanagari) string.
 */
export const SCRIPT_VARIANTS = ['hi-Latn'] as const;

/** Reads locales/<lang>/*.json; each file is an i18next namespace (`translation` is the default). */
export function readLocales(dir = paths.locales): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of [...LANGUAGES, ...SCRIPT_VARIANTS.filter((v) => existsSync(join(dir, v)))]) {
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
    }
  }
  return resources;
}

/**
 * Every bot string goes through here. `defaults` become variables every string may use
 * ({{clinicName}}, {{emergencyNumber}}, {{crisisLine}}).
 */
export async function createI18n(defaults: Record<string, string>, fallbackLng: Language = 'en'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: readLocales(),
    fallbackLng,
    supportedLngs: [...LANGUAGES, ...SCRIPT_VARIANTS],
    defaultNS: 'translation',
    interpolation: { escapeValue: false, defaultVariables: defaults },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}
