import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { LANGUAGES } from '../src/language/languages.js';
import { createLogger } from '../src/logger.js';
import { createKnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { createKnowledgeSearch } from '../src/retrieval/knowledge-search.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../src/paths.js';
import { summarise, type BenchResult } from './stats.js';

/**
 * Retrieval: question → ranked answer units (the embedded default: lexical and the unit
 * classifier fused, no LLM) over the full
 * index of all four languages, cycling through every eval question of every language.
 */
const QUERIES = Number(process.env.BENCH_RETRIEVAL_QUERIES ?? 4000);
const WARMUP = 300;
const TIME_LIMIT_MS = 30_000;

export async function run(): Promise<BenchResult> {
  const snapshot = await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } });
  const index = createKnowledgeIndex(snapshot);
  // Uncached: every question is ranked (the server keeps recent results; this measures the ranking).
  const search = createKnowledgeSearch({ index: () => index, logger: createLogger('silent'), cacheSize: 0 });
  const questions = LANGUAGES.flatMap((language) =>
    readFileSync(join(paths.root, 'tests', 'fixtures', 'eval', `${language}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => ({ q: (JSON.parse(line) as { q: string }).q, language })),
  );

  for (let i = 0; i < WARMUP; i++) {
    const { q, language } = questions[i % questions.length]!;
    search.searchLexical(q, language);
  }
  const latencies: number[] = [];
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < QUERIES && performance.now() - started < TIME_LIMIT_MS; i++) {
    const { q, language } = questions[i % questions.length]!;
    const t0 = performance.now();
    const result = search.searchLexical(q, language);
    latencies.push(performance.now() - t0);
    sink += result.topics.length;
  }
  const elapsed = performance.now() - started;
  return summarise('retrieval', latencies, elapsed, {
    questions: questions.length,
    passages: snapshot.passages.length,
    mode: 'lexical+classifier',
    cached: false,
    topics_returned: Number((sink / latencies.length).toFixed(1)),
  });
}
