/**
 * Measures a scorer on labelled rows, per language: recall, false-alarm rate and category
 * accuracy at a threshold, and picks the threshold that reaches a recall target per language
 * with the fewest false alarms. Shared by the training script, the tests and the eval script.
 */
import { normalise } from '../text.js';
import { categoryOf, type SafetyClassifier, type SafetyRow } from './classifier.js';

export interface ClassifierScores {
  language: string;
  n: number;
  emergencies: number;
  routine: number;
  detected: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
  /** Of the emergencies detected that carry a category, how many got it right. */
  categoryAccuracy: number;
}

export interface ScoredRow {
  row: SafetyRow;
  probability: number;
  emergency: boolean;
  category?: string;
}

export interface EvaluateOptions {
  /** Threshold to apply instead of the classifier's own. */
  threshold?: number;
}

/** Scores every row (text normalised here, as the gate does). */
export function scoreRows(classifier: SafetyClassifier, rows: readonly SafetyRow[], options: EvaluateOptions = {}): ScoredRow[] {
  const threshold = options.threshold ?? classifier.threshold;
  return rows.map((row) => {
    const s = classifier.score(normalise(row.text), row.evidence);
    return { row, probability: s.probability, emergency: s.probability >= threshold, category: s.category };
  });
}

function summarise(language: string, scored: ScoredRow[]): ClassifierScores {
  let emergencies = 0;
  let detected = 0;
  let falseAlarms = 0;
  let categorised = 0;
  let rightCategory = 0;
  for (const s of scored) {
    if (s.row.emergency) {
      emergencies++;
      if (!s.emergency) continue;
      detected++;
      const expected = categoryOf(s.row);
      if (expected && s.category) {
        categorised++;
        if (expected === s.category) rightCategory++;
      }
    } else if (s.emergency) falseAlarms++;
  }
  const routine = scored.length - emergencies;
  return {
    language,
    n: scored.length,
    emergencies,
    routine,
    detected,
    falseAlarms,
    recall: emergencies ? detected / emergencies : 1,
    falseAlarmRate: routine ? falseAlarms / routine : 0,
    categoryAccuracy: categorised ? rightCategory / categorised : 1,
  };
}

/** Per-language scores (rows grouped by `language`; rows without one go under "all"), then "all". */
export function evaluateClassifierOnRows(classifier: SafetyClassifier, rows: readonly SafetyRow[], options: EvaluateOptions = {}): ClassifierScores[] {
  const scored = scoreRows(classifier, rows, options);
  const byLanguage = new Map<string, ScoredRow[]>();
  for (const s of scored) {
    const key = s.row.language ?? 'all';
    if (key === 'all') continue;
    byLanguage.set(key, [...(byLanguage.get(key) ?? []), s]);
  }
  return [...[...byLanguage.keys()].sort().map((l) => summarise(l, byLanguage.get(l)!)), summarise('all', scored)];
}

/**
 * The highest threshold at which every language reaches `targetRecall` on these rows
 * (the highest threshold means the fewest false alarms). Placed halfway between the
 * deciding emergency's probability and the next lower probability, so rounding cannot flip it.
 */
export function chooseThreshold(classifier: SafetyClassifier, rows: readonly SafetyRow[], targetRecall: number): number {
  const scored = scoreRows(classifier, rows);
  const languages = [...new Set(scored.map((s) => s.row.language ?? 'all'))];
  let threshold = 1;
  for (const language of languages) {
    const mine = scored.filter((s) => (s.row.language ?? 'all') === language);
    const positives = mine.filter((s) => s.row.emergency).map((s) => s.probability).sort((a, b) => b - a);
    if (positives.length === 0) continue;
    // Keep the top ceil(target × n) emergencies above the line.
    const need = Math.ceil(targetRecall * positives.length - 1e-9);
    const at = positives[Math.max(0, need - 1)]!;
    threshold = Math.min(threshold, at);
  }
  const below = scored.map((s) => s.probability).filter((p) => p < threshold);
  const next = below.length ? Math.max(...below) : 0;
  return (threshold + next) / 2;
}

/**
 * The lowest threshold at which the classifier alone raises at most `limit` of these
 * non-emergencies in every language (the lowest threshold means the most emergencies caught).
 * Placed just above the deciding row's probability, so rounding cannot flip it.
 */
export function chooseAlarmThreshold(classifier: SafetyClassifier, rows: readonly SafetyRow[], limit: number): number {
  const scored = scoreRows(classifier, rows.filter((r) => !r.emergency));
  let threshold = 0;
  for (const language of [...new Set(scored.map((s) => s.row.language ?? 'all'))]) {
    const probabilities = scored.filter((s) => (s.row.language ?? 'all') === language).map((s) => s.probability).sort((a, b) => b - a);
    const allowed = Math.floor(limit * probabilities.length + 1e-9);
    // Everything from the (allowed + 1)th highest down must stay below the line.
    const deciding = probabilities[allowed];
    if (deciding !== undefined) threshold = Math.max(threshold, deciding + 1e-6);
  }
  return Math.min(1, threshold);
}
