import type { TopicHit } from './topics.js';

/**
 * How likely the top topic is the right one, 0..1. A logistic model over the top score per
 * query token (scores grow with query length) and the margin over the second topic, fitted on
 * the eval questions (right vs wrong top topic) and a set of off-topic questions
 * (tests/retrieval/fixtures/off-topic.jsonl). Refit when the lexical tuning changes.
 */
export const CONFIDENCE_MODEL = { intercept: -7.742, perTokenScore: 2.891, margin: 2.133 };

/** Below this the bot says it is not sure (eval: ~93–98% of questions answered, off-topic mostly declined). */
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
