import OpenAI from 'openai';
import type { Config } from '../config.js';
import type { Language } from '../language/languages.js';
import { loadSafetyClassifier, loadSafetyModel } from './classifier/load-model.js';
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

/** `classifier`: another model to judge with (eval-safety scores dev with a model that never saw dev). */
export function createSafetyDetectors(classifier: StatisticalDetector | undefined = loadDefaultClassifier()): SafetyDetectors {
  const rules = createEmergencyDetector();
  // The classifier alone: no rule raises a flag, but it still reads the rules' concept evidence, as in the gate.
  const evidenceOnly = { inspect: (text: string, language?: Language) => ({ ...rules.inspect(text, language), hit: null, screen: null }), detect: () => null, screening: () => null };
  return {
    rules: createSafetyGate({ rules }),
    classifier: classifier ? createSafetyGate({ rules: evidenceOnly, classifier }) : undefined,
    gate: createSafetyGate({ rules, classifier }),
  };
}

/**
 * The classifier's probability must reach this to raise a flag on its own, for a model without a
 * `gateThreshold` of its own (the shipped one has it: see build-model.ts, which picks the lowest
 * threshold that keeps the classifier's own false alarms on dev look-alikes and routine questions
 * within limits).
 */
export const CLASSIFIER_THRESHOLD = 0.97;

/** The statistical detector shipped with the product (corpus/safety/model.json). */
export function loadDefaultClassifier(): StatisticalDetector | undefined {
  const classifier = loadSafetyClassifier();
  const model = loadSafetyModel();
  return {
    threshold: model.gateThreshold ?? CLASSIFIER_THRESHOLD,
    ...(model.alarmThreshold === undefined ? {} : { alarmThreshold: model.alarmThreshold }),
    score: (normalisedText, evidence) => {
      const s = classifier.score(normalisedText, evidence);
      return { probability: s.probability, category: s.category, categoryProbability: s.categoryProbability };
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
