import OpenAI from 'openai';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { loadKnowledge, type KnowledgeSnapshot } from '../knowledge/load-knowledge.js';
import type { KnowledgeTopic, Passage } from '../knowledge/passages.js';
import { watchDirectory } from '../knowledge/watch.js';
import type { Language } from '../language/languages.js';
import type { Logger } from '../logger.js';
import { paths } from '../paths.js';
import { createChatFailover } from './chat-failover.js';
import { createGroundedAnswerer, type GroundedAnswerer } from './grounded-answer.js';
import { createKnowledgeIndex, INDEX_PARTS, type KnowledgeIndex } from './knowledge-index.js';
import { KnowledgeRetriever } from './knowledge-retriever.js';
import { createKnowledgeSearch, type KnowledgeSearch } from './knowledge-search.js';
import { OpenAICompatibleEmbeddings } from './openai-embeddings.js';
import { createVectorIndex, type SyncReport, type VectorIndex } from './vector-index.js';

export interface ReindexReport {
  topics: number;
  passages: number;
  languages: Language[];
  /** Present when embeddings are configured and pgvector is available. */
  embeddings?: SyncReport;
  durationMs: number;
}

/** The knowledge base as the engine uses it: search, topics, the optional LLM, and re-indexing. */
export interface KnowledgeService extends KnowledgeSearch {
  readonly index: KnowledgeIndex;
  readonly snapshot: KnowledgeSnapshot;
  /** Chat-completions answers grounded in passages; absent without `config.llm.model`. */
  readonly answerer?: GroundedAnswerer;
  /** `config.llm.embeddingModel` is set and pgvector is there (searches may still be lexical until indexed). */
  readonly embeddingsEnabled: boolean;
  retriever(language: Language, k?: number): KnowledgeRetriever;
  topic(id: string, language: Language): KnowledgeTopic | undefined;
  passagesOf(id: string, language: Language): Passage[];
  /** Reloads and validates the files, rebuilds the lexical index, embeds what changed. */
  reindex(): Promise<ReindexReport>;
  /**
   * Every language's index is built. The server builds them in the background after start, one
   * language at a time (about a second of CPU each, in which it answers nothing): `/ready` waits
   * for it, so a load balancer sends patients to an instance that can answer at once.
   */
  readonly indexed: boolean;
  /** Resolves when no embedding sync is running. */
  idle(): Promise<void>;
  /**
   * For the server: re-index when files change, if NODE_ENV=development or KNOWLEDGE_WATCH=1
   * (or `force`). Returns whether it is watching.
   */
  startWatching(force?: boolean): boolean;
  close(): Promise<void>;
}

export interface KnowledgeServiceOptions {
  config: Config;
  logger: Logger;
  /** Needed for embeddings (pgvector); without it retrieval is lexical. */
  db?: Database;
  dir?: string;
  /** Start-up waits for the embeddings to be synced (the CLI and tests; the server does not wait). */
  waitForEmbeddings?: boolean;
  /** Embed at start-up (default); `carerelay reindex` leaves it to its own reindex() to report. */
  embedOnStart?: boolean;
  /**
   * Index each language when a question first needs it, not all before start-up resolves:
   * `true` for one-question CLI runs; `'background'` for the server, which then builds the rest
   * one language at a time while it already serves (start-up is not held up by four indexes).
   */
  lazyIndex?: boolean | 'background';
}

export async function createKnowledgeService(options: KnowledgeServiceOptions): Promise<KnowledgeService> {
  const { config, logger, db } = options;
  const dir = options.dir ?? paths.knowledge;
  const load = () =>
    loadKnowledge({ dir, extras: { emergency_number: config.emergencyNumber, crisis_line: config.crisisLine }, languages: config.languages });

  const lazy = Boolean(options.lazyIndex);
  let closed = false;
  // Each part of each language's index in its own macrotask: requests are served in between.
  // Without a background build the indexes are built at once (not lazy) or on demand (the CLI).
  let indexed = options.lazyIndex !== 'background';
  const warmInBackground = (target: KnowledgeIndex) => {
    if (options.lazyIndex !== 'background') return;
    const queue = target.languages.flatMap((language) => INDEX_PARTS.map((part) => [language, part] as const));
    const next = () => {
      const step = queue.shift();
      if (!step) indexed = true;
      if (!step || closed || target !== index) return;
      target.warm(...step);
      setTimeout(next, 0).unref();
    };
    setTimeout(next, 0).unref();
  };
  let index = createKnowledgeIndex(await load(), { lazy });
  warmInBackground(index);
  const llm = config.llm;
  const client = llm ? new OpenAI({ apiKey: llm.apiKey, baseURL: llm.baseUrl, timeout: llm.timeoutMs, maxRetries: 1 }) : undefined;
  const answerer =
    client && llm?.model
      ? createGroundedAnswerer({
          model: llm.model,
          chat: createChatFailover(
            [
              { name: llm.baseUrl ?? 'https://api.openai.com/v1', client, model: llm.model },
              ...llm.fallbacks.map((f) => ({
                name: f.baseUrl,
                client: new OpenAI({ apiKey: f.apiKey, baseURL: f.baseUrl, timeout: llm.timeoutMs, maxRetries: 0 }),
                model: f.model,
              })),
            ],
            {
              timeoutMs: llm.timeoutMs,
              onFailure: (endpoint, err) => logger.warn({ endpoint, err: err.name === 'BrokenCircuitError' ? 'circuit open' : err.message }, 'LLM endpoint failed: trying the next'),
            },
          ),
        })
      : undefined;

  let vectors: VectorIndex | undefined;
  let vectorsReady = false;
  if (client && llm?.embeddingModel) {
    if (!db) logger.info('EMBEDDING_MODEL is set but no database was given (carerelay ask): knowledge retrieval stays lexical');
    else {
      const embeddings = new OpenAICompatibleEmbeddings({ client, model: llm.embeddingModel, timeoutMs: llm.timeoutMs });
      vectors = await createVectorIndex({ db, embeddings, model: llm.embeddingModel, logger });
    }
  }

  let syncing: Promise<SyncReport | undefined> = Promise.resolve(undefined);
  const syncVectors = (passages: readonly Passage[]) => {
    if (!vectors) return Promise.resolve(undefined);
    const target = vectors;
    syncing = syncing
      .catch(() => undefined)
      .then(() => target.sync(passages))
      .then((report) => {
        vectorsReady = true;
        logger.info({ model: target.model, ...report }, 'knowledge embeddings synced');
        return report;
      })
      .catch((err: Error) => {
        logger.warn({ err: err.message }, 'embedding the knowledge base failed: retrieval stays lexical until the next reindex');
        return undefined;
      });
    return syncing;
  };
  if (options.embedOnStart !== false) {
    const firstSync = syncVectors(index.snapshot.passages);
    if (options.waitForEmbeddings) await firstSync;
  }

  const search = createKnowledgeSearch({ index: () => index, vectors: () => (vectorsReady ? vectors : undefined), logger });

  const reindex = async (): Promise<ReindexReport> => {
    const started = performance.now();
    const next = createKnowledgeIndex(await load(), { lazy });
    index = next;
    warmInBackground(next);
    const embeddings = await syncVectors(next.snapshot.passages);
    const report: ReindexReport = {
      topics: next.snapshot.topics.length,
      passages: next.snapshot.passages.length,
      languages: [...next.languages],
      ...(embeddings ? { embeddings } : {}),
      durationMs: Math.round(performance.now() - started),
    };
    logger.info({ topics: report.topics, passages: report.passages, durationMs: report.durationMs }, 'knowledge reindexed');
    return report;
  };

  let watching: { close(): void } | undefined;
  const startWatching = (force = false) => {
    if (watching) return true;
    if (!force && !(config.env === 'development' || config.knowledgeWatch)) return false;
    watching = watchDirectory(dir, () => {
      reindex().catch((err: Error & { problems?: string[] }) =>
        logger.warn({ problems: err.problems ?? [err.message] }, 'knowledge files changed but are invalid: keeping the previous index'),
      );
    });
    logger.info({ dir }, 'watching knowledge files for changes');
    return true;
  };

  return {
    get index() {
      return index;
    },
    get snapshot() {
      return index.snapshot;
    },
    answerer,
    embeddingsEnabled: vectors !== undefined,
    searchLexical: search.searchLexical,
    search: search.search,
    retriever: (language, k) => new KnowledgeRetriever({ search, language, k }),
    topic: (id, language) => index.topic(id, language),
    passagesOf: (id, language) => index.passagesOf(id, language),
    reindex,
    get indexed() {
      return indexed;
    },
    startWatching,
    async idle() {
      await syncing;
    },
    async close() {
      closed = true;
      watching?.close();
      await syncing.catch(() => undefined);
    },
  };
}
