/**
 * Trains the safety classifier and writes corpus/safety/model.json: on the train split (plus
 * the catalogue's lay phrasings), threshold chosen on dev, then retrained on train + dev.
 * Deterministic: the same corpus gives the same file. Never reads the held-out split.
 *
 *   npm run train:safety              write the model, print dev figures per language
 *   npm run train:safety -- --check   exit 1 if the committed model differs from a fresh one
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readScriptArgs } from './script-args.js';
import { buildSafetyModel, serialiseModel } from '../src/safety/classifier/build-model.js';
import { loadTrainingInput } from '../src/safety/classifier/corpus.js';
import { MODEL_PATH } from '../src/safety/classifier/load-model.js';

const values = readScriptArgs(
  'train:safety',
  `usage: npm run train:safety [-- --check]
  (no option)  train the safety classifier, write corpus/safety/model.json, print dev figures
  --check      exit 1 if the committed model differs from a freshly trained one`,
  { check: { type: 'boolean', default: false } },
);

const started = performance.now();
const input = await loadTrainingInput();
const { model, dev } = buildSafetyModel(input);
const text = serialiseModel(model);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

console.log(`train ${input.train.length} rows, phrasings ${input.phrasings?.length ?? 0}, dev ${input.dev.length}; ${seconds} s`);
console.log(`threshold ${model.threshold} (dev recall target per language), model ${(text.length / 1024).toFixed(0)} KiB, ${model.emergency.keys.length} + ${model.category.keys.length} features`);
for (const s of dev) {
  console.log(`  dev ${s.language.padEnd(3)} recall ${s.recall.toFixed(3)} (${s.detected}/${s.emergencies})  false alarms ${s.falseAlarmRate.toFixed(3)} (${s.falseAlarms}/${s.routine})  category ${s.categoryAccuracy.toFixed(3)}`);
}

if (values.check) {
  let committed = '';
  try {
    committed = readFileSync(MODEL_PATH, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (committed !== text) {
    console.error('corpus/safety/model.json is out of date: run npm run train:safety');
    process.exit(1);
  }
  console.log('corpus/safety/model.json is up to date');
} else {
  writeFileSync(MODEL_PATH, text);
  console.log(`wrote ${MODEL_PATH}`);
}
