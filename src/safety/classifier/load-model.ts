/**
 * The shipped model, corpus/safety/model.json (written by `npm run train:safety`), read once
 * per process, synchronously, and cached with the classifier built from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../paths.js';
import { createSafetyClassifier, type SafetyClassifier, type SafetyModel } from './classifier.js';

export const MODEL_PATH = join(paths.root, 'corpus', 'safety', 'model.json');

let model: SafetyModel | undefined;
let classifier: SafetyClassifier | undefined;

export function loadSafetyModel(): SafetyModel {
  model ??= JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as SafetyModel;
  return model;
}

/** The classifier over the shipped model (built on first use). */
export function loadSafetyClassifier(): SafetyClassifier {
  classifier ??= createSafetyClassifier(loadSafetyModel());
  return classifier;
}
