import { Document, type DocumentInterface } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { PassageMetadata } from '../knowledge/passages.js';
import type { Language } from '../language/languages.js';
import type { KnowledgeSearch } from './knowledge-search.js';

export type RetrievedMetadata = PassageMetadata & { score: number; confidence: number; mode: 'lexical' | 'hybrid' };

export interface KnowledgeRetrieverInput extends BaseRetrieverInput {
  search: KnowledgeSearch;
  /** The patient's language: the index searched first and the language of every document. */
  language: Language;
  /** Passages to return. */
  k?: number;
}

/** The knowledge base as a LangChain retriever: passages in the patient's language, best first, with scores. */
export class KnowledgeRetriever extends BaseRetriever<RetrievedMetadata> {
  static override lc_name() {
    return 'KnowledgeRetriever';
  }

  lc_namespace = ['carerelay', 'retrievers'];
  readonly language: Language;
  readonly k: number;
  private readonly knowledge: KnowledgeSearch;

  constructor(fields: KnowledgeRetrieverInput) {
    super(fields);
    this.knowledge = fields.search;
    this.language = fields.language;
    this.k = fields.k ?? 4;
  }

  override async _getRelevantDocuments(query: string): Promise<DocumentInterface<RetrievedMetadata>[]> {
    const result = await this.knowledge.search(query, this.language);
    return result.passages.slice(0, this.k).map(
      ({ passage, score }) =>
        new Document<RetrievedMetadata>({
          id: passage.metadata.passageId,
          pageContent: passage.pageContent,
          metadata: { ...passage.metadata, score, confidence: result.confidence, mode: result.mode },
        }),
    );
  }
}
