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

  // Postings: feature → (example, weight), each example's vector L2-normalised; typed arrays,
  // so a query walks flat memory and leaves no garbage behind (the retrieval p99 is GC-bound).
  const lists = new Map<number, { example: number[]; weight: number[] }>();
  vectors.forEach((keys, e) => {
    let norm = 0;
    for (const k of keys) norm += (idf.get(k) ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (const k of keys) {
      const w = idf.get(k);
      if (!w) continue;
      let list = lists.get(k);
      if (!list) lists.set(k, (list = { example: [], weight: [] }));
      list.example.push(e);
      list.weight.push(w / norm);
    }
  });
  const postings = new Map<number, { idf: number; example: Int32Array; weight: Float64Array }>();
  for (const [k, list] of lists) postings.set(k, { idf: idf.get(k)!, example: Int32Array.from(list.example), weight: Float64Array.from(list.weight) });
  const scores = new Float64Array(n);
  const ownerOf = Int32Array.from(owner);
  // Per unit, its best two example similarities this query, and the units touched.
  const best1 = new Float64Array(units.length);
  const best2 = new Float64Array(units.length);
  const touched: number[] = [];

  return {
    size: units.length,
    classify(question, limit = 10) {
      const { keys } = extractFeatures(normalise(question));
      let norm = 0;
      for (const k of keys) {
        const p = postings.get(k);
        if (p) norm += p.idf * p.idf;
      }
      if (norm === 0) return [];
      norm = Math.sqrt(norm);
      scores.fill(0);
      for (const k of keys) {
        const list = postings.get(k);
        if (!list) continue;
        const w = list.idf / norm;
        const { example, weight } = list;
        for (let i = 0; i < example.length; i++) scores[example[i]!]! += w * weight[i]!;
      }
      touched.length = 0;
      for (let e = 0; e < n; e++) {
        const s = scores[e]!;
        if (s <= 0) continue;
        const u = ownerOf[e]!;
        if (best1[u] === 0) touched.push(u);
        if (s > best1[u]!) {
          best2[u] = best1[u]!;
          best1[u] = s;
        } else if (s > best2[u]!) best2[u] = s;
      }
      const out: UnitScore[] = touched.map((u) => ({ id: units[u]!.id, score: (best1[u]! + best2[u]!) / 2 }));
      for (const u of touched) best1[u] = best2[u] = 0;
      return out.sort((x, y) => y.score - x.score).slice(0, limit);
    },
  };
}

export interface TopicScore {
  /** The topic id. */
  id: string;
  score: number;
}

export interface TopicClassifier {
  /** Topics best first, with cosine scores in 0..1; at most `limit`. */
  classify(question: string, limit?: number): TopicScore[];
}

/**
 * Which topic a question is about: each topic is the centroid of its example questions' features,
 * weighted by how rare a feature is among topics. Where the unit classifier's nearest examples can
 * be won by a phrase many topics share ("how long does it take" for results, refills and records),
 * the centroid rewards the words a topic's questions have in common ("refill", "续方").
 */
export function createTopicClassifier(topics: readonly UnitExamples[]): TopicClassifier {
  const counts = topics.map((topic) => {
    const count = new Map<number, number>();
    let examples = 0;
    for (const example of topic.examples) {
      const { keys } = extractFeatures(normalise(example));
      if (!keys.length) continue;
      examples++;
      for (const k of new Set(keys)) count.set(k, (count.get(k) ?? 0) + 1);
    }
    return { count, examples: Math.max(1, examples) };
  });
  const df = new Map<number, number>();
  for (const { count } of counts) for (const k of count.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<number, number>();
  for (const [k, d] of df) idf.set(k, Math.log((topics.length + 1) / (d + 0.5)));
  // Postings: feature → (topic, weight), each centroid L2-normalised.
  const lists = new Map<number, { topic: number[]; weight: number[] }>();
  counts.forEach(({ count, examples }, t) => {
    let norm = 0;
    for (const [k, c] of count) norm += ((c / examples) * idf.get(k)!) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (const [k, c] of count) {
      const w = ((c / examples) * idf.get(k)!) / norm;
      if (w <= 0) continue;
      let list = lists.get(k);
      if (!list) lists.set(k, (list = { topic: [], weight: [] }));
      list.topic.push(t);
      list.weight.push(w);
    }
  });
  const scores = new Float64Array(topics.length);
  return {
    classify(question, limit = 10) {
      const { keys } = extractFeatures(normalise(question));
      let norm = 0;
      for (const k of keys) norm += (idf.get(k) ?? 0) ** 2;
      if (norm === 0) return [];
      norm = Math.sqrt(norm);
      scores.fill(0);
      for (const k of keys) {
        const list = lists.get(k);
        if (!list) continue;
        const w = idf.get(k)! / norm;
        for (let i = 0; i < list.topic.length; i++) scores[list.topic[i]!]! += w * list.weight[i]!;
      }
      const out: TopicScore[] = [];
      scores.forEach((s, t) => {
        if (s > 0) out.push({ id: topics[t]!.id, score: s });
      });
      return out.sort((x, y) => y.score - x.score).slice(0, limit);
    },
  };
}
