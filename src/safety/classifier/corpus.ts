/**
 * What the classifier is trained on: the corpus parts (read by src/safety/corpus.ts) and lay phrasings.
 * The held-out split is for the maintainers' evaluation only: nothing here trains or tunes on it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LANGUAGES, type Language } from '../../language/languages.js';
import { loadCorpus, type CorpusPart } from '../corpus.js';
import type { SafetyRow } from './classifier.js';

export type { CorpusPart as CorpusSplit } from '../corpus.js';

/** One part of the corpus (read by src/safety/corpus.ts), languages in LANGUAGES order, each row tagged with its language. */
export function loadCorpusSplit(split: CorpusPart, languages: readonly Language[] = LANGUAGES): SafetyRow[] {
  return languages.flatMap((language) => loadCorpus(split, language).map((row) => ({ ...row, language })));
}

// Beside the catalogue this module was loaded with: src/ under vitest, dist/src/ when built.
export const PHRASINGS_DIR = fileURLToPath(new URL('../catalogue/phrasings/', import.meta.url));

/**
 * Lay phrasings of the red flags (src/safety/catalogue/phrasings/<lang>.ts; .js once built), as extra positive
 * training rows. Each module's exports are read as `{ [flagId]: string[] }` maps or arrays of
 * `{ flag, text }`; none when the folder does not exist.
 */
export async function loadPhrasings(languages: readonly Language[] = LANGUAGES): Promise<SafetyRow[]> {
  if (!existsSync(PHRASINGS_DIR)) return [];
  const rows: SafetyRow[] = [];
  for (const language of languages) {
    const file = [`${language}.js`, `${language}.ts`].map((f) => join(PHRASINGS_DIR, f)).find(existsSync);
    if (!file) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const name of Object.keys(mod).sort()) rows.push(...phrasingRows(mod[name], language));
  }
  return rows;
}

function phrasingRows(value: unknown, language: Language): SafetyRow[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) => {
      const { flag, text } = (item ?? {}) as { flag?: unknown; text?: unknown };
      return typeof flag === 'string' && typeof text === 'string' ? [{ text, emergency: true, flag, language }] : [];
    });
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([flag, texts]) =>
      Array.isArray(texts) ? texts.filter((t): t is string => typeof t === 'string').map((text) => ({ text, emergency: true, flag, language })) : [],
    );
  }
  return [];
}

/**
 * Everything the shipped model is trained and tuned on: train (with the everyday messages' train
 * split), dev and the lay phrasings; routine questions and the everyday dev split for the gate's threshold.
 */
export async function loadTrainingInput(): Promise<{ train: SafetyRow[]; dev: SafetyRow[]; phrasings: SafetyRow[]; routine: SafetyRow[]; everyday: SafetyRow[] }> {
  return {
    train: [...loadCorpusSplit('train'), ...loadCorpusSplit('everyday-train')],
    dev: loadCorpusSplit('dev'),
    phrasings: await loadPhrasings(),
    routine: loadCorpusSplit('routine'),
    everyday: loadCorpusSplit('everyday-dev'),
  };
}
