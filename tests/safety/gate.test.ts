import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/safety/catalogue/flags.js';
import { CATEGORY_FLOOR, createSafetyGate, type StatisticalDetector } from '../../src/safety/gate.js';

/*
 * The gate's use of the classifier's category, with a stub of our own StatisticalDetector
 * interface that says how sure its category head is.
 */

const stub = (category: Category, categoryProbability?: number): StatisticalDetector => ({
  threshold: 0.5,
  score: () => ({ probability: 0.95, category, ...(categoryProbability === undefined ? {} : { categoryProbability }) }),
});

// No rule fires on it and the rules ask nothing: only the classifier can raise it.
const CLASSIFIER_ONLY = 'grandpa is not quite himself today and keeps dropping his cup';

describe('safety gate: the classifier category', () => {
  it('a classifier-only flag with an unsure category is the broad emergency flag: call the emergency number, not the crisis line', () => {
    const gate = createSafetyGate({ classifier: stub('suicide', CATEGORY_FLOOR / 2) });
    const { verdict } = gate.assess(CLASSIFIER_ONLY, 'en');
    expect(verdict).toMatchObject({ disposition: 'emergency', category: 'other_emergency', categories: ['other_emergency'], detectors: ['classifier'] });
    expect(verdict!.flag.id).toBe('sudden-confusion');
  });

  it('a sure category is kept, and a model that gives no category probability is taken at its word', () => {
    for (const classifier of [stub('suicide', Math.min(1, CATEGORY_FLOOR + 0.1)), stub('suicide')]) {
      const { verdict } = createSafetyGate({ classifier }).assess(CLASSIFIER_ONLY, 'en');
      expect(verdict).toMatchObject({ disposition: 'crisis', category: 'suicide', detectors: ['classifier'] });
    }
  });

  it('categoryFloor 0 always takes the category', () => {
    const { verdict } = createSafetyGate({ classifier: stub('burns', 0.05), categoryFloor: 0 }).assess(CLASSIFIER_ONLY, 'en');
    expect(verdict).toMatchObject({ category: 'burns' });
  });

  it("an unsure category does not join a rule hit's categories (it would add the crisis line to the reply)", () => {
    const text = 'my dad cant move his left arm and his face is drooping since an hour';
    const unsure = createSafetyGate({ classifier: stub('suicide', CATEGORY_FLOOR / 2) }).assess(text, 'en').verdict;
    expect(unsure).toMatchObject({ category: 'stroke', categories: ['stroke'], detectors: ['rules', 'classifier'] });
    const sure = createSafetyGate({ classifier: stub('suicide', 0.99) }).assess(text, 'en').verdict;
    expect(sure!.categories).toEqual(['stroke', 'suicide']);
  });
});
