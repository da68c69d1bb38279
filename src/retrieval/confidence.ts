import type { TopicHit } from './topics.js';

/**
 * How likely the top topic is the right one, 0..1. A logistic model over the top score per
 * query token (scores grow with query length) and the margin over the second topic, fitted on
 * the eval questions (right vs wrong top topic) and a set of off-topic questions
 * (tests/retrieval/fixtures/off-topic.jsonl). Refit when the lexical tuning changes.
 */
export const CONFIDENCE_MODEL = { intercept: -7.742, perTokenScore: 2.891, margin: 2.133 };

/**
 * Below this the bot says it is not sure. At 0.4 (scripts/fit-confidence.ts): 98% of the right
 * answers are given, 63% of the wrong or off-topic ones declined (out of scope is caught apart).
 */
export const CONFIDENCE_THRESHOLD = 0.4;

export function lexicalConfidence(topics: readonly TopicHit[], queryTokens: number): number {
  const [first, second] = topics;
  if (!first || first.score <= 0) return 0;
  const margin = (first.score - (second?.score ?? 0)) / first.score;
  const z =
    CONFIDENCE_MODEL.intercept +
    CONFIDENCE_MODEL.perTokenScore * Math.log1p(first.score / Math.max(1, queryTokens)) +
    CONFIDENCE_MODEL.margin * margin;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Cosine similarity of the best passage → 0..1. Embedding models differ; 0.3 is "unrelated"
 * and 0.7 "clearly about this" for the common OpenAI-compatible ones.
 */
export function vectorConfidence(similarity: number): number {
  return Math.min(1, Math.max(0, (similarity - 0.3) / 0.4));
}

/** Two independent signals agreeing on the same topic make it more likely. */
export function combineConfidence(lexical: number, vector: number): number {
  return 1 - (1 - lexical) * (1 - vector);
}

/** What the answer confidence is computed from: each signal's view of the top unit. */
export interface ConfidenceFeatures {
  /** `lexicalConfidence` when the lexical ranking's top topic is the fused top topic, else 0. */
  lexical: number;
  /** The classifier's top similarity when its topic is the fused top topic, else 0. */
  classifier: number;
  /** The classifier's top similarity minus the best one from another topic. */
  margin: number;
  /** Similarity to the out-of-scope examples. */
  outOfScope: number;
  /** 1 when lexical search and the classifier agree on the unit. */
  agree: number;
}

/**
 * How likely the fused top unit's topic is right, 0..1: a logistic model over the features,
 * fitted (scripts/fit-confidence.ts) on the dev part of corpus/answers, the older topic questions
 * (tests/fixtures/eval) and the off-topic questions (tests/retrieval/fixtures/off-topic.jsonl).
 */
export const ANSWER_CONFIDENCE = { intercept: -1.882, lexical: 3.55, classifier: 2.893, margin: 2.499, outOfScope: -2.522, agree: -0.321 };

export function answerConfidence(f: ConfidenceFeatures): number {
  const m = ANSWER_CONFIDENCE;
  const z = m.intercept + m.lexical * f.lexical + m.classifier * f.classifier + m.margin * f.margin + m.outOfScope * f.outOfScope + m.agree * f.agree;
  return 1 / (1 + Math.exp(-z));
}
