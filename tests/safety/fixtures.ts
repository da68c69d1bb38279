import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../src/language/languages.js';
import type { EmergencyDetector } from '../../src/safety/detector.js';
import type { Category } from '../../src/safety/types.js';

export interface LabelledMessage {
  text: string;
  emergency: boolean;
  category: Category | null;
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'safety');

/** `tests/fixtures/safety/<lang>.jsonl` (dev, written by colleagues) or `holdout-<lang>.jsonl`. */
export function loadSet(language: Language, set: 'dev' | 'holdout'): LabelledMessage[] {
  const file = join(DIR, set === 'dev' ? `${language}.jsonl` : `holdout-${language}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledMessage);
}

export interface Scores {
  emergencies: number;
  lookalikes: number;
  detected: number;
  falseAlarms: number;
  rightCategory: number;
  recall: number;
  falseAlarmRate: number;
  /** Of the emergencies detected, how many got the labelled category. */
  categoryAccuracy: number;
  misses: string[];
  alarms: string[];
  wrongCategory: string[];
}

export function score(detector: EmergencyDetector, language: Language, rows: LabelledMessage[]): Scores {
  const s = { emergencies: 0, lookalikes: 0, detected: 0, falseAlarms: 0, rightCategory: 0, misses: [] as string[], alarms: [] as string[], wrongCategory: [] as string[] };
  for (const row of rows) {
    const hit = detector.detect(row.text, language);
    if (row.emergency) {
      s.emergencies++;
      if (!hit) s.misses.push(`${row.category}: ${row.text}`);
      else {
        s.detected++;
        if (hit.category === row.category) s.rightCategory++;
        else s.wrongCategory.push(`${row.category} → ${hit.category} (${hit.matched}): ${row.text}`);
      }
    } else {
      s.lookalikes++;
      if (hit) {
        s.falseAlarms++;
        s.alarms.push(`${hit.matched}: ${row.text}`);
      }
    }
  }
  return {
    ...s,
    recall: s.detected / s.emergencies,
    falseAlarmRate: s.falseAlarms / s.lookalikes,
    categoryAccuracy: s.detected ? s.rightCategory / s.detected : 0,
  };
}
