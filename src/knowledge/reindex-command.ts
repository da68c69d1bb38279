import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { createDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { createKnowledgeService, type ReindexReport } from '../retrieval/knowledge-service.js';
import { KnowledgeError } from './load-knowledge.js';

const HELP = `Usage: carerelay reindex [--json]

Validates every knowledge file (front matter, placeholders, completeness) and, when
EMBEDDING_MODEL is set, embeds new or changed passages into PostgreSQL (pgvector);
unchanged passages keep their embeddings. Exits 1 listing every problem when a file is
invalid. Each running server builds its search indexes from the files at start, and again
on every file change when NODE_ENV=development or KNOWLEDGE_WATCH=1.
`;

export interface ReindexCommandIo {
  dir?: string;
  stdout?: Pick<NodeJS.WritableStream, 'write'>;
  stderr?: Pick<NodeJS.WritableStream, 'write'>;
}

/** `carerelay reindex`: exit code 0 when the knowledge base is valid and indexed. */
export async function runReindexCommand(argv: string[], config: Config, io: ReindexCommandIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    stdout.write(HELP);
    return 0;
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, stderr as never);
  let db: Database | undefined;
  try {
    if (config.llm?.embeddingModel) {
      db = await createDatabase({ url: config.database.url, schema: config.database.schema, dataDir: config.dataDir, logger });
      await migrate(db, logger);
    }
    // The search indexes live in each server's memory: built here, they would only be thrown away.
    const knowledge = await createKnowledgeService({ config, logger, db, dir: io.dir, embedOnStart: false, lazyIndex: true });
    const report = await knowledge.reindex();
    await knowledge.close();
    stdout.write(values.json ? `${JSON.stringify({ ok: true, ...report })}\n` : describe(report, knowledge.embeddingsEnabled, config));
    return 0;
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    if (values.json) stdout.write(`${JSON.stringify({ ok: false, problems: err.problems })}\n`);
    else stderr.write(`${err.message}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

function describe(report: ReindexReport, embeddingsEnabled: boolean, config: Config): string {
  const lines = [`Knowledge base is valid: ${report.topics} topic files, ${report.passages} passages (${report.languages.join(', ')}).`];
  lines.push(`Checked in ${report.durationMs} ms.`);
  if (report.embeddings) {
    const { embedded, kept, removed } = report.embeddings;
    lines.push(`Embeddings (${config.llm?.embeddingModel}): ${embedded} embedded, ${kept} unchanged, ${removed} removed.`);
  } else if (config.llm?.embeddingModel) {
    lines.push(embeddingsEnabled ? 'Embeddings: the embedding endpoint failed; see the warning above.' : 'Embeddings: pgvector is not available in this database; retrieval stays lexical.');
  } else {
    lines.push('Embeddings: off (set EMBEDDING_MODEL to turn them on).');
  }
  return `${lines.join('\n')}\n`;
}
