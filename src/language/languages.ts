import { PACKS } from './packs/index.js';

export const LANGUAGES = ['en', 'es', 'zh', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Accepts BCP 47 tags such as `es-MX`, `zh-Hans-CN` or `hi_IN` and returns our language, if any. */
export function toLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (base === 'cmn' || base === 'yue') return 'zh';
  return isLanguage(base) ? base : undefined;
}

/** Each language's own name (from its pack). */
export const LANGUAGE_NAMES = Object.fromEntries(LANGUAGES.map((l) => [l, PACKS[l].name])) as Record<Language, string>;
