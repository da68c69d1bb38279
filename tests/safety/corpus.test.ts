/**
 * The safety gate on the labelled corpus (corpus/safety). Dev is where the rules were tuned, so
 * it must stay caught; held-out was committed before any of it and is scored, never tuned on:
 * its figures are printed, and asserted only as a floor under today's measurement so a change
 * that makes the gate worse fails. The corpus itself is checked for size and variety.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/language/languages.js';
import { flagById, RED_FLAGS } from '../../src/safety/catalogue/flags.js';
import { loadCorpus } from '../../src/safety/corpus.js';
import { createSafetyDetectors } from '../../src/safety/default-gate.js';
import { scoreRows } from '../../scripts/eval-safety.js';

const detectors = createSafetyDetectors();

describe.each(LANGUAGES)('safety gate on the %s corpus', (language) => {
  // Dev grew with about 900 new messages written without looking at the detectors; their
  // look-alikes are harder than the first ones, which the rules had been tuned on (0.068–0.114).
  it('dev: recall ≥ 0.97, false alarms ≤ 0.12', () => {
    const r = scoreRows(detectors, 'dev', language, loadCorpus('dev', language));
    console.info(`${language} dev: gate ${r.combined.recall}/${r.combined.falseAlarms}, rules ${r.rules.recall}/${r.rules.falseAlarms}, classifier ${r.classifier.recall}/${r.classifier.falseAlarms}`);
    expect(r.combined.recall).toBeGreaterThanOrEqual(0.97);
    expect(r.combined.falseAlarms).toBeLessThanOrEqual(0.12);
  });

  // The floor moves only with a change measured once on held-out: the rule check (RULE_CHECK_BELOW)
  // and the classifier's lower threshold gave recall 0.972–0.986 and alarms 0.082–0.148; the rules
  // widened on dev misses and the model retrained on their evidence, recall 0.979–0.986 and alarms
  // 0.082–0.159 (es rose from 0.148: the classifier's own alarms). Trained on everyday health
  // messages too (corpus/safety/everyday), with the danger-signs question below its alarm level:
  // recall 0.964–0.974 (one to three emergencies fewer per language) and alarms 0.071–0.125, while
  // everyday messages told to call the emergency number fell from 0.087–0.115 to 0.025–0.039.
  // 1,491 more messages (train and dev), a surer check of one-sign rule hits and an alarm level
  // chosen on the whole gate's everyday alarms: recall 0.967–0.972 (es 0.974 -> 0.967, zh and hi
  // +0.006), alarms 0.065–0.119 (es and zh 0.006 fewer), everyday 0.025–0.043. Rules for the
  // everyday ways of wanting to die, and 55 Hindi office requests in training (the gate threshold,
  // chosen on dev, 0.506 -> 0.579): recall 0.961–0.972 (es 0.967 -> 0.961), alarms 0.065–0.082,
  // everyday 0.008–0.024; the second set's recall 0.921–0.942 (zh 0.921, just above its floor).
  // 104 office messages in training that say something "did not come" or is a "first time" (Hindi
  // "report abhi tak nahi aaya" and "main pehli baar aa raha hu" had raised the alarm; threshold,
  // chosen on dev, 0.579 -> 0.531): recall 0.964–0.979 (hi 0.971 -> 0.964), alarms 0.065–0.098,
  // everyday 0.015–0.043; the second set 0.937–0.950 (zh 0.921 -> 0.937), alarms 0.070–0.135.
  // Set 3 (800 messages written blind, 40% of them held-out) joined held-out before any change it
  // measures; the shipped gate on the enlarged held-out then: recall 0.954–0.976 (hi 0.954),
  // alarms 0.049–0.087. The floor is that measurement.
  it('held-out: no worse than measured last (recall ≥ 0.95, false alarms ≤ 0.13)', () => {
    const r = scoreRows(detectors, 'heldout', language, loadCorpus('heldout', language));
    console.info(`${language} held-out: gate ${r.combined.recall}/${r.combined.falseAlarms}, rules ${r.rules.recall}/${r.rules.falseAlarms}, classifier ${r.classifier.recall}/${r.classifier.falseAlarms}`);
    expect(r.combined.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.combined.falseAlarms).toBeLessThanOrEqual(0.13);
  });

  // A second held-out set, committed before the changes it measures, no shipped model trained on it.
  // Measured when committed (recall / false alarms): en 0.950/0.115, es 0.942/0.140, zh 0.929/0.080, hi 0.942/0.065.
  it('second held-out set: no worse than when it was committed (recall ≥ 0.92, false alarms ≤ 0.15)', () => {
    const rows = loadCorpus('heldout2', language);
    expect(rows.filter((r) => r.emergency).length).toBeGreaterThanOrEqual(120);
    expect(rows.filter((r) => !r.emergency).length).toBeGreaterThanOrEqual(200);
    const r = scoreRows(detectors, 'heldout2', language, rows);
    console.info(`${language} held-out 2: gate ${r.combined.recall}/${r.combined.falseAlarms}, rules ${r.rules.recall}/${r.rules.falseAlarms}, classifier ${r.classifier.recall}/${r.classifier.falseAlarms}`);
    expect(r.combined.recall).toBeGreaterThanOrEqual(0.92);
    expect(r.combined.falseAlarms).toBeLessThanOrEqual(0.15);
  });

  it('everyday health messages: at most 5% are told to call the emergency number (held-out measured 0.008–0.043)', () => {
    const r = scoreRows(detectors, 'everyday-heldout', language, loadCorpus('everyday-heldout', language));
    console.info(`${language} everyday held-out: gate ${r.combined.falseAlarms} (${r.combined.alarms}/${r.lookalikes}), asked ${r.asked}`);
    expect(r.positives).toBe(0);
    expect(r.combined.falseAlarms).toBeLessThanOrEqual(0.05);
  });

  it('the everyday set is varied and apart from the main corpus: every kind, ≥ 100 held out, no message twice', () => {
    const everyday = (['everyday-train', 'everyday-dev', 'everyday-heldout'] as const).flatMap((part) => loadCorpus(part, language));
    expect(everyday.every((r) => !r.emergency)).toBe(true);
    expect(loadCorpus('everyday-heldout', language).length).toBeGreaterThanOrEqual(100);
    expect(new Set(everyday.map((r) => r.kind))).toEqual(new Set(['mild', 'child', 'chronic', 'mental-health', 'minor-injury', 'pregnancy', 'medication', 'worry', 'admin']));
    const main = new Set((['train', 'dev', 'heldout'] as const).flatMap((part) => loadCorpus(part, language)).map((r) => r.text));
    const texts = everyday.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => main.has(t))).toEqual([]);
  });

  it('the corpus is big and varied: ≥ 250 red flags and ≥ 250 look-alikes, every flag, labels valid', () => {
    const rows = (['train', 'dev', 'heldout'] as const).flatMap((part) => loadCorpus(part, language));
    const positives = rows.filter((r) => r.emergency);
    expect(positives.length).toBeGreaterThanOrEqual(250);
    expect(rows.length - positives.length).toBeGreaterThanOrEqual(250);
    for (const r of positives) expect(flagById.get(r.flag!)?.disposition, r.text).toBe(r.disposition);
    expect(new Set(positives.map((r) => r.flag))).toEqual(new Set(RED_FLAGS.map((f) => f.id)));
    const kinds = new Set(rows.filter((r) => !r.emergency).map((r) => r.kind));
    for (const kind of ['past', 'question', 'class', 'hypothetical', 'idiom', 'chronic', 'mild']) expect(kinds).toContain(kind);
    // No message in two parts.
    const texts = rows.map((r) => r.text);
    expect(new Set(texts).size).toBe(texts.length);
    if (language === 'hi') expect(rows.filter((r) => !/\p{Script=Devanagari}/u.test(r.text)).length * 3).toBeGreaterThan(rows.length);
  });
});

it('the catalogue has at least 60 red flags, each with public guidance', () => {
  expect(RED_FLAGS.length).toBeGreaterThanOrEqual(60);
  for (const f of RED_FLAGS) expect(f.sources.length).toBeGreaterThan(0);
});
