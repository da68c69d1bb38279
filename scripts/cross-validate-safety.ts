/**
 * Chooses the gate's RULE_CHECK_BELOW without held-out data: 4-fold cross-validation over train +
 * dev. Each fold's messages are scored by a classifier trained on the other three folds (and the
 * catalogue's phrasings); for each candidate floor it prints, per language, the gate's recall and
 * false alarms when a rule hit the classifier scores below the floor is asked the `now` question
 * instead of raising an alarm (a question is counted as a miss). Cells: recall / look-alike false
 * alarms / everyday false alarms (corpus/safety/everyday, train and dev splits).
 *
 *   node dist/scripts/cross-validate-safety.js                        (about a minute)
 *   node dist/scripts/cross-validate-safety.js --threshold 0.7        the classifier's own threshold too
 *   node dist/scripts/cross-validate-safety.js --gate 0.3,0.4,0.5     the gate's threshold instead
 *
 * With `--gate`, each row is a candidate gate threshold (the probability from which the classifier
 * raises a flag on its own) at the shipped RULE_CHECK_BELOW and alarm level, so the threshold can be
 * chosen on cross-validation rather than on dev alone (see build-model.ts).
 */
import { createHash } from 'node:crypto';
import { readScriptArgs } from './script-args.js';
import { LANGUAGES } from '../src/language/languages.js';
import { withEvidence } from '../src/safety/classifier/build-model.js';
import { createSafetyClassifier, trainSafetyClassifier, type SafetyRow } from '../src/safety/classifier/classifier.js';
import { loadCorpusSplit, loadTrainingInput } from '../src/safety/classifier/corpus.js';
import { loadDefaultClassifier } from '../src/safety/default-gate.js';
import { createSafetyGate } from '../src/safety/gate.js';

const FOLDS = 4;
const FLOORS = [0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3];
const values = readScriptArgs('cross-validate-safety', `usage: node dist/scripts/cross-validate-safety.js [--threshold 0.7 | --gate 0.3,0.4,0.5]`, { threshold: { type: 'string' }, gate: { type: 'string' } });
const gateThresholds = values.gate?.split(',').map(Number);
if (gateThresholds?.some((t) => !(t > 0 && t <= 1))) {
  process.stderr.write('cross-validate-safety: --gate takes probabilities between 0 and 1, comma-separated\n');
  process.exit(2);
}

const foldOf = (row: SafetyRow) => createHash('sha256').update(row.text).digest()[0]! % FOLDS;

const input = await loadTrainingInput();
// input.train carries the everyday messages' train split; their dev split joins here.
const rows = withEvidence([...input.train, ...input.dev, ...input.everyday]);
const everyday = new Set([...loadCorpusSplit('everyday-train'), ...input.everyday].map((r) => r.text));
const phrasings = withEvidence(input.phrasings);
const shipped = loadDefaultClassifier()!;
const threshold = values.threshold ? Number(values.threshold) : shipped.threshold;
const settings = gateThresholds ?? FLOORS;
process.stderr.write(`classifier threshold ${threshold}\n`);
// counts[floor][language] = [emergencies caught, emergencies, look-alikes alarmed, look-alikes, everyday alarmed, everyday]
type Counts = [number, number, number, number, number, number];
const counts = settings.map(() => new Map(LANGUAGES.map((l) => [l, [0, 0, 0, 0, 0, 0] as Counts])));
for (let fold = 0; fold < FOLDS; fold++) {
  process.stderr.write(`fold ${fold + 1} of ${FOLDS}...\n`);
  const model = createSafetyClassifier(trainSafetyClassifier([...rows.filter((r) => foldOf(r) !== fold), ...phrasings]));
  const score = model.score.bind(model);
  const gates = gateThresholds
    ? gateThresholds.map((t) => createSafetyGate({ classifier: { threshold: t, alarmThreshold: shipped.alarmThreshold, score } }))
    : FLOORS.map((ruleCheckBelow) => createSafetyGate({ classifier: { threshold, score }, ruleCheckBelow }));
  for (const row of rows.filter((r) => foldOf(r) === fold)) {
    const language = row.language as (typeof LANGUAGES)[number];
    gates.forEach((gate, i) => {
      const c = counts[i]!.get(language)!;
      const fired = gate.assess(row.text, language).verdict !== null;
      if (row.emergency) (c[0] += Number(fired)), c[1]++;
      else if (everyday.has(row.text)) (c[4] += Number(fired)), c[5]++;
      else (c[2] += Number(fired)), c[3]++;
    });
  }
}
for (const [i, setting] of settings.entries()) {
  const cells = LANGUAGES.map((l) => {
    const [caught, pos, alarms, neg, daily, days] = counts[i]!.get(l)!;
    return `${l} ${(caught / pos).toFixed(3)} / ${(alarms / neg).toFixed(3)}${days ? ` / ${(daily / days).toFixed(3)}` : ''}`;
  });
  process.stdout.write(`${gateThresholds ? 'gate' : 'floor'} ${String(setting).padEnd(6)} ${cells.join('   ')}\n`);
}
