import { extractFeatures } from '../safety/classifier/features.js';
import { normalise } from '../safety/text.js';

/**
 * Which answer unit a question is about, learnt from the units' example questions: a nearest-
 * neighbour classifier over the same hashed features as the safety classifier (character
 * n-grams inside words survive typos and the many spellings of romanised Hindi; Han n-grams
 * need no word breaks). Each example is a TF-IDF vector; a unit scores as the mean of its best
 * two example similarities, so one odd example cannot carry it. Trained in milliseconds at
 * (re)index time, so a clinic's edits take effect without a separate training step.
 */
export interface UnitClassifier {
  readonly size: number;
  /** Units best first, with cosine scores in 0..1; at most `limit`. */
  classify(question: string, limit?: number): UnitScore[];
}

export interface UnitScore {
  /** The passage id of the unit (`<lang>/<topic>#<unit>`). */
  id: string;
  score: number;
}

export interface UnitExamples {
  id: string;
  examples: readonly string[];
}

// A feature in more than this share of the examples says nothing about the unit.
const MAX_DOCUMENT_SHARE = 0.25;

export function createUnitClassifier(units: readonly UnitExamples[]): UnitClassifier {
  const owner: number[] = [];
  const vectors: Uint32Array[] = [];
  for (const [u, unit] of units.entries()) {
    for (const example of unit.examples) {
      const { keys } = extractFeatures(normalise(example));
      if (!keys.length) continue;
      owner.push(u);
      vectors.push(keys);
    }
  }
  const n = vectors.length;
  const df = new Map<number, number>();
  for (const keys of vectors) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<number, number>();
  for (const [k, d] of df) if (d <= Math.max(2, n * MAX_DOCUMENT_SHARE)) idf.set(k, Math.log((n + 1) / (d + 0.5)));

  // Postings: feature → (example, weight), each example's vector L2-normalised.
  const postings = new Map<number, { example: number[]; weight: number[] }>();
  vectors.forEach((keys, e) => {
    let norm = 0;
    for (const k of keys) norm += (idf.get(k) ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (const k of keys) {
      const w = idf.get(k);
      if (!w) continue;
      let list = postings.get(k);
      if (!list) postings.set(k, (list = { example: [], weight: [] }));
      list.example.push(e);
      list.weight.push(w / norm);
    }
  });
  const scores = new Float64Array(n);

  return {
    size: units.length,
    classify(question, limit = 10) {
      const { keys } = extractFeatures(normalise(question));
      let norm = 0;
      for (const k of keys) norm += (idf.get(k) ?? 0) ** 2;
      if (norm === 0) return [];
      norm = Math.sqrt(norm);
      scores.fill(0);
      for (const k of keys) {
        const list = postings.get(k);
        if (!list) continue;
        const w = idf.get(k)! / norm;
        for (let i = 0; i < list.example.length; i++) scores[list.example[i]!]! += w * list.weight[i]!;
      }
      // Per unit: the best two example similarities.
      const best = new Map<number, [number, number]>();
      for (let e = 0; e < n; e++) {
        const s = scores[e]!;
        if (s <= 0) continue;
        const u = owner[e]!;
        const pair = best.get(u);
        if (!pair) best.set(u, [s, 0]);
        else if (s > pair[0]) best.set(u, [s, pair[0]]);
        else if (s > pair[1]) pair[1] = s;
      }
      return [...best.entries()]
        .map(([u, [a, b]]) => ({ id: units[u]!.id, score: (a + b) / 2 }))
        .sort((x, y) => y.score - x.score)
        .slice(0, limit);
    },
  };
}
