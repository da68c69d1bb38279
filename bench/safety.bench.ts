import { LANGUAGES } from '../src/language/languages.js';
import { loadCorpus } from '../src/safety/corpus.js';
import { createDefaultSafetyGate } from '../src/safety/default-gate.js';
import { normalise, tokenise } from '../src/safety/text.js';
import { summarise, type BenchResult } from './stats.js';

/**
 * The safety gate on every message of the labelled corpus (train and dev, all four languages,
 * short and long): one `assess` per message, as every turn runs it, with the rules and the
 * classifier. The target is p99 under 1 ms. The floor, measured in the same run on the same
 * messages, is the gate's own first step (normalise and tokenise), so `ratio_to_floor` says
 * how much the detectors add to reading the text.
 */
const MESSAGES = Number(process.env.BENCH_SAFETY_MESSAGES ?? 20_000);
// Until loading the model's garbage is collected: the measurement is of a gate that has been serving.
const WARMUP_MS = 3_000;
const TIME_LIMIT_MS = 30_000;

export async function run(): Promise<BenchResult> {
  const gate = createDefaultSafetyGate();
  const rows = LANGUAGES.flatMap((language) => [...loadCorpus('train', language), ...loadCorpus('dev', language)].map((r) => ({ text: r.text, language })));
  if (rows.length === 0) throw new Error('no safety corpus under corpus/safety');
  const warmupStarted = performance.now();
  for (let i = 0; performance.now() - warmupStarted < WARMUP_MS; i++) {
    const { text, language } = rows[i % rows.length]!;
    gate.assess(text, language);
  }

  let sink = 0;
  const floor: number[] = [];
  for (let i = 0; i < Math.min(MESSAGES, rows.length * 4); i++) {
    const { text } = rows[i % rows.length]!;
    const t0 = performance.now();
    sink += tokenise(normalise(text)).length;
    floor.push(performance.now() - t0);
  }
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < MESSAGES && performance.now() - started < TIME_LIMIT_MS; i++) {
    const { text, language } = rows[i % rows.length]!;
    const t0 = performance.now();
    if (gate.assess(text, language).verdict) sink++;
    latencies.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const floorSummary = summarise('safety-floor', floor, 1);
  const result = summarise('safety', latencies, elapsed, { messages: rows.length, target_p99_ms: 1, floor_p99_ms: floorSummary.p99_ms, sink });
  return { ...result, ratio_to_floor_p99: Number((result.p99_ms / floorSummary.p99_ms).toFixed(1)), meets_target: result.p99_ms < 1 };
}
