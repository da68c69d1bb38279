/**
 * Correctly spelled everyday words of the clinic's languages (corpus/safety/known-words.txt,
 * written by scripts/build-known-words.ts from the knowledge base's text and example questions).
 * The concept matcher forgives one typo, but a real word is not a typo of another one: "bills"
 * is not "bile", "download" is not "drown", "violation" is not "violación". Words of this list
 * match the lexicon exactly or not at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../paths.js';

export const KNOWN_WORDS_PATH = join(paths.root, 'corpus', 'safety', 'known-words.txt');

let known: ReadonlySet<string> | undefined;

/** The shipped list, read once (empty when the file is missing: every word may then be a typo). */
export function knownWords(): ReadonlySet<string> {
  known ??= existsSync(KNOWN_WORDS_PATH)
    ? new Set(readFileSync(KNOWN_WORDS_PATH, 'utf8').split('\n').map((w) => w.trim()).filter((w) => w && !w.startsWith('#')))
    : new Set<string>();
  return known;
}
