import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../language/languages.js';
import { paths } from '../paths.js';

/** One labelled message of the safety corpus (corpus/safety/<part>/<lang>.jsonl). */
export interface LabelledSafetyMessage {
  text: string;
  emergency: boolean;
  /** Positives: the red flag of the catalogue and its disposition. */
  flag?: string;
  disposition?: string;
  /** Look-alikes: past, question, class, hypothetical, idiom, chronic, mild, negated, admin, other. */
  kind?: string;
  style?: string;
}

/**
 * `train` and `dev` are for building and tuning the detectors; `heldout` was committed before
 * the detectors it measures and is only ever scored, never tuned on. `routine` holds everyday
 * office questions (the knowledge base's examples of its office topics), never emergencies:
 * the gate's threshold keeps the classifier's false alarms on them low.
 */
export type CorpusPart = 'train' | 'dev' | 'heldout' | 'routine';

export const corpusFile = (part: CorpusPart, language: Language) => join(paths.root, 'corpus', 'safety', part, `${language}.jsonl`);

export function loadCorpus(part: CorpusPart, language: Language): LabelledSafetyMessage[] {
  const file = corpusFile(part, language);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledSafetyMessage);
}
