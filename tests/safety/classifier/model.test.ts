import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSafetyModel, serialiseModel, type BuildResult } from '../../../src/safety/classifier/build-model.js';
import { loadTrainingInput } from '../../../src/safety/classifier/corpus.js';
import { MODEL_PATH } from '../../../src/safety/classifier/load-model.js';

/* The shipped model: rebuilt from train + dev (never held-out) and compared with the committed file. */
let built: BuildResult;
beforeAll(async () => {
  built = buildSafetyModel(await loadTrainingInput());
}, 120_000);

describe('shipped safety model', () => {
  it('is exactly what npm run train:safety makes from the committed corpus', () => {
    expect(serialiseModel(built.model) === readFileSync(MODEL_PATH, 'utf8')).toBe(true);
  });

  it('trained on train only, reaches recall ≥ 0.97 on dev in every language at the stored threshold', () => {
    for (const s of built.dev) {
      console.info(`dev ${s.language}: recall ${s.detected}/${s.emergencies}, false alarms ${s.falseAlarms}/${s.routine}`);
      expect(s.recall).toBeGreaterThanOrEqual(0.97);
    }
    expect(built.dev.map((s) => s.language)).toEqual(['en', 'es', 'hi', 'zh', 'all']);
  });
});
