import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Passage } from '../knowledge/passages.js';
import type { Language } from '../language/languages.js';
import { tokenize, tokenKind } from './tokenize.js';
import type { ScoredPassage } from './topics.js';

export type LexicalHit = Required<ScoredPassage>;

export interface LexicalIndex {
  readonly language: Language;
  readonly size: number;
  /** Passages best first; empty when no query term is in the index. */
  search(query: string, limit?: number): LexicalHit[];
  /** Distinct tokens of a query, as the index sees them. */
  queryTokens(query: string): string[];
}

interface IndexedPassage {
  id: string;
  title: string;
  keywords: string;
  section: string;
  text: string;
  questions: string;
  borrowed: string;
}

export interface LexicalIndexOptions {
  passages: readonly Passage[];
  language: Language;
  /**
   * Per topic, words from the same topic in another language (the English title and
   * keywords): patients mix in English words ("portal", "flu shot", "report").
   */
  borrowed?: ReadonlyMap<string, readonly string[]>;
  tuning?: LexicalTuning;
}

export interface LexicalTuning {
  boost: { title: number; keywords: number; section: number; text: number; questions: number; borrowed: number };
  tokenWeight: Record<ReturnType<typeof tokenKind>, number>;
  bm25: { k: number; b: number; d: number };
  weights: { fuzzy: number; prefix: number };
}

/** How much each part of a passage and each kind of token counts. */
export const LEXICAL_TUNING: LexicalTuning = {
  boost: { title: 1.5, keywords: 1.5, section: 2, text: 1, questions: 2, borrowed: 0.5 },
  tokenWeight: { word: 1, han: 1, pair: 1.4, hindiKey: 0.6, shortHindiKey: 0.15, hanChar: 0.3, number: 0.5 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  weights: { fuzzy: 0.45, prefix: 0.375 },
};

const LATIN_WORD = /^[a-z][a-z0-9]*$/;

/** One MiniSearch index over one language's passages, with the multi-script tokenizer. */
export function createLexicalIndex({ passages, language, borrowed, tuning = LEXICAL_TUNING }: LexicalIndexOptions): LexicalIndex {
  const byId = new Map(passages.map((p) => [p.metadata.passageId, p]));
  const analyse = (text: string) => tokenize(text, language);
  // Every term the index holds: a query word spelt as one of them is looked up as it is, not
  // also as a typo (fuzzy search is the costliest part of a query).
  const vocabulary = new Set<string>();
  const search = new MiniSearch<IndexedPassage>({
    idField: 'id',
    fields: ['title', 'keywords', 'section', 'text', 'questions', 'borrowed'],
    tokenize: (text) => {
      const terms = analyse(text);
      for (const term of terms) vocabulary.add(term);
      return terms;
    },
    processTerm: (term) => term,
  });
  search.addAll(
    passages.map((p) => ({
      id: p.metadata.passageId,
      title: p.metadata.title,
      // Line breaks keep one keyword's words from pairing with the next keyword's.
      keywords: p.metadata.keywords.join('\n;\n'),
      section: p.metadata.section,
      text: p.pageContent,
      questions: p.metadata.questions.join('\n;\n'),
      borrowed: borrowed?.get(p.metadata.topicId)?.join('\n;\n') ?? '',
    })),
  );
  const queryTokens = (query: string) => [...new Set(analyse(query))];
  const options: SearchOptions = {
    boost: tuning.boost,
    bm25: tuning.bm25,
    weights: tuning.weights,
    combineWith: 'OR',
    tokenize: queryTokens,
    processTerm: (term) => term,
    // Typos and word endings: only for Latin words long enough to bear an edit.
    fuzzy: (term) => (LATIN_WORD.test(term) && term.length >= 5 && !vocabulary.has(term) ? 0.2 : false),
    prefix: (term) => LATIN_WORD.test(term) && term.length >= 4,
    maxFuzzy: 2,
    boostTerm: (term) => tuning.tokenWeight[tokenKind(term)],
  };
  return {
    language,
    size: passages.length,
    queryTokens,
    search(query, limit = 20) {
      const hits: LexicalHit[] = [];
      const total = queryTokens(query).length || 1;
      for (const result of search.search(query, options)) {
        const passage = byId.get(result.id as string);
        if (passage) hits.push({ passage, score: result.score, coverage: result.queryTerms.length / total });
        if (hits.length >= limit) break;
      }
      return hits;
    },
  };
}
