/**
 * How the shipped model is made, in one function shared by `npm run train:safety` and the test
 * that checks the committed model is up to date:
 * 1. train on the train split (plus the catalogue's lay phrasings, when given);
 * 2. on dev, pick the highest threshold that keeps recall ≥ TARGET_RECALL in every language;
 * 3. train again on train + dev with the same settings and store that threshold in the model.
 * The held-out split takes no part.
 */
import { createSafetyClassifier, trainSafetyClassifier, type SafetyModel, type SafetyRow, type TrainOptions } from './classifier.js';
import { chooseThreshold, evaluateClassifierOnRows, type ClassifierScores } from './evaluate-classifier.js';

export const TARGET_RECALL = 0.99;

export interface BuildInput {
  train: readonly SafetyRow[];
  dev: readonly SafetyRow[];
  /** Extra positive examples (lay phrasings of the red flags). */
  phrasings?: readonly SafetyRow[];
  options?: Partial<TrainOptions>;
}

export interface BuildResult {
  model: SafetyModel;
  /** The train-only model on dev at the chosen threshold: the figures the threshold was chosen on. */
  dev: ClassifierScores[];
}

export function buildSafetyModel(input: BuildInput): BuildResult {
  const trainRows = [...input.train, ...(input.phrasings ?? [])];
  const probe = createSafetyClassifier(trainSafetyClassifier(trainRows, input.options));
  // Rounded so the JSON is short and the same on every machine.
  const threshold = Number(chooseThreshold(probe, input.dev, TARGET_RECALL).toFixed(6));
  const dev = evaluateClassifierOnRows(probe, input.dev, { threshold });
  const model = trainSafetyClassifier([...trainRows, ...input.dev], { ...input.options, threshold });
  return { model, dev };
}

/** The model file's text: one line of JSON and a newline. */
export function serialiseModel(model: SafetyModel): string {
  return `${JSON.stringify(model)}\n`;
}
