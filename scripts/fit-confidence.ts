/**
 * Refits the answer-confidence model (src/retrieval/confidence.ts, ANSWER_CONFIDENCE): logistic
 * regression over each retrieval signal's view of the top unit, on questions we may tune on —
 * the dev part of corpus/answers, the older topic questions (tests/fixtures/eval) and the
 * off-topic questions. Never the held-out part. Prints the coefficients to paste, and how many
 * right answers and off-topic questions each threshold keeps.
 *
 *   npm run build && node dist/scripts/fit-confidence.js
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { LANGUAGES, type Language } from '../src/language/languages.js';
import { createLogger } from '../src/logger.js';
import { paths } from '../src/paths.js';
import type { ConfidenceFeatures } from '../src/retrieval/confidence.js';
import { createKnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { createKnowledgeSearch } from '../src/retrieval/knowledge-search.js';

const NAMES = ['lexical', 'classifier', 'margin', 'outOfScope', 'agree'] as const;

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function main(): Promise<void> {
  const index = createKnowledgeIndex(await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } }));
  const search = createKnowledgeSearch({ index: () => index, logger: createLogger('silent') });
  const samples: { x: number[]; y: number }[] = [];
  const add = (q: string, language: Language, topic: string | null) => {
    const result = search.searchLexical(q, language);
    const f = result.features as ConfidenceFeatures;
    samples.push({ x: NAMES.map((n) => f[n]), y: topic !== null && result.topics[0]?.id === topic ? 1 : 0 });
  };
  for (const language of LANGUAGES) {
    for (const item of lines(join(paths.root, 'tests', 'fixtures', 'eval', `${language}.jsonl`))) add(item.q as string, language, item.topic as string);
    for (const item of lines(join(paths.root, 'corpus', 'answers', 'dev', `${language}.jsonl`))) {
      if (item.kind === 'fact') add(item.q as string, language, item.topic as string);
      else if (item.kind === 'oos' || item.kind === 'gibberish') add(item.q as string, language, null);
    }
  }
  for (const item of lines(join(paths.root, 'tests', 'retrieval', 'fixtures', 'off-topic.jsonl'))) add(item.q as string, item.lang as Language, null);

  // Plain batch gradient descent with a little L2: five features, a few thousand samples.
  const w = new Array(NAMES.length + 1).fill(0);
  const rate = 0.5;
  for (let epoch = 0; epoch < 4000; epoch++) {
    const grad = new Array(w.length).fill(0);
    for (const { x, y } of samples) {
      const z = w[0] + x.reduce((s, v, i) => s + v * w[i + 1], 0);
      const err = 1 / (1 + Math.exp(-z)) - y;
      grad[0] += err;
      x.forEach((v, i) => (grad[i + 1] += err * v));
    }
    for (let i = 0; i < w.length; i++) w[i] -= (rate * (grad[i] / samples.length + (i ? 0.001 * w[i] : 0)));
  }
  const model = Object.fromEntries([['intercept', w[0]], ...NAMES.map((n, i) => [n, w[i + 1]])].map(([k, v]) => [k, Number((v as number).toFixed(3))]));
  process.stdout.write(`samples: ${samples.length} (${samples.filter((s) => s.y).length} right answers)\nANSWER_CONFIDENCE = ${JSON.stringify(model)}\n`);
  for (const threshold of [0.3, 0.4, 0.5, 0.6]) {
    const p = (x: number[]) => 1 / (1 + Math.exp(-(w[0] + x.reduce((s, v, i) => s + v * w[i + 1], 0))));
    const right = samples.filter((s) => s.y === 1);
    const wrong = samples.filter((s) => s.y === 0);
    const kept = right.filter((s) => p(s.x) >= threshold).length / right.length;
    const declined = wrong.filter((s) => p(s.x) < threshold).length / wrong.length;
    process.stdout.write(`threshold ${threshold}: answers ${kept.toFixed(3)} of the right ones, declines ${declined.toFixed(3)} of the wrong or off-topic ones\n`);
  }
}

await main();
