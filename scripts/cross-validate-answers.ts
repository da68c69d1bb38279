/**
 * Chooses retrieval settings without the answer evaluation set: k-fold cross-validation over the
 * knowledge base's own example questions. Each fold's examples are taken out of the index (lexical
 * and classifiers) and asked as questions; a hit is the right topic (and unit) first. The dev and
 * held-out parts of corpus/answers take no part, so settings chosen here can be checked on dev.
 *
 *   npm run build && node dist/scripts/cross-validate-answers.js [--folds 4] [--set topic=0,0.5,1]
 *
 * `--set NAME=a,b,c` scores each value of one FUSION setting (src/retrieval/knowledge-search.ts).
 * `--worst N` also lists, per language, the N units whose own examples are found least often (the
 * units whose example questions need more variety), with where they went instead.
 */
import { createHash } from 'node:crypto';
import { readScriptArgs } from './script-args.js';
import { LANGUAGES } from '../src/language/languages.js';
import { loadKnowledge, type KnowledgeSnapshot } from '../src/knowledge/load-knowledge.js';
import { createKnowledgeIndex } from '../src/retrieval/knowledge-index.js';
import { createKnowledgeSearch, FUSION } from '../src/retrieval/knowledge-search.js';
import { createLogger } from '../src/logger.js';

const values = readScriptArgs(
  'cross-validate-answers',
  `usage: node dist/scripts/cross-validate-answers.js [--folds 4] [--set NAME=a,b,c] [--worst N]`,
  { folds: { type: 'string', default: '4' }, set: { type: 'string' }, worst: { type: 'string' } },
);
const folds = Number(values.folds);
const [name, list] = (values.set ?? '').split('=');
const settings = name && list ? list.split(',').map(Number) : [undefined];
const fusion = FUSION as unknown as Record<string, number>;
if (name && !(name in fusion)) throw new Error(`no FUSION setting ${name}`);

const foldOf = (text: string) => createHash('sha256').update(text).digest()[0]! % folds;
const full = await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } });
const logger = createLogger('silent');

// One index per fold, built once: the setting is read at search time.
const built = Array.from({ length: folds }, (_, fold) => {
  const snapshot: KnowledgeSnapshot = {
    ...full,
    passages: full.passages.map((p) => ({ ...p, metadata: { ...p.metadata, questions: p.metadata.questions.filter((q) => foldOf(q) !== fold) } })),
  };
  const index = createKnowledgeIndex(snapshot);
  return { fold, search: createKnowledgeSearch({ index: () => index, logger, cacheSize: 0 }) };
});

for (const setting of settings) {
  if (name && setting !== undefined) fusion[name] = setting;
  const cells: string[] = [];
  for (const language of LANGUAGES) {
    let n = 0;
    let topicHits = 0;
    let unitHits = 0;
    const perUnit = new Map<string, { n: number; hits: number; went: Map<string, number> }>();
    for (const { fold, search } of built) {
      for (const p of full.passages.filter((x) => x.metadata.lang === language)) {
        for (const q of p.metadata.questions.filter((x) => foldOf(x) === fold)) {
          const result = search.searchLexical(q, language);
          const top = result.passages[0]?.passage.metadata;
          n++;
          if (result.topics[0]?.id === p.metadata.topicId) topicHits++;
          const hit = top?.topicId === p.metadata.topicId && top.unitId === p.metadata.unitId;
          if (hit) unitHits++;
          const key = `${p.metadata.topicId}#${p.metadata.unitId}`;
          const unit = perUnit.get(key) ?? { n: 0, hits: 0, went: new Map<string, number>() };
          unit.n++;
          if (hit) unit.hits++;
          else if (top) unit.went.set(`${top.topicId}#${top.unitId}`, (unit.went.get(`${top.topicId}#${top.unitId}`) ?? 0) + 1);
          perUnit.set(key, unit);
        }
      }
    }
    cells.push(`${language} ${(topicHits / n).toFixed(3)}/${(unitHits / n).toFixed(3)} (${n})`);
    if (values.worst) {
      const worst = [...perUnit].sort((a, b) => a[1].hits / a[1].n - b[1].hits / b[1].n).slice(0, Number(values.worst));
      for (const [key, u] of worst) {
        const went = [...u.went].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, c]) => `${k} ×${c}`).join(', ');
        process.stdout.write(`  ${language} ${key}: ${u.hits}/${u.n} found; went to ${went}\n`);
      }
    }
  }
  process.stdout.write(`${name ? `${name}=${setting}` : 'current'}  topic/unit@1  ${cells.join('   ')}\n`);
}
