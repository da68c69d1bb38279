import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createKnowledgeService, type KnowledgeService } from '../../src/retrieval/knowledge-service.js';
import { createVectorIndex, EMBEDDINGS_TABLE } from '../../src/retrieval/vector-index.js';
import { OpenAICompatibleEmbeddings } from '../../src/retrieval/openai-embeddings.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { testConfig } from '../helpers/app.js';
import { copyKnowledge } from '../knowledge/helpers.js';
import OpenAI from 'openai';
import { runReindexCommand } from '../../src/knowledge/reindex-command.js';

/**
 * The embedding path always runs on embedded PostgreSQL (PGlite with pgvector), whatever
 * DATABASE_URL says: the shared test server has no pgvector.
 */
describe('hybrid retrieval with embeddings (PGlite + pgvector, fake OpenAI)', () => {
  const logger = createLogger('silent');
  let fake: FakeOpenAI;
  let db: Database;
  let kb: ReturnType<typeof copyKnowledge>;
  let knowledge: KnowledgeService;
  const config = () =>
    testConfig({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', EMBEDDING_MODEL: 'text-embedding-3-small', LLM_TIMEOUT_MS: '1000' });
  const embeddingCalls = () => fake.requests.filter((r) => r.path === '/v1/embeddings' && r.status === 200);
  /** What `carerelay reindex` would report now: every passage kept and nothing to do means every one is stored once. */
  const allStored = () => ({ embedded: 0, kept: knowledge.snapshot.passages.length, removed: 0 });

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    db = await createDatabase({ dataDir: 'memory://', logger });
    await migrate(db, logger);
    kb = copyKnowledge();
    // Lexical indexes built when a search first needs them (as the server does): the tests re-index
    // three times, and building every language's index and classifier each time is not what they test.
    knowledge = await createKnowledgeService({ config: config(), logger, db, dir: kb.dir, waitForEmbeddings: true, lazyIndex: true });
  });
  afterAll(async () => {
    await knowledge?.close();
    await db?.close();
    await fake?.close();
    kb?.remove();
  });

  it('migration 003 created the pgvector table, and every passage is embedded once', async () => {
    expect(knowledge.embeddingsEnabled).toBe(true);
    const calls = embeddingCalls();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]!.body.model).toBe('text-embedding-3-small');
    expect(calls[0]!.headers.authorization).toBe('Bearer sk-test');
    const embedded = calls.reduce((n, c) => n + (Array.isArray(c.body.input) ? c.body.input.length : 1), 0);
    expect(embedded).toBe(knowledge.snapshot.passages.length);
    expect((await knowledge.reindex()).embeddings).toEqual(allStored());
    expect(embeddingCalls()).toHaveLength(calls.length);
  });

  it('fuses lexical and vector rankings (RRF) into one topic ranking', async () => {
    const before = embeddingCalls().length;
    const result = await knowledge.search('how do i get a refill of my prescription', 'en');
    expect(result.mode).toBe('hybrid');
    expect(embeddingCalls().length).toBe(before + 1);
    expect(result.topics[0]?.id).toBe('prescription-refills');
    expect(result.confidence).toBeGreaterThan(0.4);
    expect(result.passages.every((p) => p.passage.metadata.lang === 'en')).toBe(true);
    const docs = await knowledge.retriever('es', 3).invoke('necesito un refill de mi receta en la farmacia');
    expect(docs.length).toBe(3);
    for (const doc of docs) expect(doc.metadata).toMatchObject({ mode: 'hybrid', lang: 'es' });
    expect(docs.map((d) => d.metadata.topicId)).toContain('prescription-refills');
  });

  it('re-indexing embeds only what changed', async () => {
    const unchanged = await knowledge.reindex();
    expect(unchanged.embeddings).toEqual(allStored());

    kb.edit('en/fever.md', (t) => t.replace(/^(> .*)$/m, '$1\n\nIf in doubt, call.'));
    const changed = await knowledge.reindex();
    expect(changed.embeddings).toEqual({ embedded: 1, kept: knowledge.snapshot.passages.length - 1, removed: 1 });
    expect((await knowledge.reindex()).embeddings).toEqual(allStored());
  });

  it('answers lexically when the embedding endpoint fails or is too slow', async () => {
    fake.failNext(1, 500);
    const failed = await knowledge.search('how do i pay my bill', 'en');
    expect(failed.mode).toBe('lexical');
    expect(failed.topics[0]?.id).toBe('billing-payments');

    fake.delayMs(2500);
    try {
      const slow = await knowledge.search('how do i pay my bill', 'en');
      expect(slow.mode).toBe('lexical');
      expect(slow.topics[0]?.id).toBe('billing-payments');
    } finally {
      fake.delayMs(0);
    }
    expect((await knowledge.search('how do i pay my bill', 'en')).mode).toBe('hybrid');
  });
});

describe('carerelay reindex with embeddings', () => {
  it('embeds every passage into a fresh embedded database and says so', async () => {
    const fake = await startFakeOpenAI();
    try {
      // Always the embedded database here, whatever the test run's DATABASE_URL.
      const config = testConfig({
        OPENAI_BASE_URL: fake.url,
        OPENAI_API_KEY: 'sk-test',
        EMBEDDING_MODEL: 'text-embedding-3-small',
        DATABASE_URL: undefined,
        DATABASE_SCHEMA: undefined,
        REQUIRE_SERVICES: undefined,
      });
      let out = '';
      const code = await runReindexCommand(['--json'], config, { stdout: { write: (c: string | Uint8Array) => ((out += String(c)), true) }, stderr: { write: () => true } });
      expect(code).toBe(0);
      const report = JSON.parse(out);
      expect(report.ok).toBe(true);
      expect(report.embeddings).toEqual({ embedded: report.passages, kept: 0, removed: 0 });
    } finally {
      await fake.close();
    }
  });
});

describe('PostgreSQL without pgvector', () => {
  const logger = createLogger('silent');

  it('keeps migration 003 harmless and retrieval lexical', async () => {
    // PGlite started without the vector extension stands in for a server that lacks it.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const plain = await PGlite.create('memory://');
    const server = new PGLiteSocketServer({ db: plain, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`, max: 4 });
    const db = { pool, kind: 'postgres', transaction: async () => undefined, ping: async () => undefined, close: async () => undefined } as unknown as Database;
    const fake = await startFakeOpenAI();
    try {
      await migrate(db, logger);
      // Kept as SQL: whether a migration made a table is a fact of the schema, which only SQL shows.
      expect((await pool.query(`SELECT to_regclass('${EMBEDDINGS_TABLE}') AS t`)).rows[0].t).toBeNull();
      const warnings: string[] = [];
      const recording = { ...logger, warn: (msg: unknown) => void warnings.push(String(msg)) } as typeof logger;
      const embeddings = new OpenAICompatibleEmbeddings({ client: new OpenAI({ apiKey: 'sk-test', baseURL: fake.url }), model: 'm', timeoutMs: 1000 });
      expect(await createVectorIndex({ db, embeddings, model: 'm', logger: recording })).toBeUndefined();
      expect(warnings).toEqual([expect.stringMatching(/pgvector/)]);

      const config = testConfig({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', EMBEDDING_MODEL: 'm' });
      const knowledge = await createKnowledgeService({ config, logger, db, waitForEmbeddings: true });
      expect(knowledge.embeddingsEnabled).toBe(false);
      expect((await knowledge.search('how do i pay my bill', 'en')).mode).toBe('lexical');
      expect(fake.requests.filter((r) => r.path === '/v1/embeddings')).toEqual([]);
    } finally {
      await pool.end();
      await server.stop();
      await plain.close();
      await fake.close();
    }
  });
});
