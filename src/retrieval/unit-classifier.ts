import { extractFeatures } from '../safety/classifier/features.js';
import { normalise } from '../safety/text.js';
import { buildPostings, packedPostings, scoreQuery, type PostingList, type Postings } from './postings.js';

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

/** An example's hashed features. One index build passes a memoised one to all its classifiers. */
export type ExampleFeatures = (example: string) => Uint32Array;

export const exampleFeatures: ExampleFeatures = (example) => extractFeatures(normalise(example)).keys;

/** `exampleFeatures`, each distinct text extracted once (units, topics and symptoms share examples). */
export function memoisedFeatures(): ExampleFeatures {
  const seen = new Map<string, Uint32Array>();
  return (example) => {
    let keys = seen.get(example);
    if (!keys) seen.set(example, (keys = exampleFeatures(example)));
    return keys;
  };
}

// A feature in more than this share of the examples says nothing about the unit.
const MAX_DOCUMENT_SHARE = 0.25;

export function createUnitClassifier(units: readonly UnitExamples[], featuresOf: ExampleFeatures = exampleFeatures): UnitClassifier {
  const owner: number[] = [];
  const vectors: Uint32Array[] = [];
  for (const [u, unit] of units.entries()) {
    for (const example of unit.examples) {
      const keys = featuresOf(example);
      if (!keys.length) continue;
      owner.push(u);
      vectors.push(keys);
    }
  }
  const n = vectors.length;
  // Built apart: what the build holds (per-feature lists) must not live on in classify's scope.
  const postings = examplePostings(vectors);
  const scores = new Float64Array(n);
  const ownerOf = Int32Array.from(owner);
  // Per unit, its best two example similarities this query, and the units touched.
  const best1 = new Float64Array(units.length);
  const best2 = new Float64Array(units.length);
  const touched: number[] = [];

  return {
    size: units.length,
    classify(question, limit = 10) {
      if (!scoreQuery(postings, extractFeatures(normalise(question)).keys, scores)) return [];
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
export function createTopicClassifier(topics: readonly UnitExamples[], featuresOf: ExampleFeatures = exampleFeatures): TopicClassifier {
  const postings = centroidPostings(topics, featuresOf);
  const scores = new Float64Array(topics.length);
  return {
    classify(question, limit = 10) {
      if (!scoreQuery(postings, extractFeatures(normalise(question)).keys, scores)) return [];
      const out: TopicScore[] = [];
      scores.forEach((s, t) => {
        if (s > 0) out.push({ id: topics[t]!.id, score: s });
      });
      return out.sort((x, y) => y.score - x.score).slice(0, limit);
    },
  };
}

/**
 * Feature → (example, weight) postings: TF-IDF, each example's vector L2-normalised. Built from
 * one numeric sort of (feature, example) pairs rather than a Map of growing arrays per feature:
 * the index of every language is built at start and on each re-index.
 */
function examplePostings(vectors: readonly Uint32Array[]): Postings {
  const n = vectors.length;
  let total = 0;
  for (const keys of vectors) total += keys.length;
  // Feature hashes are 30-bit and examples fewer than 2^20: (feature, example) fits one double.
  const pairs = new Float64Array(total);
  let p = 0;
  vectors.forEach((keys, e) => {
    for (const k of keys) pairs[p++] = k * 1_048_576 + e;
  });
  pairs.sort();
  const keyOf = (i: number) => Math.floor(pairs[i]! / 1_048_576);
  // Runs of one feature: its document frequency; rare enough ones are kept.
  const maxDf = Math.max(2, n * MAX_DOCUMENT_SHARE);
  const kept: number[] = [];
  let keptPostings = 0;
  for (let i = 0; i < total; ) {
    let j = i + 1;
    while (j < total && keyOf(j) === keyOf(i)) j++;
    if (j - i <= maxDf) (kept.push(i, j), (keptPostings += j - i));
    i = j;
  }
  const features = kept.length / 2;
  const keys = new Uint32Array(features);
  const idf = new Float64Array(features);
  const start = new Int32Array(features + 1);
  const ids = new Int32Array(keptPostings);
  let at = 0;
  for (let f = 0; f < features; f++) {
    const i = kept[2 * f]!;
    const j = kept[2 * f + 1]!;
    keys[f] = keyOf(i);
    idf[f] = Math.log((n + 1) / (j - i + 0.5));
    start[f] = at;
    for (let x = i; x < j; x++) ids[at++] = pairs[x]! - keys[f]! * 1_048_576;
  }
  start[features] = at;
  const weights = new Float64Array(at);
  const postings = packedPostings(keys, idf, start, ids, weights);
  // Each example's norm over its kept features, in its own order; then its weight on each.
  const norm = new Float64Array(n);
  vectors.forEach((vector, e) => {
    let sum = 0;
    for (const k of vector) {
      const f = postings.find(k);
      if (f >= 0) sum += idf[f]! ** 2;
    }
    norm[e] = Math.sqrt(sum) || 1;
  });
  for (let f = 0; f < features; f++) for (let x = start[f]!; x < start[f + 1]!; x++) weights[x] = idf[f]! / norm[ids[x]!]!;
  return postings;
}

/** Feature → (topic, weight) postings: each topic's centroid, weighted by rarity among topics, L2-normalised. */
function centroidPostings(topics: readonly UnitExamples[], featuresOf: ExampleFeatures): Postings {
  const counts = topics.map((topic) => {
    const count = new Map<number, number>();
    let examples = 0;
    for (const example of topic.examples) {
      const keys = featuresOf(example);
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
  const lists = new Map<number, PostingList>();
  counts.forEach(({ count, examples }, t) => {
    let norm = 0;
    for (const [k, c] of count) norm += ((c / examples) * idf.get(k)!) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (const [k, c] of count) {
      const w = ((c / examples) * idf.get(k)!) / norm;
      if (w <= 0) continue;
      let list = lists.get(k);
      if (!list) lists.set(k, (list = { idf: idf.get(k)!, ids: [], weights: [] }));
      list.ids.push(t);
      list.weights.push(w);
    }
  });
  return buildPostings(lists);
}
