import type { KnowledgeSnapshot } from '../knowledge/load-knowledge.js';
import type { KnowledgeTopic, Passage } from '../knowledge/passages.js';
import { LANGUAGES, type Language } from '../language/languages.js';
import { createLexicalIndex, type LexicalHit, type LexicalIndex } from './lexical-index.js';
import { aggregateTopics, type TopicHit } from './topics.js';
import { createTopicClassifier, createUnitClassifier, memoisedFeatures, type ExampleFeatures, type TopicScore, type UnitScore } from './unit-classifier.js';

// Romanised Hindi and Chinese messages mix in English words ("report", "portal", "flu shot").
const BORROWS_ENGLISH: ReadonlySet<Language> = new Set(['hi', 'zh']);

/** The classifier's pseudo-unit for what the bot cannot help with (pets, weather...). */
export const outOfScopeId = (language: Language) => `${language}/out-of-scope`;
/** The classifier's pseudo-unit for questions only a nurse should answer (a dose, two medicines...). */
export const clinicalId = (language: Language) => `${language}/clinical`;
/** The symptom classifier's pseudo-topic: symptoms no unit assesses ("my knee hurts when I run"). */
const SYMPTOM_TOPIC = '~symptom';

/** The parts of a language's index, in the order a background build takes them. */
export const INDEX_PARTS = ['lexical', 'units', 'topics', 'symptoms'] as const;
export type IndexPart = (typeof INDEX_PARTS)[number];

/** How like a symptom no unit assesses a message is, beside the topic it is most like. */
export interface SymptomScore {
  /** Cosine with the centroid of the symptom examples, 0..1. */
  symptom: number;
  /** Cosine with the nearest topic's centroid, 0..1. */
  topic: number;
}

export interface LexicalSearch {
  /** The index that matched: the patient's language, or another one when it had nothing. */
  matchedLanguage: Language;
  hits: LexicalHit[];
  topics: TopicHit[];
  /** Distinct query tokens in the matched index (confidence scales by it). */
  queryTokens: number;
}

/** One lexical index per language over a knowledge snapshot, plus lookups by topic. */
export interface KnowledgeIndex {
  readonly snapshot: KnowledgeSnapshot;
  readonly languages: readonly Language[];
  /** The patient's language first; other languages only when it matches nothing. */
  search(query: string, language: Language, limit?: number): LexicalSearch;
  /** Units by the classifier trained on their example questions (the patient's language only). */
  classify(query: string, language: Language, limit?: number): UnitScore[];
  /** Topics by their example questions' centroids (the patient's language only). */
  classifyTopic(query: string, language: Language, limit?: number): TopicScore[];
  /** The symptom examples' centroid beside the topics' (`symptom-statements.yaml`); zeros without examples. */
  classifySymptom(query: string, language: Language): SymptomScore;
  topic(id: string, language: Language): KnowledgeTopic | undefined;
  passagesOf(id: string, language: Language): Passage[];
  /** A unit's passage by its id (`<lang>/<topic>#<unit>`). */
  passage(passageId: string): Passage | undefined;
  /**
   * Builds one language's index and classifiers now, if it is lazy and has not yet; `part` builds
   * one of them (a background build takes them one at a time, serving requests in between).
   */
  warm(language: Language, part?: IndexPart): void;
}

/**
 * `lazy`: each language's index and classifier are built when a question first needs them (a
 * one-question CLI run reads one language, not four); otherwise all are built here, so a server's
 * first patients wait for nothing.
 */
export function createKnowledgeIndex(snapshot: KnowledgeSnapshot, options: { lazy?: boolean } = {}): KnowledgeIndex {
  const topics = new Map(snapshot.topics.map((t) => [`${t.lang}/${t.id}`, t]));
  const passages = new Map<string, Passage[]>();
  for (const p of snapshot.passages) {
    const key = `${p.metadata.lang}/${p.metadata.topicId}`;
    passages.set(key, [...(passages.get(key) ?? []), p]);
  }
  const english = new Map(snapshot.topics.filter((t) => t.lang === 'en').map((t) => [t.id as string, [t.title, ...t.keywords]]));
  const buildIndex = (language: Language): LexicalIndex =>
    createLexicalIndex({
      passages: snapshot.passages.filter((p) => p.metadata.lang === language),
      language,
      borrowed: BORROWS_ENGLISH.has(language) ? english : undefined,
    });
  const byPassageId = new Map(snapshot.passages.map((p) => [p.metadata.passageId, p]));
  // The unit, topic and symptom classifiers of a language read the same examples: each text's
  // features are extracted once, and forgotten when the three are built.
  const memos = new Map<Language, { featuresOf: ExampleFeatures; uses: number }>();
  const withFeatures = <T>(language: Language, build: (featuresOf: ExampleFeatures) => T): T => {
    const memo = memos.get(language) ?? { featuresOf: memoisedFeatures(), uses: 0 };
    memos.set(language, memo);
    const built = build(memo.featuresOf);
    if (++memo.uses === 3) memos.delete(language);
    return built;
  };
  const buildClassifier = (language: Language) =>
    withFeatures(language, (featuresOf) => createUnitClassifier(
      snapshot.passages
        .filter((p) => p.metadata.lang === language)
        .map((p) => ({
          id: p.metadata.passageId,
          examples: [
            p.metadata.section,
            p.metadata.short,
            ...p.metadata.questions,
            // Patients mix in English ("portal", "refill", "appointment"): the English examples help too.
            ...(language !== 'en' ? (byPassageId.get(`en/${p.metadata.topicId}#${p.metadata.unitId}`)?.metadata.questions ?? []) : []),
          ],
        }))
        .concat([
          { id: outOfScopeId(language), examples: snapshot.outOfScope[language] ?? [] },
          { id: clinicalId(language), examples: snapshot.clinical[language] ?? [] },
          // Counter-examples: general questions near the clinical ones; they answer from units.
          { id: `${language}/general`, examples: snapshot.lookalikes[language] ?? [] },
        ]),
      featuresOf,
    ));
  const topicExamples = (language: Language): Map<string, string[]> => {
    const examples = new Map<string, string[]>();
    for (const p of snapshot.passages.filter((x) => x.metadata.lang === language)) {
      const list = examples.get(p.metadata.topicId) ?? [];
      list.push(p.metadata.section, p.metadata.short, ...p.metadata.questions);
      if (language !== 'en') list.push(...(byPassageId.get(`en/${p.metadata.topicId}#${p.metadata.unitId}`)?.metadata.questions ?? []));
      examples.set(p.metadata.topicId, list);
    }
    return examples;
  };
  const buildTopicClassifier = (language: Language) =>
    withFeatures(language, (featuresOf) => createTopicClassifier([...topicExamples(language)].map(([id, list]) => ({ id, examples: list })), featuresOf));
  // Apart from the topic classifier, so the symptom examples change no topic's weights there.
  const buildSymptomClassifier = (language: Language) => {
    const symptoms = snapshot.symptoms[language] ?? [];
    return withFeatures(language, (featuresOf) => {
      if (!symptoms.length) return null;
      const examples = topicExamples(language).set(SYMPTOM_TOPIC, symptoms);
      return createTopicClassifier([...examples].map(([id, list]) => ({ id, examples: list })), featuresOf);
    });
  };
  const indexes = perLanguage(snapshot.languages, buildIndex, options.lazy);
  const classifiers = perLanguage(snapshot.languages, buildClassifier, options.lazy);
  const topicClassifiers = perLanguage(snapshot.languages, buildTopicClassifier, options.lazy);
  const symptomClassifiers = perLanguage(snapshot.languages, buildSymptomClassifier, options.lazy);
  const order = (first: Language): Language[] => [first, ...LANGUAGES.filter((l) => l !== first && indexes.has(l))];

  return {
    snapshot,
    languages: snapshot.languages,
    search(query, language, limit = 30) {
      for (const candidate of order(language)) {
        // Another language is searched only once it is built: a question that matches nothing (a
        // key held down) must not build three more indexes while every other patient waits.
        if (candidate !== language && !indexes.built(candidate)) continue;
        const index = indexes.get(candidate);
        if (!index) continue;
        const hits = index.search(query, limit);
        if (hits.length) return { matchedLanguage: candidate, hits, topics: aggregateTopics(hits), queryTokens: index.queryTokens(query).length };
      }
      return { matchedLanguage: language, hits: [], topics: [], queryTokens: 0 };
    },
    classify: (query, language, limit) => classifiers.get(language)?.classify(query, limit) ?? [],
    classifyTopic: (query, language, limit) => topicClassifiers.get(language)?.classify(query, limit) ?? [],
    classifySymptom(query, language) {
      const ranked = symptomClassifiers.get(language)?.classify(query, 2) ?? [];
      const symptom = ranked.find((t) => t.id === SYMPTOM_TOPIC)?.score ?? 0;
      const topic = ranked.find((t) => t.id !== SYMPTOM_TOPIC)?.score ?? 0;
      return { symptom, topic };
    },
    passage: (passageId) => byPassageId.get(passageId),
    topic: (id, language) => topics.get(`${language}/${id}`),
    passagesOf: (id, language) => passages.get(`${language}/${id}`) ?? [],
    warm(language, part) {
      if (!part || part === 'lexical') indexes.get(language);
      if (!part || part === 'units') classifiers.get(language);
      if (!part || part === 'topics') topicClassifiers.get(language);
      if (!part || part === 'symptoms') symptomClassifiers.get(language);
    },
  };
}

/** One value per language, built now or on first use. */
function perLanguage<T>(
  languages: readonly Language[],
  build: (language: Language) => T,
  lazy = false,
): { has(l: Language): boolean; built(l: Language): boolean; get(l: Language): T | undefined } {
  const built = new Map<Language, T>();
  const known = new Set(languages);
  const get = (language: Language): T | undefined => {
    if (!known.has(language)) return undefined;
    let value = built.get(language);
    if (value === undefined) built.set(language, (value = build(language)));
    return value;
  };
  if (!lazy) for (const language of languages) get(language);
  return { has: (language) => known.has(language), built: (language) => built.has(language), get };
}
