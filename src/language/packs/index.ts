/**
 * The language packs, one folder per language (see types.ts for what a pack holds). Code that
 * needs a language's words reads them here; nothing else keeps per-language word lists.
 */
import type { Language } from '../languages.js';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { hi } from './hi/index.js';
import type { LanguagePack } from './types.js';
import { zh } from './zh/index.js';

export type { LanguagePack } from './types.js';

export const PACKS: Readonly<Record<Language, LanguagePack>> = { en, es, zh, hi };

/** Every pack, in LANGUAGES order. */
export const ALL_PACKS: readonly LanguagePack[] = Object.values(PACKS);
