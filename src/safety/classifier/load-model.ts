/**
 * The shipped model, corpus/safety/model.json (written by `npm run train:safety`), read once
 * per process, synchronously, and cached with the classifier built from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../paths.js';
import { createSafetyClassifier, type SafetyClassifier, type SafetyModel } from './classifier.js';

export const MODEL_PATH = join(paths.root, 'corpus', 'safety', 'model.json');

/** The model's settings without its weights: the weights live on, packed, in the classifier only. */
export type SafetyModelSettings = Omit<SafetyModel, 'emergency' | 'category'>;

let settings: SafetyModelSettings | undefined;
let classifier: SafetyClassifier | undefined;

function load(): void {
  // The parsed JSON (tens of MB of plain arrays) is dropped once the classifier has packed it:
  // kept, every full garbage collection of the server would walk it.
  const { emergency, category, ...rest } = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as SafetyModel;
  classifier = createSafetyClassifier({ ...rest, emergency, category });
  settings = rest;
}

/** The shipped model's settings (thresholds, feature options). */
export function loadSafetyModel(): SafetyModelSettings {
  if (!settings) load();
  return settings!;
}

/** The classifier over the shipped model (built on first use). */
export function loadSafetyClassifier(): SafetyClassifier {
  if (!classifier) load();
  return classifier!;
}
