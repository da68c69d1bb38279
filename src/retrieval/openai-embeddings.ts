import { Embeddings } from '@langchain/core/embeddings';
import type OpenAI from 'openai';

export interface OpenAIEmbeddingsOptions {
  client: OpenAI;
  model: string;
  timeoutMs: number;
  /** Texts per request when indexing. */
  batchSize?: number;
}

/**
 * LangChain embeddings over any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM,
 * Ollama, llama.cpp) through the official SDK. Queries get no retries: a slow endpoint must
 * not hold up a patient's answer, retrieval falls back to lexical instead.
 */
export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly timeoutMs: number;
  private readonly batchSize: number;

  constructor(options: OpenAIEmbeddingsOptions) {
    super({ maxRetries: 0 });
    this.client = options.client;
    this.model = options.model;
    this.timeoutMs = options.timeoutMs;
    this.batchSize = options.batchSize ?? 64;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      vectors.push(...(await this.embed(texts.slice(i, i + this.batchSize), 2)));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([text], 0);
    return vector!;
  }

  private async embed(input: string[], maxRetries: number): Promise<number[][]> {
    const response = await this.client.embeddings.create({ model: this.model, input }, { timeout: this.timeoutMs, maxRetries });
    // The API may answer out of order; `index` says which input each vector belongs to.
    const vectors = new Array<number[]>(input.length);
    for (const item of response.data) vectors[item.index] = item.embedding;
    for (let i = 0; i < input.length; i++) if (!Array.isArray(vectors[i])) throw new Error(`embedding response has no vector for input ${i}`);
    return vectors;
  }
}
