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
  /**
   * Look-alikes: past, question, class, hypothetical, idiom, chronic, mild, negated, admin, other.
   * Everyday messages: mild, child, chronic, mental-health, minor-injury, pregnancy, medication, worry.
   */
  kind?: string;
  style?: string;
}

/**
 * `train` and `dev` are for building and tuning the detectors; `heldout` was committed before
 * the detectors it measures and is only ever scored, never tuned on. `routine` holds everyday
 * office questions (the knowledge base's examples of its office topics), never emergencies:
 * the gate's threshold keeps the classifier's false alarms on them low.
 *
 * `everyday-*` (corpus/safety/everyday/<split>/) holds ordinary health messages that are not red
 * flags: a cold, a sprain, a stressful week, a toddler's fever with a child who is playing. They
 * are most of what a clinic hears about symptoms, and the gate must leave them alone. Split as the
 * main corpus, with `everyday-heldout` committed before the changes it measures.
 */
export const CORPUS_PARTS = ['heldout', 'heldout2', 'dev', 'train', 'routine', 'everyday-heldout', 'everyday-dev', 'everyday-train'] as const;
export type CorpusPart = (typeof CORPUS_PARTS)[number];

/**
 * `heldout2`: a second held-out set (1,286 messages, weighted to the hardest look-alikes and to
 * emergencies told indirectly or buried in long messages), written without looking at the
 * detectors and committed before the changes it measures. No shipped model has trained on it.
 */
export const isHeldout = (part: CorpusPart | string) => part.endsWith('heldout') || part === 'heldout2';

/** `everyday-dev` lives in corpus/safety/everyday/dev/. */
export const corpusFile = (part: CorpusPart, language: Language) => join(paths.root, 'corpus', 'safety', ...part.split('-'), `${language}.jsonl`);

export function loadCorpus(part: CorpusPart, language: Language): LabelledSafetyMessage[] {
  const file = corpusFile(part, language);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledSafetyMessage);
}
