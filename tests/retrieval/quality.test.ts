import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { LANGUAGES, type Language } from '../../src/language/languages.js';
import { createLogger } from '../../src/logger.js';
import { CONFIDENCE_THRESHOLD } from '../../src/retrieval/confidence.js';
import { createKnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
import { createKnowledgeSearch } from '../../src/retrieval/knowledge-search.js';
import { evalQuestions, offTopicQuestions, type EvalQuestion } from './helpers.js';

describe('retrieval quality on the eval set (lexical, the embedded default)', async () => {
  const index = createKnowledgeIndex(await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } }));
  const search = createKnowledgeSearch({ index: () => index, logger: createLogger('silent') });
  const hits = (questions: EvalQuestion[], lang: Language) => {
    let at1 = 0;
    let at3 = 0;
    for (const { q, topic } of questions) {
      const rank = search.searchLexical(q, lang).topics.findIndex((t) => t.id === topic);
      if (rank === 0) at1++;
      if (rank >= 0 && rank < 3) at3++;
    }
    return { at1: at1 / questions.length, at3: at3 / questions.length };
  };

  // The older topic-level question set (tests/fixtures/eval); corpus/answers and `npm run eval`
  // measure units and facts. Hindi measured 0.848 here once units replaced sections.
  it.each(LANGUAGES)('%s: hit@1 ≥ 0.84 and hit@3 ≥ 0.9', (lang) => {
    const { at1, at3 } = hits(evalQuestions(lang), lang);
    expect(at1).toBeGreaterThanOrEqual(0.84);
    expect(at3).toBeGreaterThanOrEqual(0.9);
  });

  it('finds Hindi topics for Hindi typed in Latin letters', () => {
    const romanised = evalQuestions('hi').filter(({ q }) => !/\p{Script=Devanagari}/u.test(q));
    expect(romanised.length).toBeGreaterThan(50);
    const { at1, at3 } = hits(romanised, 'hi');
    expect(at1).toBeGreaterThanOrEqual(0.85);
    expect(at3).toBeGreaterThanOrEqual(0.9);
    const result = search.searchLexical('bukhar 3 din se utar nahi raha', 'hi');
    expect(result.topics[0]?.id).toBe('fever');
    expect(result.passages[0]?.passage.metadata.lang).toBe('hi');
  });

  it('is confident on most eval questions and on few off-topic ones', () => {
    const all = LANGUAGES.flatMap((lang) => evalQuestions(lang).map(({ q }) => search.searchLexical(q, lang).confidence));
    const answered = all.filter((c) => c >= CONFIDENCE_THRESHOLD).length / all.length;
    expect(answered).toBeGreaterThanOrEqual(0.85);
    // Off-topic: either not confident, or recognised as something the bot cannot help with.
    const off = offTopicQuestions().map(({ q, lang }) => search.searchLexical(q, lang));
    const declined = off.filter((r) => r.confidence < CONFIDENCE_THRESHOLD || r.outOfScope).length / off.length;
    // The set also holds vague messages ("so what now", "the other thing"), the hardest to
    // decline (0.69 declined when measured; the rest get an answer with the nurse one tap away).
    expect(declined).toBeGreaterThanOrEqual(0.65);
  });
});
