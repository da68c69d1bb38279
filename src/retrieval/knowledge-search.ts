import type { Passage } from '../knowledge/passages.js';
import type { Language } from '../language/languages.js';
import type { Logger } from '../logger.js';
import { combineConfidence, lexicalConfidence, vectorConfidence } from './confidence.js';
import { reciprocalRankFusion } from './fusion.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { aggregateTopics, type ScoredPassage, type TopicHit } from './topics.js';
import type { VectorHit, VectorIndex } from './vector-index.js';

export interface RetrievalResult {
  query: string;
  /** The patient's language: every passage and title below is in it. */
  language: Language;
  /** The lexical index that matched (another language only when the patient's matched nothing). */
  matchedLanguage: Language;
  mode: 'lexical' | 'hybrid';
  /** Passages best first. */
  passages: ScoredPassage[];
  /** Topics best first; each scores as its best passage. */
  topics: TopicHit[];
  /** 0..1, see confidence.ts. */
  confidence: number;
}

export interface KnowledgeSearch {
  /** Lexical only, synchronous: the embedded default. */
  searchLexical(query: string, language: Language): RetrievalResult;
  /** Lexical fused with embeddings when they are configured and indexed; lexical otherwise. */
  search(query: string, language: Language): Promise<RetrievalResult>;
}

export interface KnowledgeSearchOptions {
  index: () => KnowledgeIndex;
  /** Present once the passages are embedded. */
  vectors?: () => VectorIndex | undefined;
  logger: Logger;
}

// A question is short; a pasted page must not cost a long search.
const MAX_QUERY_CHARS = 600;

export function createKnowledgeSearch({ index, vectors, logger }: KnowledgeSearchOptions): KnowledgeSearch {
  const searchLexical = (fullQuery: string, language: Language): RetrievalResult => {
    const query = fullQuery.slice(0, MAX_QUERY_CHARS);
    const current = index();
    const found = current.search(query, language);
    let topics = found.topics;
    if (found.matchedLanguage !== language) {
      // Matched in another language only: answer from the same topics in the patient's language.
      topics = found.topics.flatMap((t) => {
        const local = current.passagesOf(t.id, language);
        const title = current.topic(t.id, language)?.title;
        return local.length && title ? [{ id: t.id, title, score: t.score, passages: local.map((passage) => ({ passage, score: t.score })) }] : [];
      });
    }
    return {
      query,
      language,
      matchedLanguage: found.matchedLanguage,
      mode: 'lexical',
      passages: found.matchedLanguage === language ? found.hits : topics.map((t) => t.passages[0]!),
      topics,
      confidence: lexicalConfidence(found.topics, found.queryTokens),
    };
  };

  return {
    searchLexical,
    async search(fullQuery, language) {
      const query = fullQuery.slice(0, MAX_QUERY_CHARS);
      const lexical = searchLexical(query, language);
      const vectorIndex = vectors?.();
      if (!vectorIndex) return lexical;
      let vectorHits: VectorHit[];
      try {
        vectorHits = await vectorIndex.search(query, language, 20);
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'embedding search failed: lexical only for this question');
        return lexical;
      }
      if (vectorHits.length === 0) return lexical;
      return fuse(lexical, vectorHits, index());
    },
  };
}

function fuse(lexical: RetrievalResult, vectorHits: VectorHit[], index: KnowledgeIndex): RetrievalResult {
  // Prefer the in-memory passage (same id and content) so both rankings speak of one object.
  const known = new Map(index.snapshot.passages.map((p) => [p.metadata.passageId, p]));
  const vectorPassages = vectorHits.map((h) => {
    const current = known.get(h.passage.metadata.passageId);
    return current && current.metadata.hash === h.passage.metadata.hash ? current : h.passage;
  });
  const fused = reciprocalRankFusion<Passage>(
    [lexical.passages.map((p) => p.passage), vectorPassages],
    (p) => p.metadata.passageId,
  );
  const passages = fused.map(({ item, score }) => ({ passage: item, score }));
  const topics = aggregateTopics(passages);
  const top = topics[0];
  const lexicalAgrees = lexical.topics[0]?.id === top?.id;
  const vectorAgrees = vectorHits[0]?.passage.metadata.topicId === top?.id;
  const confidence = combineConfidence(
    lexicalAgrees ? lexical.confidence : 0,
    vectorAgrees ? vectorConfidence(vectorHits[0]!.similarity) : 0,
  );
  return { ...lexical, mode: 'hybrid', passages, topics, confidence };
}
