import type { Passage } from '../knowledge/passages.js';
import type { Language } from '../language/languages.js';
import type { Logger } from '../logger.js';
import { answerConfidence, combineConfidence, lexicalConfidence, vectorConfidence, type ConfidenceFeatures } from './confidence.js';
import { weightedFusion } from './fusion.js';
import { clinicalId, outOfScopeId, type KnowledgeIndex } from './knowledge-index.js';
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
  /** Each signal's own top units (`topic#unit`), for measuring what each contributes. */
  signals: { lexical: string[]; classifier: string[]; vector?: string[] };
  /** The classifier's nearest examples are of things the clinic's bot cannot help with. */
  outOfScope: boolean;
  /** The classifier's nearest examples are questions only a nurse should answer. */
  clinical: boolean;
  /** The nearest examples describe a symptom no unit assesses (a nurse should advise). */
  symptom: boolean;
  /** Far more like those symptoms than like any topic, however faintly like either (see `symptom`). */
  leansToSymptom: boolean;
  /** What `confidence` was computed from (lexical, hybrid adds nothing here). */
  features?: ConfidenceFeatures;
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
  /** Results kept per index, least recently used out (default 2,000; 0 turns the cache off). */
  cacheSize?: number;
}

const CACHE_SIZE = 2000;

// A question is short; a pasted page must not cost a long search.
const MAX_QUERY_CHARS = 600;

/**
 * How the signals combine. Weighted reciprocal rank fusion (k small: the top ranks matter) of
 * the lexical ranking and the unit classifier's, and the embeddings' when configured; chosen on
 * the dev part of corpus/answers (never the held-out part).
 */
export const FUSION = {
  k: 10,
  lexical: 1,
  classifier: 1.2,
  vector: 1,
  /**
   * The classifier's near-ties rank as ties (see weightedFusion): a unit at 0.9 of the best
   * score ranks at most 1.2 places down. Cross-validated on the example questions and checked on
   * dev; the lexical ranking keeps plain ranks (its BM25 scores spread less evenly).
   */
  classifierSpread: 12,
  /**
   * The topic centroids' ranking (each unit ranked as its topic does): see createTopicClassifier.
   * 4-fold cross-validation over the example questions (scripts/cross-validate-answers.ts), topic@1
   * en/es/zh/hi: 0 → 0.797/0.812/0.816/0.799, 1 → 0.826/0.840/0.843/0.827, 2 → 0.828/0.843/0.849/0.835
   * (unit@1 up 1.5-2 points); dev agreed up to 1 and dipped past it.
   */
  topic: 1,
  /** Out of scope: the classifier's nearest examples are the out-of-scope ones, at least this similar. */
  outOfScopeMin: 0.15,
  /** Clinical: the nearest examples are the clinical ones, at least this similar. */
  clinicalMin: 0.3,
  /**
   * Symptom: the symptom examples' centroid is at least this similar, and this many times as
   * similar as the nearest topic's. Chosen on the dev part of corpus/answers/symptoms (symptoms
   * handed over against knowledge-base questions taken from the units, dev of both sets).
   */
  symptomMin: 0.05,
  symptomRatio: 1.5,
};

export function createKnowledgeSearch({ index, vectors, logger, cacheSize = CACHE_SIZE }: KnowledgeSearchOptions): KnowledgeSearch {
  // Patients ask the same few questions all day: the last results per index, least recently used out.
  let cachedFor: KnowledgeIndex | undefined;
  const cache = new Map<string, RetrievalResult>();
  const searchLexical = (fullQuery: string, language: Language): RetrievalResult => {
    const query = fullQuery.slice(0, MAX_QUERY_CHARS);
    const current = index();
    if (cachedFor !== current) {
      cache.clear();
      cachedFor = current;
    }
    const key = `${language}\u0000${query}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const result = rank(current, query, language);
    if (cacheSize > 0) {
      cache.set(key, result);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return result;
  };

  const rank = (current: KnowledgeIndex, query: string, language: Language): RetrievalResult => {
    const found = current.search(query, language);
    // Matched in another language only: the same units in the patient's language.
    const lexical =
      found.matchedLanguage === language
        ? found.hits.map((h) => h.passage)
        : found.hits.flatMap((h) => current.passage(`${language}/${h.passage.metadata.topicId}#${h.passage.metadata.unitId}`) ?? []);
    const classified = current.classify(query, language, 20);
    const outOfScope = classified[0]?.id === outOfScopeId(language) && classified[0].score >= FUSION.outOfScopeMin;
    const clinical = classified[0]?.id === clinicalId(language) && classified[0].score >= FUSION.clinicalMin;
    const likeSymptom = current.classifySymptom(query, language);
    const unitScores = classified.flatMap((c) => {
      const passage = current.passage(c.id);
      return passage ? [{ passage, score: c.score }] : [];
    });
    const byClassifier = unitScores.map((u) => u.passage);
    const fused = weightedFusion([
      { ranking: lexical, weight: FUSION.lexical },
      { ranking: byClassifier, weight: FUSION.classifier, scores: unitScores.map((u) => u.score), spread: FUSION.classifierSpread },
    ], FUSION.k);
    if (FUSION.topic > 0) {
      // Each unit also ranks as its topic does by the topic centroids.
      const topicRank = new Map(current.classifyTopic(query, language, 30).map((t, i) => [t.id, i]));
      for (const entry of fused) {
        const rankOfTopic = topicRank.get(entry.item.metadata.topicId);
        if (rankOfTopic !== undefined) entry.score += FUSION.topic / (FUSION.k + rankOfTopic + 1);
      }
      fused.sort((a, b) => b.score - a.score);
    }
    const passages = fused.map(({ item, score }) => ({ passage: item, score }));
    const topics = aggregateTopics(passages);
    const top = topics[0]?.id;
    const bestUnit = unitScores[0];
    const rival = unitScores.find((u) => u.passage.metadata.topicId !== bestUnit?.passage.metadata.topicId);
    const features: ConfidenceFeatures = {
      lexical: found.topics[0]?.id === top ? lexicalConfidence(found.topics, found.queryTokens) : 0,
      classifier: bestUnit && bestUnit.passage.metadata.topicId === top ? bestUnit.score : 0,
      margin: bestUnit ? bestUnit.score - (rival?.score ?? 0) : 0,
      outOfScope: classified.find((c) => c.id === outOfScopeId(language))?.score ?? 0,
      agree: lexical[0] && bestUnit && lexical[0] === bestUnit.passage ? 1 : 0,
    };
    const confidence = answerConfidence(features);
    // Far more like the symptoms than any topic, and like them at all: a message like nothing
    // ("purple elephants dancing") is not a symptom because no unit answers it either.
    const leansToSymptom = likeSymptom.symptom > 0 && likeSymptom.symptom >= FUSION.symptomRatio * likeSymptom.topic;
    const symptom = !outOfScope && !clinical && leansToSymptom && likeSymptom.symptom >= FUSION.symptomMin;
    return {
      query,
      language,
      matchedLanguage: found.matchedLanguage,
      mode: 'lexical',
      passages,
      topics,
      confidence,
      features,
      signals: { lexical: lexical.slice(0, 3).map(unitKey), classifier: byClassifier.slice(0, 3).map(unitKey) },
      outOfScope,
      clinical,
      symptom,
      leansToSymptom,
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
  // Prefer the in-memory passage (same id and content) so every ranking speaks of one object.
  const vectorPassages = vectorHits.map((h) => {
    const current = index.passage(h.passage.metadata.passageId);
    return current && current.metadata.hash === h.passage.metadata.hash ? current : h.passage;
  });
  const fused = weightedFusion([
    { ranking: lexical.passages.map((p) => p.passage), weight: FUSION.lexical + FUSION.classifier },
    { ranking: vectorPassages, weight: FUSION.vector },
  ], FUSION.k);
  const passages = fused.map(({ item, score }) => ({ passage: item, score }));
  const topics = aggregateTopics(passages);
  const top = topics[0];
  const textAgrees = lexical.topics[0]?.id === top?.id;
  const vectorAgrees = vectorHits[0]?.passage.metadata.topicId === top?.id;
  const confidence = combineConfidence(textAgrees ? lexical.confidence : 0, vectorAgrees ? vectorConfidence(vectorHits[0]!.similarity) : 0);
  return { ...lexical, mode: 'hybrid', passages, topics, confidence, signals: { ...lexical.signals, vector: vectorPassages.slice(0, 3).map(unitKey) } };
}

const unitKey = (p: Passage) => `${p.metadata.topicId}#${p.metadata.unitId}`;
