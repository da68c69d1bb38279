import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCareRelay } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { databaseReader } from '../../src/escalation/case-reader.js';
import { runCasesCommand } from '../../src/escalation/cases-command.js';
import { createCasesStore } from '../../src/escalation/cases-store.js';
import { createLogger } from '../../src/logger.js';
import { createStore } from '../../src/store/store.js';
import { dropSchema, testConfig } from '../helpers/app.js';

const silent = createLogger('silent');

function capture() {
  let text = '';
  return { write: (chunk: string) => ((text += chunk), true), get text() { return text; } };
}

async function cli(argv: string[], config: Config, db?: Database) {
  const stdout = capture();
  const stderr = capture();
  // With DATABASE_URL the command opens PostgreSQL itself; an in-memory database can only be handed over.
  const reader = db && !config.database.url ? databaseReader(db, 'test') : undefined;
  const code = await runCasesCommand(argv, config, { stdout, stderr, ...(reader ? { reader } : {}) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A patient with a conversation and a few messages, and an open case for it. */
async function seedCase(db: Database, opts: { channel: string; address: string; priority: 'emergency' | 'urgent' | 'routine'; reason: string; language: string; texts: string[] }) {
  const store = createStore(db);
  const contact = await store.contacts.upsert(opts.channel, opts.address);
  const conversation = await store.conversations.current(contact);
  for (const [i, text] of opts.texts.entries()) {
    if (i % 2 === 0) await store.messages.insertInbound({ conversationId: conversation.id, role: 'patient', channel: opts.channel, externalId: `${opts.address}-${i}`, body: text });
    else await store.messages.insertOutbound({ conversationId: conversation.id, role: 'bot', channel: opts.channel, body: text }, 'sent');
  }
  const { case: c } = await createCasesStore(db).openOrRaise({
    conversationId: conversation.id,
    priority: opts.priority,
    reason: opts.reason,
    language: opts.language,
    channel: opts.channel,
    details: { category: opts.reason === 'emergency' ? 'cardiac' : 'none' },
  });
  return c;
}

// Real PostgreSQL when DATABASE_URL is set (own schema), the embedded database otherwise.
describe('carerelay cases (configured database)', () => {
  let config: Config;
  let db: Database;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    config = testConfig();
    db = await createDatabase({ url: config.database.url, schema: config.database.schema, dataDir: config.dataDir, logger: silent });
    await migrate(db, silent);
    const cases = createCasesStore(db);
    const routine = await seedCase(db, { channel: 'webchat', address: 'visitor-1', priority: 'routine', reason: 'human_request', language: 'en', texts: ['can I talk to a nurse', 'Connecting you.'] });
    const emergency = await seedCase(db, {
      channel: 'sms',
      address: '+15550100',
      priority: 'emergency',
      reason: 'emergency',
      language: 'es',
      texts: ['me duele el pecho', 'Llame al 911.', 'sigo con dolor\u001b[2J\u202eoculto'],
    });
    const claimed = await seedCase(db, { channel: 'telegram', address: '4242', priority: 'urgent', reason: 'clinical', language: 'hi', texts: ['bukhar hai'] });
    const resolved = await seedCase(db, { channel: 'sms', address: '+15550101', priority: 'routine', reason: 'human_request', language: 'en', texts: ['hello'] });
    await cases.markOffered(routine.id, 60_000);
    await cases.claim(claimed.id, 'nurse-id', 'Priya');
    await cases.close(resolved.id, 'resolved', 'mm:nurse-id', 'nurse-id');
    Object.assign(ids, { routine: routine.id, emergency: emergency.id, claimed: claimed.id, resolved: resolved.id });
    Object.assign(ids, { emergencyNumber: String(emergency.number), routineNumber: String(routine.number), resolvedNumber: String(resolved.number) });
  });
  afterAll(async () => {
    await db?.close();
    if (config) await dropSchema(config);
  });

  it('lists open cases, the most urgent first, and says nobody was notified without Mattermost', async () => {
    const r = await cli(['list'], config, db);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('3 cases (queued, offered, claimed): 2 waiting for a nurse, 1 claimed.');
    expect(lines[2]).toMatch(/^#\s+PRIORITY\s+STATE\s+AGE\s+LANG\s+CHANNEL\s+REASON\s+OPENED$/);
    const rows = lines.slice(3).filter((l) => /^\d+\s/.test(l));
    expect(rows.map((l) => l.split(/\s{2,}/)[1])).toEqual(['EMERGENCY', 'ROUTINE', 'URGENT']);
    expect(rows[0]).toMatch(/waiting \(not yet offered\)\s+\d+s\s+es\s+sms\s+emergency/);
    expect(rows[1]).toMatch(/offered/);
    expect(rows[2]).toMatch(/claimed by Priya/);
    expect(r.stdout).toMatch(/No staff desk is configured \(Mattermost is off\): nobody has been notified/);
    // The list never carries patient text.
    expect(r.stdout).not.toMatch(/pecho|nurse\b.*talk/);
  });

  it('prints one JSON array with --json, filtered by --state', async () => {
    const all = JSON.parse((await cli(['list', '--json', '--state', 'all'], config, db)).stdout);
    expect(all).toHaveLength(4);
    expect(Object.keys(all[0])).toEqual([
      'id', 'number', 'state', 'priority', 'reason', 'language', 'channel', 'conversationId', 'claimedBy', 'offerRound',
      'mattermostChannel', 'createdAt', 'offeredAt', 'claimedAt', 'closedAt', 'ageSeconds',
    ]);
    const waiting = JSON.parse((await cli(['list', '--json', '--state', 'waiting'], config, db)).stdout);
    expect(waiting.map((c: { id: string }) => c.id)).toEqual([ids.emergency, ids.routine]);
    expect(waiting[0]).toMatchObject({ state: 'queued', priority: 'emergency', language: 'es', channel: 'sms', claimedBy: null });
    const closed = JSON.parse((await cli(['list', '--json', '--state', 'resolved,abandoned'], config, db)).stdout);
    expect(closed).toEqual([expect.objectContaining({ id: ids.resolved, state: 'resolved', closedAt: expect.any(String) })]);
    expect((await cli(['list', '--state', 'pending'], config, db)).code).toBe(2);
  });

  it('shows one case by number or id: ledger, contact and conversation, with control characters made visible', async () => {
    const r = await cli(['show', `#${ids.emergencyNumber}`], config, db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Case #${ids.emergencyNumber} \\(${ids.emergency}\\)`));
    expect(r.stdout).toMatch(/priority: {3}EMERGENCY · reason: emergency/);
    expect(r.stdout).toMatch(/contact: {4}\+15550100 on sms/);
    const ledger = r.stdout.split('\n').find((l) => /\bopened\s+system\b/.test(l));
    expect(ledger).toEqual(expect.stringContaining('priority=emergency'));
    expect(ledger).toEqual(expect.stringContaining('reason=emergency'));
    expect(r.stdout).toMatch(/Conversation \(last 3 of 3 messages\)/);
    expect(r.stdout).toContain('me duele el pecho');
    // An escape sequence or a bidi override in patient text cannot drive the terminal.
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u202e');
    expect(r.stdout).toContain('sigo con dolor\\u{1b}[2J\\u{202e}oculto');

    const json = JSON.parse((await cli(['show', ids.emergency!, '--json', '--messages', '1'], config, db)).stdout);
    expect(json).toMatchObject({ id: ids.emergency, contact: { channel: 'sms', address: '+15550100' }, details: { category: 'cardiac' } });
    expect(json.transcript.total).toBe(3);
    expect(json.transcript.messages).toHaveLength(1);
    expect(json.events.map((e: { kind: string }) => e.kind)).toEqual(['opened']);

    const missing = await cli(['show', '999999'], config, db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no case 999999/);
    expect((await cli(['show'], config, db)).code).toBe(2);
  });

  it('closes an open case (followed up outside CareRelay) and refuses a closed one', async () => {
    const r = await cli(['close', ids.routineNumber!], config, db);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Case #${ids.routineNumber} resolved; the conversation is back with the assistant.\n`);
    const events = await createCasesStore(db).events(ids.routine!);
    expect(events.at(-1)).toMatchObject({ kind: 'resolved', actor: expect.stringMatching(/^cli:/) });
    const again = await cli(['close', ids.routineNumber!], config, db);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not open/);
  });
});

describe('carerelay cases (embedded database under DATA_DIR)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cr-cases-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const embeddedConfig = () => parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test' });

  it('says there are no cases when CareRelay never ran there', async () => {
    const r = await cli(['list', '--json'], embeddedConfig());
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    expect((await cli(['show', '1'], embeddedConfig())).stderr).toMatch(/No database under DATA_DIR/);
  });

  it('reads through the running server while it holds DATA_DIR, and opens the files itself once it stopped', async () => {
    const config = embeddedConfig();
    const relay = await createCareRelay({ ...config, http: { ...config.http, port: 0 } }, { logger: silent, indexInBackground: false });
    try {
      await relay.listen();
      const c = await seedCase(relay.db, { channel: 'voice', address: '+15550199', priority: 'urgent', reason: 'clinical', language: 'zh', texts: ['我发烧了'] });
      const r = await cli(['list', '--json'], config);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ id: c.id, priority: 'urgent', state: 'queued', language: 'zh' })]);
      const shown = JSON.parse((await cli(['show', String(c.number), '--json'], config)).stdout);
      expect(shown.transcript.messages).toEqual([expect.objectContaining({ role: 'patient', text: '我发烧了' })]);
    } finally {
      await relay.close();
    }
    // Stopped: the CLI takes the lock and opens the database files itself.
    const r = await cli(['list'], config);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 case \(queued, offered, claimed\): 1 waiting for a nurse, 0 claimed\./);
  });
});
