import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli.js';
import { runReindexCommand } from '../../src/knowledge/reindex-command.js';
import { createLogger } from '../../src/logger.js';
import { createKnowledgeService, type KnowledgeService } from '../../src/retrieval/knowledge-service.js';
import { testConfig } from '../helpers/app.js';
import { waitFor } from '../helpers/wait-for.js';
import { copyKnowledge } from './helpers.js';

const sink = () => {
  let text = '';
  return { write: (chunk: string | Uint8Array) => ((text += String(chunk)), true), get text() { return text; } };
};

describe('carerelay reindex', () => {
  let kb: ReturnType<typeof copyKnowledge> | undefined;
  afterEach(() => kb?.remove());

  it('is registered in the CLI', () => {
    expect(commands.has('reindex')).toBe(true);
  });

  it('validates and indexes the knowledge base, lexical only without EMBEDDING_MODEL', async () => {
    const out = sink();
    const code = await runReindexCommand(['--json'], testConfig(), { stdout: out, stderr: sink() });
    expect(code).toBe(0);
    const report = JSON.parse(out.text);
    expect(report).toMatchObject({ ok: true, topics: 120, languages: ['en', 'es', 'hi', 'zh'] });
    expect(report.passages).toBeGreaterThan(120);
    expect(report.embeddings).toBeUndefined();
  });

  it('exits 1 listing each invalid file and field', async () => {
    kb = copyKnowledge();
    kb.edit('es/fever.md', (t) => t.replace(/^title: .*\n/m, ''));
    const out = sink();
    const err = sink();
    expect(await runReindexCommand([], testConfig(), { dir: kb.dir, stdout: out, stderr: err })).toBe(1);
    expect(err.text).toMatch(/es\/fever\.md: title: /);
  });
});

describe('file watch', () => {
  let kb: ReturnType<typeof copyKnowledge> | undefined;
  let knowledge: KnowledgeService | undefined;
  afterEach(async () => {
    await knowledge?.close();
    kb?.remove();
  });

  it('re-indexes a changed file without a restart, and keeps the old index when a change is invalid', async () => {
    kb = copyKnowledge();
    const lines: { msg: string; problems?: string[] }[] = [];
    const logger = createLogger('warn', { write: (s: string) => void lines.push(JSON.parse(s)) } as never);
    const refusals = () => lines.filter((l) => l.msg.startsWith('knowledge files changed but are invalid'));
    // Each index built when a question needs it (as the CLI does): the test asks in English only, and
    // a full build of four languages at every change costs seconds of CPU it does not need.
    knowledge = await createKnowledgeService({ config: testConfig(), logger, dir: kb.dir, lazyIndex: true });
    expect(knowledge.startWatching()).toBe(false); // NODE_ENV=test and KNOWLEDGE_WATCH unset
    expect(knowledge.startWatching(true)).toBe(true);
    const service = knowledge;
    // What lexical search (which reads keywords) ranks first.
    const found = () => service.searchLexical('zumbleberry', 'en').signals.lexical[0]?.split('#')[0];
    expect(found()).toBeUndefined();

    kb.edit('en/allergies.md', (t) => t.replace(/^keywords: \[/m, 'keywords: [zumbleberry, '));
    await waitFor(() => found() === 'allergies', 'the new keyword to be indexed');

    const refusedBefore = refusals().length;
    kb.edit('en/allergies.md', (t) => t.replace(/^title: .*\n/m, ''));
    const before = service.snapshot;
    // The watcher read the change and said why it keeps the old index.
    const refusal = await waitFor(() => refusals()[refusedBefore], 'the invalid change to be refused');
    expect(refusal.problems?.join('\n')).toMatch(/allergies\.md: title/);
    expect(service.snapshot).toBe(before);
    expect(found()).toBe('allergies');
  });

  it('is on in development and with KNOWLEDGE_WATCH=1', async () => {
    knowledge = await createKnowledgeService({ config: testConfig({ KNOWLEDGE_WATCH: '1' }), logger: createLogger('silent') });
    expect(knowledge.startWatching()).toBe(true);
  });
});
