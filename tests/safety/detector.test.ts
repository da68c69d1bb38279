import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/language/languages.js';
import { createEmergencyDetector } from '../../src/safety/detector.js';
import { CATEGORIES } from '../../src/safety/types.js';
import { loadSet, score } from './fixtures.js';

/*
 * The labelled sets: tests/fixtures/safety/<lang>.jsonl is the development set the rules were
 * written against; holdout-<lang>.jsonl was written before any tuning and kept out of it.
 * Figures are printed so a run shows them, then asserted.
 */
const detector = createEmergencyDetector();

describe.each(LANGUAGES)('safety gate on the %s labelled sets', (language) => {
  it('development set: every emergency caught, at most 1 in 20 look-alikes flagged, categories right', () => {
    const s = score(detector, language, loadSet(language, 'dev'));
    console.info(`${language} dev: recall ${s.detected}/${s.emergencies}, false alarms ${s.falseAlarms}/${s.lookalikes}, category ${s.rightCategory}/${s.detected}`);
    expect(s.misses).toEqual([]);
    expect(s.recall).toBe(1);
    expect(s.falseAlarmRate).toBeLessThanOrEqual(1 / 20);
    expect(s.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('holdout set: recall ≥ 0.9, false alarms ≤ 0.1, categories right ≥ 90%', () => {
    const s = score(detector, language, loadSet(language, 'holdout'));
    console.info(
      `${language} holdout: recall ${s.detected}/${s.emergencies}, false alarms ${s.falseAlarms}/${s.lookalikes}, category ${s.rightCategory}/${s.detected}` +
        [...s.misses.map((m) => `\n  missed ${m}`), ...s.alarms.map((a) => `\n  alarm ${a}`), ...s.wrongCategory.map((w) => `\n  category ${w}`)].join(''),
    );
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.falseAlarmRate).toBeLessThanOrEqual(0.1);
    expect(s.categoryAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('holdout set is big and varied enough to mean something', () => {
    const rows = loadSet(language, 'holdout');
    const emergencies = rows.filter((r) => r.emergency);
    expect(emergencies.length).toBeGreaterThanOrEqual(20);
    expect(rows.length - emergencies.length).toBeGreaterThanOrEqual(15);
    expect(new Set(emergencies.map((r) => r.category))).toEqual(new Set(CATEGORIES));
    // Different phrasings from the development set, not copies.
    const dev = new Set(loadSet(language, 'dev').map((r) => r.text.toLowerCase()));
    expect(rows.filter((r) => dev.has(r.text.toLowerCase()))).toEqual([]);
    if (language === 'hi') {
      const romanised = rows.filter((r) => !/\p{Script=Devanagari}/u.test(r.text));
      expect(romanised.length * 2).toBeGreaterThanOrEqual(rows.length);
    }
  });
});
