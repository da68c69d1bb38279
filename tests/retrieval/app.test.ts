import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { connectVisitor, startTestApp, type TestApp } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';

/**
 * The whole app with embeddings configured: on embedded PostgreSQL the passages are embedded
 * (pgvector); on a server without pgvector (the shared test PostgreSQL) it stays lexical.
 * Either way a web chat question gets a knowledge answer with its sources.
 */
describe('knowledge answers in the running app', () => {
  let fake: FakeOpenAI;
  let app: TestApp;

  beforeAll(async () => {
    // 256 dimensions keep the fake's hashed embeddings from colliding much (it has no semantics).
    fake = await startFakeOpenAI({ dimensions: 256 });
    app = await startTestApp({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', EMBEDDING_MODEL: 'text-embedding-3-small' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('answers a web chat question from the knowledge base, with the topic as source', async () => {
    const visitor = await connectVisitor(app.url, { language: 'es' });
    try {
      const ack = await visitor.send('¿Cómo pido un refill de mi receta?');
      expect(ack.ok).toBe(true);
      const reply = await visitor.next((m) => m.role === 'bot');
      expect(reply.sources?.[0]).toMatchObject({ id: 'prescription-refills' });
      expect(reply.text).toMatch(/\n\nMás: .+ https:\/\//);
    } finally {
      visitor.close();
    }
  });

  it('embeds the passages when the database has pgvector', async () => {
    const { db } = app.relay;
    // Kept as SQL: the running app shows nowhere whether its vectors were stored (no retrieval mode in replies, /ready or /metrics).
    const table = (await db.pool.query(`SELECT to_regclass('knowledge_embeddings') AS t`)).rows[0].t;
    // The server embeds in the background after start-up.
    const sent = () => fake.requests.some((r) => r.path === '/v1/embeddings');
    if (db.kind === 'embedded') await waitFor(sent, 'the embeddings request', { timeoutMs: 10_000 });
    const embedded = sent();
    // Embedded PGlite has pgvector; the shared PostgreSQL of the test run does not.
    expect(embedded).toBe(db.kind === 'embedded');
    expect(table !== null).toBe(db.kind === 'embedded');
  });
});
