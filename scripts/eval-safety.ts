/**
 * Safety gate quality on the labelled corpus: per language, recall (red flags caught) and false
 * alarms (look-alikes flagged), for each detector alone and for the gate (rules OR classifier),
 * on the held-out parts first (`heldout`, then `heldout2`) and then on dev. The held-out parts are only
 * ever scored here: their misses are never printed, so nobody tunes on them.
 *
 *   npm run eval:safety               table
 *   npm run eval:safety -- --json     one JSON object
 *   npm run eval:safety -- --misses   also list the misses and false alarms of train and dev
 *   npm run eval:safety -- --part dev only the dev part (while tuning: held-out figures are for the note)
 *
 * Dev is scored with a classifier trained without it (see devClassifier); held-out and train with the shipped one.
 * Each part is followed by its everyday messages (corpus/safety/everyday: ordinary health messages,
 * no red flags), where only false alarms count.
 */
import { pathToFileURL } from 'node:url';
import { readScriptArgs } from './script-args.js';
import { LANGUAGES, type Language } from '../src/language/languages.js';
import { CORPUS_PARTS, isHeldout, loadCorpus, type CorpusPart, type LabelledSafetyMessage } from '../src/safety/corpus.js';
import { createSafetyDetectors, loadDefaultClassifier, type SafetyDetectors } from '../src/safety/default-gate.js';
import type { StatisticalDetector } from '../src/safety/gate.js';
import { withEvidence } from '../src/safety/classifier/build-model.js';
import { createSafetyClassifier, trainSafetyClassifier } from '../src/safety/classifier/classifier.js';
import { loadTrainingInput } from '../src/safety/classifier/corpus.js';

export interface DetectorScore {
  recall: number;
  falseAlarms: number;
  caught: number;
  alarms: number;
}

export interface SafetyReport {
  part: CorpusPart;
  language: Language;
  positives: number;
  lookalikes: number;
  rules: DetectorScore;
  classifier: DetectorScore;
  combined: DetectorScore;
  /** Of the red flags the gate caught, how many got the labelled disposition. */
  dispositionRight: number;
  /** Red flags the gate did not raise but met with a screening question (which names the number to call). */
  screened: number;
  /** Look-alikes met with a screening question instead of an answer (no alarm, but a question). */
  asked: number;
  misses: string[];
  alarms: string[];
}

const ratio = (k: number, n: number) => (n ? Number((k / n).toFixed(3)) : 0);

export function scoreRows(detectors: SafetyDetectors, part: CorpusPart, language: Language, rows: LabelledSafetyMessage[]): SafetyReport {
  const counts = { rules: [0, 0], classifier: [0, 0], combined: [0, 0] } as Record<'rules' | 'classifier' | 'combined', [number, number]>;
  let positives = 0;
  let dispositionRight = 0;
  let screened = 0;
  let asked = 0;
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const row of rows) {
    const byRules = detectors.rules.assess(row.text, language);
    const byClassifier = detectors.classifier?.assess(row.text, language).verdict ?? null;
    const assessed = detectors.gate.assess(row.text, language);
    const combined = assessed.verdict;
    const fired = { rules: Boolean(byRules.verdict), classifier: Boolean(byClassifier), combined: Boolean(combined) };
    const slot = row.emergency ? 0 : 1;
    for (const name of ['rules', 'classifier', 'combined'] as const) if (fired[name]) counts[name][slot]++;
    if (row.emergency) {
      positives++;
      if (combined && combined.disposition === row.disposition) dispositionRight++;
      if (!combined) {
        if (assessed.screen) screened++;
        misses.push(`${row.flag}: ${row.text}${assessed.screen ? ` [asked: ${assessed.screen.screen}]` : ''}`);
      }
    } else if (combined) alarms.push(`${combined.matched} (${combined.flag.id}): ${row.text}`);
    else if (assessed.screen) asked++;
  }
  const lookalikes = rows.length - positives;
  const score = ([caught, alarmed]: [number, number]): DetectorScore => ({ recall: ratio(caught, positives), falseAlarms: ratio(alarmed, lookalikes), caught, alarms: alarmed });
  return {
    part,
    language,
    positives,
    lookalikes,
    rules: score(counts.rules),
    classifier: score(counts.classifier),
    combined: score(counts.combined),
    dispositionRight: ratio(dispositionRight, counts.combined[0]),
    screened,
    asked,
    misses,
    alarms,
  };
}

/**
 * The shipped model is trained on train + dev, so on dev it would be scored on its own training
 * data. Dev is scored with the model as it was when the gate's threshold was chosen: trained on
 * train and the catalogue's phrasings only, with the shipped threshold.
 */
async function devClassifier(): Promise<StatisticalDetector> {
  const input = await loadTrainingInput();
  const probe = createSafetyClassifier(trainSafetyClassifier(withEvidence([...input.train, ...input.phrasings])));
  const shipped = loadDefaultClassifier()!;
  return { threshold: shipped.threshold, alarmThreshold: shipped.alarmThreshold, score: (text, evidence) => probe.score(text, evidence) };
}

/** Each main part, then its everyday messages (`heldout` → `everyday-heldout`). */
const withEveryday = (part: CorpusPart): CorpusPart[] => (part === 'heldout' || part === 'dev' || part === 'train' ? [part, `everyday-${part}`] : [part]);

export async function evaluateSafety(parts: CorpusPart[] = ['heldout', 'heldout2', 'dev']): Promise<SafetyReport[]> {
  const shipped = createSafetyDetectors();
  const unseen = parts.includes('dev') ? createSafetyDetectors(await devClassifier()) : shipped;
  return parts.flatMap(withEveryday).flatMap((part) =>
    LANGUAGES.map((language) => scoreRows(part === 'dev' || part === 'everyday-dev' ? unseen : shipped, part, language, loadCorpus(part, language))),
  ).filter((r) => r.positives + r.lookalikes > 0);
}

function table(reports: SafetyReport[]): string {
  const header = ['part', 'lang', 'red flags', 'look-alikes', 'rules recall/FA', 'classifier recall/FA', 'gate recall/FA', 'disposition', 'screened', 'asked'];
  // Everyday parts have no red flags: only their false alarms mean something.
  const rows = reports.map((r) => {
    const cell = (s: DetectorScore) => `${r.positives ? s.recall.toFixed(3) : '  -  '} / ${s.falseAlarms.toFixed(3)}`;
    return [r.part, r.language, String(r.positives), String(r.lookalikes), cell(r.rules), cell(r.classifier), cell(r.combined), r.positives ? r.dispositionRight.toFixed(3) : '-', String(r.screened), String(r.asked)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const values = readScriptArgs(
    'eval:safety',
    `usage: npm run eval:safety [-- options]
  --part <name>  a corpus part to score, repeatable: ${CORPUS_PARTS.join(', ')} (default: heldout, heldout2, dev)
  --json         one JSON object instead of the table
  --misses       also list the misses and false alarms of train and dev (never of a held-out part)`,
    { json: { type: 'boolean', default: false }, misses: { type: 'boolean', default: false }, part: { type: 'string', multiple: true } },
  );
  const parts = (values.part ?? ['heldout', 'heldout2', 'dev']) as CorpusPart[];
  const unknown = parts.filter((p) => !(CORPUS_PARTS as readonly string[]).includes(p));
  if (unknown.length) {
    process.stderr.write(`eval:safety: no corpus part ${unknown.join(', ')} (parts: ${CORPUS_PARTS.join(', ')})\n`);
    process.exit(2);
  }
  if (parts.includes('dev')) process.stderr.write('training the dev model (train split only, about 10 s)...\n');
  const reports = await evaluateSafety(parts);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ reports: reports.map(({ misses, alarms, ...r }) => (values.misses && !isHeldout(r.part) ? { ...r, misses, alarms } : r)) })}\n`);
    return;
  }
  process.stdout.write(`${table(reports)}\n`);
  if (values.misses) {
    // Never the held-out part's: nobody tunes on it.
    for (const r of reports.filter((x) => !isHeldout(x.part))) {
      for (const m of r.misses) process.stdout.write(`${r.language}  MISS   ${m}\n`);
      for (const a of r.alarms) process.stdout.write(`${r.language}  ALARM  ${a}\n`);
    }
  }
}

// Run as a script, not when a test imports scoreRows.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
