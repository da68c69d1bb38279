import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { createKnowledgeIndex } from '../../src/retrieval/knowledge-index.js';
import { createKnowledgeSearch } from '../../src/retrieval/knowledge-search.js';

describe('the search keeps recent results', async () => {
  const snapshot = await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } });
  let index = createKnowledgeIndex(snapshot);

  it('answers a repeated question from the cache, and forgets everything when the index changes', () => {
    const search = createKnowledgeSearch({ index: () => index, logger: createLogger('silent'), cacheSize: 2 });
    const first = search.searchLexical('when are you open on saturday', 'en');
    expect(search.searchLexical('when are you open on saturday', 'en')).toBe(first);
    // Same words, another language: another entry.
    expect(search.searchLexical('when are you open on saturday', 'es')).not.toBe(first);
    index = createKnowledgeIndex(snapshot);
    const after = search.searchLexical('when are you open on saturday', 'en');
    expect(after).not.toBe(first);
    expect(after.passages[0]!.passage.metadata.passageId).toBe(first.passages[0]!.passage.metadata.passageId);
  });

  it('keeps at most cacheSize results, least recently used out', () => {
    const search = createKnowledgeSearch({ index: () => index, logger: createLogger('silent'), cacheSize: 2 });
    const a = search.searchLexical('parking', 'en');
    search.searchLexical('refill', 'en');
    search.searchLexical('parking', 'en');
    search.searchLexical('lab results', 'en');
    expect(search.searchLexical('parking', 'en')).toBe(a);
    const uncached = createKnowledgeSearch({ index: () => index, logger: createLogger('silent'), cacheSize: 0 });
    expect(uncached.searchLexical('parking', 'en')).not.toBe(uncached.searchLexical('parking', 'en'));
  });
});

describe('a lazy index (one-question CLI runs)', async () => {
  const snapshot = await loadKnowledge({ extras: { emergency_number: '911', crisis_line: '988' } });
  const eager = createKnowledgeIndex(snapshot);
  const lazy = createKnowledgeIndex(snapshot, { lazy: true });

  it('finds and classifies exactly what the eager one does, in every language and across languages', () => {
    for (const [question, language] of [
      ['when are you open on saturday', 'en'],
      ['¿dónde puedo estacionar?', 'es'],
      ['周六开门吗', 'zh'],
      ['parking kahan hai', 'hi'],
      // Borrowed English words: found in the Hindi index itself (its units keep their English examples).
      ['flu shot appointment', 'hi'],
    ] as const) {
      const [a, b] = [lazy.search(question, language), eager.search(question, language)];
      expect(a.matchedLanguage, question).toBe(b.matchedLanguage);
      expect(a.hits.map((h) => h.passage.metadata.passageId), question).toEqual(b.hits.map((h) => h.passage.metadata.passageId));
      expect(lazy.classify(question, language), question).toEqual(eager.classify(question, language));
    }
  });

  it('falls back only to languages already built: a question that matches nothing builds no other index', () => {
    const fresh = createKnowledgeIndex(snapshot, { lazy: true });
    // Chinese asked in an English conversation: the eager index finds it in Chinese.
    expect(eager.search('周六开门吗', 'en').matchedLanguage).toBe('zh');
    // The lazy one has built only English: nothing, rather than a Chinese build inside the turn.
    expect(fresh.search('周六开门吗', 'en')).toMatchObject({ matchedLanguage: 'en', hits: [] });
    // Once Chinese is built (the server builds every language after start), the fallback finds it.
    fresh.warm('zh', 'lexical');
    expect(fresh.search('周六开门吗', 'en').matchedLanguage).toBe('zh');
  });
});
