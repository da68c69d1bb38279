/**
 * Reads the labelled safety corpus: corpus/safety/<split>/<lang>.jsonl, one JSON row a line.
 * The held-out split is for the maintainers' evaluation only: nothing here trains or tunes on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LANGUAGES, type Language } from '../../language/languages.js';
import { paths } from '../../paths.js';
import type { SafetyRow } from './classifier.js';

export type CorpusSplit = 'train' | 'dev' | 'heldout';

export const CORPUS_DIR = join(paths.root, 'corpus', 'safety');

/** Parses JSON lines, tagging each row with its language. */
export function parseRows(jsonl: string, language?: Language): SafetyRow[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as SafetyRow;
      return language ? { ...row, language } : row;
    });
}

/** One split, languages in LANGUAGES order; a language whose file is missing contributes nothing. */
export function loadCorpusSplit(split: CorpusSplit, languages: readonly Language[] = LANGUAGES, dir = CORPUS_DIR): SafetyRow[] {
  return languages.flatMap((language) => {
    const file = join(dir, split, `${language}.jsonl`);
    return existsSync(file) ? parseRows(readFileSync(file, 'utf8'), language) : [];
  });
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

/** Everything the shipped model is trained and tuned on: train, dev and the lay phrasings. */
export async function loadTrainingInput(): Promise<{ train: SafetyRow[]; dev: SafetyRow[]; phrasings: SafetyRow[] }> {
  return { train: loadCorpusSplit('train'), dev: loadCorpusSplit('dev'), phrasings: await loadPhrasings() };
}
