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
const values = readScriptArgs('cross-validate-safety', `usage: node dist/scripts/cross-validate-safety.js [--threshold 0.7]`, { threshold: { type: 'string' } });

const foldOf = (row: SafetyRow) => createHash('sha256').update(row.text).digest()[0]! % FOLDS;

const input = await loadTrainingInput();
// input.train carries the everyday messages' train split; their dev split joins here.
const rows = withEvidence([...input.train, ...input.dev, ...input.everyday]);
const everyday = new Set([...loadCorpusSplit('everyday-train'), ...input.everyday].map((r) => r.text));
const phrasings = withEvidence(input.phrasings);
const threshold = values.threshold ? Number(values.threshold) : loadDefaultClassifier()!.threshold;
process.stderr.write(`classifier threshold ${threshold}\n`);
// counts[floor][language] = [emergencies caught, emergencies, look-alikes alarmed, look-alikes, everyday alarmed, everyday]
type Counts = [number, number, number, number, number, number];
const counts = FLOORS.map(() => new Map(LANGUAGES.map((l) => [l, [0, 0, 0, 0, 0, 0] as Counts])));
for (let fold = 0; fold < FOLDS; fold++) {
  process.stderr.write(`fold ${fold + 1} of ${FOLDS}...\n`);
  const model = createSafetyClassifier(trainSafetyClassifier([...rows.filter((r) => foldOf(r) !== fold), ...phrasings]));
  const classifier = { threshold, score: model.score.bind(model) };
  const gates = FLOORS.map((ruleCheckBelow) => createSafetyGate({ classifier, ruleCheckBelow }));
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
for (const [i, floor] of FLOORS.entries()) {
  const cells = LANGUAGES.map((l) => {
    const [caught, pos, alarms, neg, daily, days] = counts[i]!.get(l)!;
    return `${l} ${(caught / pos).toFixed(3)} / ${(alarms / neg).toFixed(3)}${days ? ` / ${(daily / days).toFixed(3)}` : ''}`;
  });
  process.stdout.write(`floor ${String(floor).padEnd(6)} ${cells.join('   ')}\n`);
}
