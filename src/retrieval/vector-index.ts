import { createHash } from 'node:crypto';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Database } from '../db/database.js';
import { passageEmbeddingText, type Passage, type PassageMetadata } from '../knowledge/passages.js';
import type { Language } from '../language/languages.js';
import type { Logger } from '../logger.js';

export const EMBEDDINGS_TABLE = 'knowledge_embeddings';

// Same shape as migration 003; repeated here so an extension installed later still gets its table.
const ENSURE_TABLE = `
  CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;
  CREATE TABLE IF NOT EXISTS ${EMBEDDINGS_TABLE} (
    id uuid PRIMARY KEY, content text NOT NULL, metadata jsonb NOT NULL, embedding vector NOT NULL);
  CREATE INDEX IF NOT EXISTS knowledge_embeddings_lang_model_idx ON ${EMBEDDINGS_TABLE} ((metadata->>'lang'), (metadata->>'model'));`;

// Instances starting together take turns embedding (any fixed number, distinct from the migration lock).
const SYNC_LOCK = 7_401_303;

export interface VectorHit {
  passage: Passage;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

export interface SyncReport {
  embedded: number;
  kept: number;
  removed: number;
}

export interface VectorIndex {
  readonly model: string;
  /** Embeds new or changed passages, deletes stale ones; unchanged passages are not re-embedded. */
  sync(passages: readonly Passage[]): Promise<SyncReport>;
  search(query: string, language: Language, limit: number): Promise<VectorHit[]>;
}

type StoredMetadata = PassageMetadata & { model: string };

/** Row id: one per passage content and model, so a change of either is a new row. */
function rowId(model: string, hash: string): string {
  const hex = createHash('sha256').update(`${model}\u0000${hash}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Passage embeddings in PostgreSQL through LangChain's PGVectorStore on our own pool.
 * Resolves undefined (and says why, once) when pgvector is not available: retrieval stays lexical.
 */
export async function createVectorIndex(options: {
  db: Database;
  embeddings: EmbeddingsInterface;
  model: string;
  logger: Logger;
}): Promise<VectorIndex | undefined> {
  const { db, embeddings, model, logger } = options;
  if (!(await ensureTable(db, logger))) return undefined;
  /**
   * Instances sharing a PostgreSQL take turns embedding; PGlite has a single connection,
   * which the lock would hold away from the work (and runs one query at a time anyway).
   */
  async function withSyncLock<T>(work: () => Promise<T>): Promise<T> {
    if (db.singleSession) return work();
    const client = await db.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SYNC_LOCK]);
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SYNC_LOCK]).catch(() => undefined);
      client.release();
    }
  }

  const store = new PGVectorStore(embeddings, {
    pool: db.pool,
    tableName: EMBEDDINGS_TABLE,
    columns: { idColumnName: 'id', contentColumnName: 'content', metadataColumnName: 'metadata', vectorColumnName: 'embedding' },
    distanceStrategy: 'cosine',
    // Migration 003 (or ensureTable) made the table; the store must not make its own.
    skipInitializationCheck: true,
  });

  return {
    model,
    async sync(passages) {
      return withSyncLock(async () => {
        const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM ${EMBEDDINGS_TABLE}`);
        const existing = new Set(rows.map((r) => r.id));
        const wanted = new Map(passages.map((p) => [rowId(model, p.metadata.hash), p]));
        const missing = [...wanted].filter(([id]) => !existing.has(id));
        const stale = [...existing].filter((id) => !wanted.has(id));
        if (missing.length) {
          const vectors = await embeddings.embedDocuments(missing.map(([, p]) => passageEmbeddingText(p)));
          const documents = missing.map(
            ([, p]) => new Document<StoredMetadata>({ pageContent: p.pageContent, metadata: { ...p.metadata, model } }),
          );
          await store.addVectors(vectors, documents, { ids: missing.map(([id]) => id) });
        }
        if (stale.length) await store.delete({ ids: stale });
        return { embedded: missing.length, kept: wanted.size - missing.length, removed: stale.length };
      });
    },
    async search(query, language, limit) {
      const vector = await embeddings.embedQuery(query);
      const results = await store.similaritySearchVectorWithScore(vector, limit, { lang: language, model });
      return results.map(([doc, distance]) => {
        const { model: _model, ...metadata } = doc.metadata as StoredMetadata;
        return {
          passage: new Document<PassageMetadata>({ id: metadata.passageId, pageContent: doc.pageContent, metadata }),
          similarity: 1 - distance,
        };
      });
    },
  };
}

async function ensureTable(db: Database, logger: Logger): Promise<boolean> {
  const present = async () =>
    (await db.pool.query<{ ok: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS ok`, [EMBEDDINGS_TABLE])).rows[0]?.ok === true;
  if (await present()) return true;
  try {
    const { rows } = await db.pool.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
    if (rows.length > 0) await db.pool.query(ENSURE_TABLE);
  } catch (err) {
    logger.debug({ err: (err as Error).message }, 'could not create the embeddings table');
  }
  if (await present()) return true;
  logger.warn('EMBEDDING_MODEL is set but PostgreSQL has no pgvector extension: knowledge retrieval stays lexical');
  return false;
}
