/**
 * Logistic regression (one output: sigmoid) or multinomial logistic regression (several
 * outputs: softmax) over sparse hashed features, trained by Adam with lazy per-feature updates
 * and L2 decay. Deterministic: the example order comes from a seeded generator and every
 * operation is plain IEEE double arithmetic.
 */
import type { FeatureVector } from './features.js';

export interface LinearTrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update on the weights an example touches. */
  l2: number;
  seed: number;
}

export interface LinearExample {
  x: FeatureVector;
  /** Class index; with one output, 1 = positive and 0 = negative. */
  target: number;
  /** Loss weight (class balance). */
  weight: number;
}

/** Trained weights: `weights[i * outputs + k]` is feature `keys[i]`'s weight for output k. */
export interface LinearWeights {
  outputs: number;
  bias: number[];
  keys: Uint32Array;
  weights: Float64Array;
}

/** Small, fast, seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns raw scores into probabilities in place: sigmoid for one output, softmax otherwise. */
export function activate(z: Float64Array | number[]): void {
  if (z.length === 1) {
    z[0] = 1 / (1 + Math.exp(-z[0]!));
    return;
  }
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k]! - max);
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
}

export function trainLinear(examples: LinearExample[], outputs: number, options: LinearTrainOptions): LinearWeights {
  // Dense indices for the hashes seen, in order of first appearance.
  const index = new Map<number, number>();
  const rows = examples.map((e) => {
    const idx = new Int32Array(e.x.keys.length);
    e.x.keys.forEach((key, i) => {
      let j = index.get(key);
      if (j === undefined) index.set(key, (j = index.size));
      idx[i] = j;
    });
    return idx;
  });
  const K = outputs;
  const n = index.size;
  const w = new Float64Array(n * K);
  const m = new Float64Array(n * K);
  const v = new Float64Array(n * K);
  const b = new Float64Array(K);
  const bm = new Float64Array(K);
  const bv = new Float64Array(K);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const { learningRate: lr, l2 } = options;
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(K);
  const g = new Float64Array(K);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order) {
      const { x, target, weight } = examples[e]!;
      const idx = rows[e]!;
      z.set(b);
      for (const j of idx) for (let k = 0; k < K; k++) z[k]! += w[j * K + k]! * x.value;
      activate(z);
      for (let k = 0; k < K; k++) g[k] = (z[k]! - (K === 1 ? target : target === k ? 1 : 0)) * weight;
      t++;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      for (let k = 0; k < K; k++) {
        bm[k] = beta1 * bm[k]! + (1 - beta1) * g[k]!;
        bv[k] = beta2 * bv[k]! + (1 - beta2) * g[k]! ** 2;
        b[k]! -= (lr * (bm[k]! / c1)) / (Math.sqrt(bv[k]! / c2) + eps);
      }
      for (const j of idx) {
        for (let k = 0; k < K; k++) {
          const p = j * K + k;
          const grad = g[k]! * x.value + l2 * w[p]!;
          m[p] = beta1 * m[p]! + (1 - beta1) * grad;
          v[p] = beta2 * v[p]! + (1 - beta2) * grad * grad;
          w[p]! -= (lr * (m[p]! / c1)) / (Math.sqrt(v[p]! / c2) + eps);
        }
      }
    }
  }
  // Hand back the weights sorted by hash.
  const keys = Uint32Array.from(index.keys()).sort();
  const weights = new Float64Array(n * K);
  keys.forEach((key, i) => {
    const j = index.get(key)!;
    for (let k = 0; k < K; k++) weights[i * K + k] = w[j * K + k]!;
  });
  return { outputs: K, bias: [...b], keys, weights };
}
