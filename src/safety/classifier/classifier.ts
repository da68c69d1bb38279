/**
 * The statistical detector of the safety gate: a logistic regression over hashed character
 * n-grams, Han n-grams and word uni/bigrams gives the probability that a message is an
 * emergency; a softmax over the same features names the red-flag category. The model is plain
 * JSON (corpus/safety/model.json); the threshold in it was chosen on the dev split.
 */
import { CATEGORIES, flagById, type Category } from '../catalogue/flags.js';
import { normalise } from '../text.js';
import { conceptFeatures, DEFAULT_FEATURE_OPTIONS, extractFeatures, type ConceptEvidence, type FeatureOptions, type FeatureVector } from './features.js';
import { activate, trainLinear, type LinearExample, type LinearWeights } from './linear.js';

export const MODEL_FORMAT = 'carerelay-safety-classifier/1';

/** A linear head as stored: keys delta-encoded in ascending order, weights as integers over `scale`. */
export interface StoredHead {
  bias: number[];
  keys: number[];
  /** `outputs` integers per key. */
  weights: number[];
}

export interface SafetyModel {
  format: typeof MODEL_FORMAT;
  features: FeatureOptions;
  /** Emergency when the probability is at or above this (chosen on dev for recall ≥ 0.99 per language). */
  threshold: number;
  /**
   * The probability at which the classifier raises a flag on its own in the gate (build-model.ts
   * picks it from the false alarms it may cost); older models have none.
   */
  gateThreshold?: number;
  /** From this probability its flag alone is an alarm; below, a question about the danger signs (build-model.ts). */
  alarmThreshold?: number;
  scale: number;
  /** One output: the emergency probability. */
  emergency: StoredHead;
  /** One output per label: the category of an emergency. */
  category: StoredHead & { labels: Category[] };
}

export interface SafetyScore {
  /** Probability that the message is an emergency. */
  probability: number;
  /** `probability >= threshold`. */
  emergency: boolean;
  /** The most likely red-flag category, given only when `emergency`. */
  category?: Category;
  /** The category head's probability for `category` (softmax over the categories), given with it. */
  categoryProbability?: number;
}

export interface SafetyClassifier {
  readonly threshold: number;
  /**
   * Scores text already normalised by `normalise` (src/safety/text.ts). Models trained with concept
   * features also read the concept rules' evidence about the message (none given: no concepts).
   */
  score(normalisedText: string, evidence?: ConceptEvidence): SafetyScore;
}

/** One labelled message of the safety corpus (corpus/safety/<split>/<lang>.jsonl). */
export interface SafetyRow {
  text: string;
  emergency: boolean;
  /** Red-flag id from the catalogue (emergencies). */
  flag?: string;
  disposition?: string;
  style?: string;
  /** Non-emergencies: what kind of message, and the red flag it looks like. */
  kind?: string;
  near?: string;
  /** Older fixtures name the category directly. */
  category?: string;
  /** Set by the loader from the file name. */
  language?: string;
  /** The concept rules' evidence about the text, for models with concept features (build-model.ts fills it). */
  evidence?: ConceptEvidence;
}

export interface TrainOptions {
  features: FeatureOptions;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Extra loss weight on emergencies, after the two classes are balanced (missing one costs more). */
  positiveWeight: number;
  /** Stored weights are rounded to 1/scale; features whose weights all round below `prune` are dropped. */
  scale: number;
  prune: number;
  threshold: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  epochs: 12,
  learningRate: 0.02,
  l2: 1e-5,
  seed: 8,
  positiveWeight: 2,
  scale: 1000,
  prune: 0.5,
  threshold: 0.5,
};

const CATEGORY_SET = new Set<string>(CATEGORIES);

/** The category a labelled emergency belongs to: from its flag, or as written in older fixtures. */
export function categoryOf(row: SafetyRow): Category | undefined {
  if (row.flag) return flagById.get(row.flag)?.category;
  return row.category && CATEGORY_SET.has(row.category) ? (row.category as Category) : undefined;
}

function store(trained: LinearWeights, scale: number, prune: number): StoredHead {
  const K = trained.outputs;
  const keys: number[] = [];
  const weights: number[] = [];
  let last = 0;
  const cut = Math.round(prune * scale);
  for (let i = 0; i < trained.keys.length; i++) {
    const q: number[] = [];
    let keep = false;
    for (let k = 0; k < K; k++) {
      const r = Math.round(trained.weights[i * K + k]! * scale);
      if (Math.abs(r) >= cut && r !== 0) keep = true;
      q.push(Math.abs(r) >= cut ? r : 0);
    }
    if (!keep) continue;
    keys.push(trained.keys[i]! - last);
    last = trained.keys[i]!;
    weights.push(...q.map((x) => x + 0)); // + 0 turns -0 into 0 for stable JSON
  }
  return { bias: trained.bias.map((x) => Math.round(x * scale)), keys, weights };
}

/** Trains both heads on the rows. Deterministic for the same rows (in the same order) and options. */
export function trainSafetyClassifier(rows: readonly SafetyRow[], options: Partial<TrainOptions> = {}): SafetyModel {
  const o: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const vectors = rows.map((r) => extractFeatures(normalise(r.text), o.features, o.features.concepts && r.evidence ? conceptFeatures(r.evidence) : []));
  const positives = rows.filter((r) => r.emergency).length;
  const negatives = rows.length - positives;
  const linear = { epochs: o.epochs, learningRate: o.learningRate, l2: o.l2, seed: o.seed };

  const binary: LinearExample[] = rows.map((r, i) => ({
    x: vectors[i]!,
    target: r.emergency ? 1 : 0,
    weight: r.emergency ? (rows.length / (2 * Math.max(1, positives))) * o.positiveWeight : rows.length / (2 * Math.max(1, negatives)),
  }));
  const emergency = store(trainLinear(binary, 1, linear), o.scale, o.prune);

  const present = new Set(rows.filter((r) => r.emergency).map(categoryOf));
  const labels = CATEGORIES.filter((c) => present.has(c));
  const categorised: LinearExample[] = [];
  rows.forEach((r, i) => {
    const c = r.emergency ? categoryOf(r) : undefined;
    if (c) categorised.push({ x: vectors[i]!, target: labels.indexOf(c), weight: 1 });
  });
  const category = labels.length > 1 ? store(trainLinear(categorised, labels.length, linear), o.scale, o.prune) : { bias: labels.map(() => 0), keys: [], weights: [] };

  return { format: MODEL_FORMAT, features: o.features, threshold: o.threshold, scale: o.scale, emergency, category: { labels, ...category } };
}

/**
 * A loaded head: an open-addressing table from feature hash to row of weights (hashes are
 * 30-bit, so -1 marks an empty slot). Several times faster than a Map on the hot path.
 */
interface LoadedHead {
  outputs: number;
  bias: Float64Array;
  scale: number;
  mask: number;
  slots: Int32Array;
  rows: Int32Array;
  /** The stored integer weights (over `scale`): 16 bits when they fit, so a row of 28 is one cache line. */
  weights: Int16Array | Int32Array;
}

const slotOf = (key: number, mask: number): number => Math.imul(key, 0x9e3779b1) >>> 0 & mask;

function load(head: StoredHead, outputs: number, scale: number): LoadedHead {
  let size = 1;
  while (size < head.keys.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const rows = new Int32Array(size);
  let key = 0;
  head.keys.forEach((delta, i) => {
    key += delta;
    let at = slotOf(key, mask);
    while (slots[at] !== -1) at = (at + 1) & mask;
    slots[at] = key;
    rows[at] = i * outputs;
  });
  const narrow = head.weights.every((w) => w >= -32768 && w <= 32767);
  return { outputs, bias: Float64Array.from(head.bias, (b) => b / scale), scale, mask, slots, rows, weights: narrow ? Int16Array.from(head.weights) : Int32Array.from(head.weights) };
}

/**
 * A one-output head (the emergency probability, scored for every message) as one table of
 * (key, integer weight) pairs: a probe reads one cache line instead of three arrays, and the
 * integer weights (as stored, over `scale`) add up exactly.
 */
interface BinaryHead {
  bias: number;
  scale: number;
  mask: number;
  /** A key's home slot is its top bits: a message's keys, sorted, probe the table front to back. */
  shift: number;
  /** [key, weight] per slot; key -1: empty. */
  table: Int32Array;
}

function loadBinary(head: StoredHead, scale: number): BinaryHead {
  let size = 1;
  while (size < head.keys.length * 2) size *= 2;
  const mask = size - 1;
  const shift = 30 - Math.log2(size);
  const table = new Int32Array(size * 2).fill(-1);
  let key = 0;
  head.keys.forEach((delta, i) => {
    key += delta;
    let at = key >>> shift;
    while (table[at * 2] !== -1) at = (at + 1) & mask;
    table[at * 2] = key;
    table[at * 2 + 1] = head.weights[i]!;
  });
  return { bias: (head.bias[0] ?? 0) / scale, scale, mask, shift, table };
}

function runBinary(head: BinaryHead, x: FeatureVector): number {
  const { mask, shift, table } = head;
  let sum = 0;
  for (let i = 0; i < x.keys.length; i++) {
    const key = x.keys[i]!;
    let at = (key >>> shift) * 2;
    let found = table[at]!;
    while (found !== -1 && found !== key) {
      at = (at + 2) & (mask * 2 + 1);
      found = table[at]!;
    }
    if (found !== -1) sum += table[at + 1]!;
  }
  // The logistic function, as `activate` computes it for one output.
  return 1 / (1 + Math.exp(-(head.bias + (sum / head.scale) * x.value)));
}

function run(head: LoadedHead, x: FeatureVector): Float64Array {
  const { mask, slots, rows, weights, outputs } = head;
  // Integer sums are exact; they are scaled once at the end.
  const sums = new Float64Array(outputs);
  for (let i = 0; i < x.keys.length; i++) {
    const key = x.keys[i]!;
    let at = slotOf(key, mask);
    while (slots[at] !== -1 && slots[at] !== key) at = (at + 1) & mask;
    if (slots[at] === -1) continue;
    const row = rows[at]!;
    for (let k = 0; k < outputs; k++) sums[k]! += weights[row + k]!;
  }
  const z = Float64Array.from(head.bias);
  for (let k = 0; k < outputs; k++) z[k]! += (sums[k]! / head.scale) * x.value;
  activate(z);
  return z;
}

export function createSafetyClassifier(model: SafetyModel): SafetyClassifier {
  if (model.format !== MODEL_FORMAT) throw new Error(`unknown safety model format ${String(model.format)}`);
  const emergencyHead = loadBinary(model.emergency, model.scale);
  const labels = model.category.labels;
  const categoryHead = load(model.category, labels.length, model.scale);
  // Only the packed heads and these live on: `model` itself (its plain weight arrays) may go.
  const { threshold, features } = model;
  return {
    threshold,
    score(normalisedText, evidence) {
      const x = extractFeatures(normalisedText, features, features.concepts && evidence ? conceptFeatures(evidence) : []);
      const probability = runBinary(emergencyHead, x);
      if (probability < threshold || labels.length === 0) return { probability, emergency: probability >= threshold };
      const p = run(categoryHead, x);
      let best = 0;
      for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
      return { probability, emergency: true, category: labels[best], categoryProbability: p[best] };
    },
  };
}
