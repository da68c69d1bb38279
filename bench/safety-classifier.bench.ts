import { loadCorpusSplit } from '../src/safety/classifier/corpus.js';
import { loadSafetyClassifier } from '../src/safety/classifier/load-model.js';
import { normalise } from '../src/safety/text.js';
import { summarise, type BenchResult } from './stats.js';

/**
 * The statistical safety classifier on its own: normalised message → emergency probability
 * (and category when flagged), cycling through the dev split of every language. The whole
 * gate must stay under 1 ms p99, so this should be a small fraction of that.
 */
const MESSAGES = Number(process.env.BENCH_SAFETY_CLASSIFIER_MESSAGES ?? 20_000);
const WARMUP = 2000;

export async function run(): Promise<BenchResult> {
  const loadStarted = performance.now();
  const classifier = loadSafetyClassifier();
  const loadMs = performance.now() - loadStarted;
  const texts = loadCorpusSplit('dev').map((r) => normalise(r.text));
  if (texts.length === 0) throw new Error('no dev split under corpus/safety/dev');
  for (let i = 0; i < WARMUP; i++) classifier.score(texts[i % texts.length]!);
  const latencies: number[] = [];
  let flagged = 0;
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const t0 = performance.now();
    const s = classifier.score(texts[i % texts.length]!);
    latencies.push(performance.now() - t0);
    if (s.emergency) flagged++;
  }
  const elapsed = performance.now() - started;
  return summarise('safety-classifier', latencies, elapsed, {
    messages: texts.length,
    load_ms: Number(loadMs.toFixed(1)),
    flagged_share: Number((flagged / latencies.length).toFixed(3)),
  });
}
