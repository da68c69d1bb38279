import OpenAI from 'openai';
import type { Config } from '../config.js';
import { loadSafetyClassifier } from './classifier/load-model.js';
import { createEmergencyDetector } from './detector.js';
import { createSafetyGate, type SafetyGate, type SecondOpinion, type StatisticalDetector } from './gate.js';
import { createLlmOpinion } from './llm-opinion.js';

/** The LLM opinion may hold a turn this long at most; the other detectors have answered already. */
export const LLM_OPINION_TIMEOUT_MS = 2500;

/** Each detector alone and the gate, for evaluation: rules only, classifier only, and both OR-ed. */
export interface SafetyDetectors {
  rules: SafetyGate;
  classifier?: SafetyGate;
  gate: SafetyGate;
}

export function createSafetyDetectors(): SafetyDetectors {
  const rules = createEmergencyDetector();
  const classifier = loadDefaultClassifier();
  const never = { inspect: () => ({ hit: null, screen: null }), detect: () => null, screening: () => null };
  return {
    rules: createSafetyGate({ rules }),
    classifier: classifier ? createSafetyGate({ rules: never, classifier }) : undefined,
    gate: createSafetyGate({ rules, classifier }),
  };
}

/**
 * The classifier's probability must reach this to raise a flag on its own. The model's stored
 * threshold was picked for recall alone and flags most look-alikes; ordinary office questions
 * lie outside its training data and score high too (0.5 flags 18% of the 861 routine eval
 * questions). 0.99 flags about 1% of them: chosen on those questions, not on the held-out set.
 */
export const CLASSIFIER_THRESHOLD = 0.99;

/** The statistical detector shipped with the product (corpus/safety/model.json). */
function loadDefaultClassifier(): StatisticalDetector | undefined {
  const classifier = loadSafetyClassifier();
  return {
    threshold: CLASSIFIER_THRESHOLD,
    score: (normalisedText) => {
      const s = classifier.score(normalisedText);
      return { probability: s.probability, category: s.category };
    },
  };
}

/** The gate as a deployment runs it: rules and classifier, plus the LLM's opinion when one is configured. */
export function createDefaultSafetyGate(config?: Pick<Config, 'llm'>): SafetyGate {
  const llm = config?.llm;
  let opinion: SecondOpinion | undefined;
  if (llm?.model) {
    const timeoutMs = Math.min(llm.timeoutMs, LLM_OPINION_TIMEOUT_MS);
    const client = new OpenAI({ apiKey: llm.apiKey, baseURL: llm.baseUrl, timeout: timeoutMs, maxRetries: 0 });
    opinion = createLlmOpinion({ client, model: llm.model, timeoutMs });
  }
  return createSafetyGate({ classifier: loadDefaultClassifier(), opinion });
}
