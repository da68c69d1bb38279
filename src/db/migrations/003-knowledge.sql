-- Knowledge passage embeddings for hybrid retrieval (pgvector). Optional: where the
-- extension is not installed on the server, nothing is created and retrieval stays lexical
-- (the application says so once at start-up). One row per passage and embedding model;
-- `metadata` holds the passage's topic, language, section and content hash.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    -- In public so every schema on the search path (tests, DATABASE_SCHEMA) sees the type.
    CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;
    CREATE TABLE IF NOT EXISTS knowledge_embeddings (
      id        uuid PRIMARY KEY,
      content   text NOT NULL,
      metadata  jsonb NOT NULL,
      embedding vector NOT NULL
    );
    CREATE INDEX IF NOT EXISTS knowledge_embeddings_lang_model_idx
      ON knowledge_embeddings ((metadata->>'lang'), (metadata->>'model'));
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgvector is installed but this role may not create it: knowledge retrieval stays lexical';
END
$$;
