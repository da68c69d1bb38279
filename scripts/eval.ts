/**
 * Retrieval quality on the eval questions (tests/fixtures/eval/<lang>.jsonl): per language,
 * hit@1 / hit@3 of the topic ranking, how many questions would be answered (confidence at or
 * above the threshold), language-detection accuracy, and retrieval latency.
 *
 *   npm run eval                  table
 *   npm run eval -- --json        one JSON object
 *   npm run eval -- --misses      also list the questions whose top topic is wrong
 *   npm run eval -- --check       exit 1 below the targets (hit@1 ≥ 0.9, detection ≥ 0.97)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { detectLanguage } from '../src/language/detect.js';
import { LANGUAGES, type Language } from '../src/language/languages.js';
import { createLogger } from '../src/logger.js';
import { paths } from '../src/paths.js';
import { CONFIDENCE_THRESHOLD } from '../src/retrieval/confidence.js';
import { createKnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { createKnowledgeSearch } from '../src/retrieval/knowledge-search.js';

interface Question {
  q: string;
  topic: string;
}

export interface LanguageReport {
  language: Language;
  n: number;
  hit1: number;
  hit3: number;
  mrr: number;
  answered: number;
  detection: number;
  /** Hindi only: detection on the questions typed in Latin letters. */
  detectionRomanised?: number;
  p50_ms: number;
  p99_ms: number;
  misses: { q: string; expected: string; got: string[] }[];
}

const TARGETS = { hit1: 0.9, detection: 0.97 };

export function readQuestions(language: Language): Question[] {
  const file = join(paths.root, 'tests', 'fixtures', 'eval', `${language}.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Question);
}

const ratio = (k: number, n: number) => (n ? Number((k / n).toFixed(3)) : 0);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

export async function evaluate(): Promise<LanguageReport[]> {
  const snapshot = await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } });
  const index = createKnowledgeIndex(snapshot);
  const search = createKnowledgeSearch({ index: () => index, logger: createLogger('silent') });
  const reports: LanguageReport[] = [];
  for (const language of LANGUAGES) {
    const questions = readQuestions(language);
    let hit1 = 0;
    let hit3 = 0;
    let rr = 0;
    let answered = 0;
    let detected = 0;
    let romanised = 0;
    let romanisedDetected = 0;
    const latencies: number[] = [];
    const misses: LanguageReport['misses'] = [];
    // One untimed pass first so the latencies are not the JIT's warm-up.
    for (const { q } of questions) search.searchLexical(q, language);
    for (const { q, topic } of questions) {
      const started = performance.now();
      const result = search.searchLexical(q, language);
      latencies.push(performance.now() - started);
      const ids = result.topics.map((t) => t.id as string);
      const rank = ids.indexOf(topic);
      if (rank === 0) hit1++;
      else misses.push({ q, expected: topic, got: ids.slice(0, 3) });
      if (rank >= 0 && rank < 3) hit3++;
      if (rank >= 0) rr += 1 / (rank + 1);
      if (result.confidence >= CONFIDENCE_THRESHOLD) answered++;
      const guess = detectLanguage(q)?.language;
      if (guess === language) detected++;
      if (language === 'hi' && !/\p{Script=Devanagari}/u.test(q)) {
        romanised++;
        if (guess === 'hi') romanisedDetected++;
      }
    }
    latencies.sort((a, b) => a - b);
    const n = questions.length;
    reports.push({
      language,
      n,
      hit1: ratio(hit1, n),
      hit3: ratio(hit3, n),
      mrr: ratio(rr, n),
      answered: ratio(answered, n),
      detection: ratio(detected, n),
      ...(language === 'hi' ? { detectionRomanised: ratio(romanisedDetected, romanised) } : {}),
      p50_ms: Number(percentile(latencies, 50).toFixed(3)),
      p99_ms: Number(percentile(latencies, 99).toFixed(3)),
      misses,
    });
  }
  return reports;
}

function table(reports: LanguageReport[]): string {
  const header = ['lang', 'n', 'hit@1', 'hit@3', 'MRR', 'answered', 'lang-detect', 'p50 ms', 'p99 ms'];
  const rows = reports.map((r) => [
    r.language,
    String(r.n),
    r.hit1.toFixed(3),
    r.hit3.toFixed(3),
    r.mrr.toFixed(3),
    r.answered.toFixed(3),
    r.detection.toFixed(3) + (r.detectionRomanised !== undefined ? ` (romanised ${r.detectionRomanised.toFixed(3)})` : ''),
    r.p50_ms.toFixed(3),
    r.p99_ms.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, misses: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } },
  });
  const reports = await evaluate();
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ targets: TARGETS, languages: reports.map(({ misses, ...r }) => (values.misses ? { ...r, misses } : r)) })}\n`);
  } else {
    process.stdout.write(`${table(reports)}\n`);
    if (values.misses) {
      for (const r of reports) for (const m of r.misses) process.stdout.write(`${r.language}  ${m.expected}  ←  ${m.q}   (got ${m.got.join(', ') || 'nothing'})\n`);
    }
  }
  const failing = reports.filter((r) => r.hit1 < TARGETS.hit1 || r.detection < TARGETS.detection);
  if (values.check && failing.length) {
    process.stderr.write(`below target: ${failing.map((r) => r.language).join(', ')} (hit@1 ≥ ${TARGETS.hit1}, detection ≥ ${TARGETS.detection})\n`);
    return 1;
  }
  return 0;
}

// Run as a script (npm run eval), not when imported by the benchmark or tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
