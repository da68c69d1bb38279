import { Document } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import { CONFIDENCE_THRESHOLD } from '../../src/retrieval/confidence.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { markdownToChat } from '../../src/retrieval/chat-text.js';
import { reciprocalRankFusion } from '../../src/retrieval/fusion.js';
import { createKnowledgeService } from '../../src/retrieval/knowledge-service.js';
import { testConfig } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

describe('knowledge retriever', async () => {
  const knowledge = await createKnowledgeService({ config: testConfig(), logger: createLogger('silent') });

  it('is a LangChain retriever returning passages in the patient’s language with scores', async () => {
    const retriever = knowledge.retriever('es', 3);
    expect(retriever).toBeInstanceOf(BaseRetriever);
    const docs = await retriever.invoke('necesito un refill de mi receta');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThanOrEqual(3);
    expect(docs[0]).toBeInstanceOf(Document);
    expect(docs[0]!.metadata).toMatchObject({ topicId: 'prescription-refills', lang: 'es', mode: 'lexical' });
    expect(docs[0]!.metadata.score).toBeGreaterThan(0);
    const scores = docs.map((d) => d.metadata.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('aggregates passages to topics, most relevant first, scoring each as its best passage', () => {
    const result = knowledge.searchLexical('how do i pay my bill', 'en');
    expect(result.topics[0]?.id).toBe('billing-payments');
    for (const topic of result.topics) {
      expect(topic.score).toBe(Math.max(...topic.passages.map((p) => p.score)));
      expect(new Set(topic.passages.map((p) => p.passage.metadata.topicId))).toEqual(new Set([topic.id]));
    }
    const scores = result.topics.map((t) => t.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('falls back to the other languages only when the patient’s matches nothing, answering in the patient’s', () => {
    // Written in Chinese while the conversation is in English.
    const result = knowledge.searchLexical('我想预约看医生', 'en');
    expect(result.matchedLanguage).toBe('zh');
    expect(result.topics[0]?.id).toBe('appointment-booking');
    expect(result.topics[0]?.title).toBe(knowledge.topic('appointment-booking', 'en')!.title);
    expect(result.passages.every((p) => p.passage.metadata.lang === 'en')).toBe(true);
    expect(knowledge.searchLexical('how do i book an appointment', 'en').matchedLanguage).toBe('en');
  });

  it('reads Traditional Chinese as the Simplified knowledge base is written', () => {
    const simplified = knowledge.searchLexical('我想预约看医生，怎么挂号', 'zh');
    const traditional = knowledge.searchLexical('我想預約看醫生，怎麼掛號', 'zh');
    expect(traditional.topics[0]?.id).toBe('appointment-booking');
    expect(traditional.topics.map((t) => t.id)).toEqual(simplified.topics.map((t) => t.id));
    expect(traditional.confidence).toBeCloseTo(simplified.confidence, 6);
  });

  it('is not confident about nothing', () => {
    const result = knowledge.searchLexical('qwxz zzkq', 'en');
    expect(result.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
  });
});

describe('knowledge indexes built in the background (the server)', () => {
  it('says it is indexed only once every language is built, and answers meanwhile', async () => {
    const knowledge = await createKnowledgeService({ config: testConfig(), logger: createLogger('silent'), lazyIndex: 'background' });
    try {
      expect(knowledge.indexed).toBe(false);
      expect((await knowledge.search('when are you open on saturday', 'en')).topics[0]?.id).toBe('clinic-hours-locations');
      await waitFor(() => knowledge.indexed, 'every language indexed', { timeoutMs: 60_000 });
    } finally {
      await knowledge.close();
    }
  });
});

describe('reciprocal rank fusion', () => {
  it('rewards items ranked high in several lists', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['b', 'c', 'd']], (x) => x, 60);
    expect(fused.map((f) => f.item)).toEqual(['b', 'c', 'a', 'd']);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61);
  });
});

describe('markdown for chat', () => {
  it('drops heading and emphasis marks, turns bullets and links into plain text', () => {
    const text = markdownToChat('### Steps\n\n- **Call** us at _home_\n- See [the portal](https://portal.example)\n\n\n\nDone.');
    expect(text).toBe('Steps:\n\n• Call us at home\n• See the portal (https://portal.example)\n\nDone.');
  });
});
