import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createStore, type Conversation, type Store } from '../../src/store/store.js';
import { dropSchema, testConfig } from '../helpers/app.js';

const config = testConfig();
const logger = createLogger('silent');
let db: Database;
let store: Store;

beforeAll(async () => {
  db = await createDatabase({ url: config.database.url, schema: config.database.schema, dataDir: 'memory://', logger });
  await migrate(db, logger);
  store = createStore(db);
});
afterAll(async () => {
  await db?.close();
  await dropSchema(config);
});

describe('database', () => {
  it('uses the real PostgreSQL when services are required', () => {
    if (process.env.REQUIRE_SERVICES === '1') expect(db.kind).toBe('postgres');
  });

  it('applies migrations once, in order, and refuses a schema newer than the build', async () => {
    expect(await migrate(db, logger)).toBe(0);
    const { rows } = await db.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(readMigrations().map((m) => m.version));
    await db.pool.query(`INSERT INTO schema_migrations (version, name) VALUES (999, '999-future')`);
    await expect(migrate(db, logger)).rejects.toThrow(/newer than this build/);
    await db.pool.query(`DELETE FROM schema_migrations WHERE version = 999`);
  });

  it('stores a redelivered inbound message once', async () => {
    const contact = await store.contacts.upsert('sms', '+15550100001');
    const conversation = await store.conversations.current(contact);
    const first = await store.messages.insertInbound({ conversationId: conversation.id, role: 'patient', channel: 'sms', externalId: 'SM1', body: 'hi' });
    const again = await store.messages.insertInbound({ conversationId: conversation.id, role: 'patient', channel: 'sms', externalId: 'SM1', body: 'hi' });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ id: first.id, duplicate: true });
    const other = await store.messages.insertInbound({ conversationId: conversation.id, role: 'patient', channel: 'telegram', externalId: 'SM1', body: 'hi' });
    expect(other.duplicate).toBe(false);
  });

  it('keeps one open conversation per contact and channel identity', async () => {
    const contact = await store.contacts.upsert('webchat', 'visitor-1', { language: 'es' });
    const a = await store.conversations.current(contact);
    const b = await store.conversations.current(await store.contacts.upsert('webchat', 'visitor-1'));
    expect(b.id).toBe(a.id);
    expect(a.language).toBe('es');
    expect(a.address).toBe('visitor-1');
    await store.conversations.setMode(a.id, 'closed');
    const c = await store.conversations.current(contact);
    expect(c.id).not.toBe(a.id);
  });

  it('finds or opens an address and its conversation in one statement, as upsert and current do', async () => {
    const first = await store.conversations.forAddress('sms', '+15550170', { displayName: 'Ana', language: 'es' });
    expect(first.contact).toMatchObject({ channel: 'sms', externalId: '+15550170', displayName: 'Ana', language: 'es', optedOutAt: null });
    expect(first.conversation).toMatchObject({ contactId: first.contact.id, address: '+15550170', language: 'es', mode: 'bot' });
    // Again: the same contact and conversation; a first language never replaces one, a new name does.
    const again = await store.conversations.forAddress('sms', '+15550170', { displayName: 'Ana María', language: 'en' });
    expect(again.conversation!.id).toBe(first.conversation!.id);
    expect(again.contact).toMatchObject({ id: first.contact.id, displayName: 'Ana María', language: 'es' });
    expect(await store.contacts.find('sms', '+15550170')).toMatchObject({ displayName: 'Ana María', language: 'es' });
    // A closed conversation is not resumed; the next one takes the language asked for.
    await store.conversations.setMode(first.conversation!.id, 'closed');
    const next = await store.conversations.forAddress('sms', '+15550170', { conversationLanguage: 'en' });
    expect(next.conversation!.id).not.toBe(first.conversation!.id);
    expect(next.conversation!.language).toBe('en');
    // An address that opted out and has nothing open gets nothing opened.
    await store.conversations.setMode(next.conversation!.id, 'closed');
    await store.contacts.setOptOut(first.contact.id, true);
    const out = await store.conversations.forAddress('sms', '+15550170', { unlessOptedOut: true });
    expect(out.contact.optedOutAt).not.toBeNull();
    expect(out.conversation).toBeUndefined();
  });

  it('accepts and finishes many turns at once as one batch each, as if they had come one by one', async () => {
    const holder = 4242;
    const convs = await Promise.all(['+15550181', '+15550182', '+15550183'].map(async (n) => (await store.conversations.forAddress('sms', n)).conversation!));
    // Sent together (the first goes out alone, the rest wait for it and leave as one batch), the
    // messages of different conversations: each is claimed with its own message.
    const accept = (c: Conversation | undefined, externalId: string, body: string) =>
      store.messages.insertInboundAndClaim({ conversationId: c!.id, role: 'patient', channel: 'sms', externalId, body }, holder);
    const [a0, a1, a2] = await Promise.all(convs.map((c, i) => accept(c, `B${i}`, `first ${i}`)));
    // Then a second message to a held conversation and a redelivery, together.
    const [second, duplicate] = await Promise.all([accept(convs[0], 'B0-second', 'second 0'), accept(convs[1], 'B1', 'first 1 again')]);
    // Each conversation is claimed once, with its own first message; the second message of
    // conversation 0 waits; the redelivered message is reported, not stored.
    for (const [a, c, body] of [[a0, convs[0], 'first 0'], [a1, convs[1], 'first 1'], [a2, convs[2], 'first 2']] as const) {
      expect(a!.duplicate).toBe(false);
      expect(a!.claim?.conversation).toMatchObject({ id: c!.id, address: c!.address, channel: 'sms', mode: 'bot' });
      expect(a!.claim?.conversation.createdAt).toBeInstanceOf(Date);
      expect(a!.claim?.message).toMatchObject({ id: a!.id, body, status: 'pending', direction: 'in' });
      expect(a!.claim?.message?.createdAt).toBeInstanceOf(Date);
    }
    expect(second).toMatchObject({ duplicate: false });
    expect(second!.claim).toBeUndefined();
    expect(duplicate).toEqual({ id: a1!.id, duplicate: true });

    const finish = (a: typeof a0, c: Conversation | undefined, text: string) =>
      store.messages.finishTurn({
        inboundId: a!.id, conversationId: c!.id, address: c!.address, holder, release: true, state: { turns: 1, counters: {}, text },
        replies: [{ role: 'bot', channel: 'sms', body: `answer to ${text}`, language: 'en', meta: {}, status: 'stored' }],
      });
    const finished = await Promise.all([finish(a0, convs[0], 'first 0'), finish(a1, convs[1], 'first 1'), finish(a2, convs[2], 'first 2'), finish(a2, convs[2], 'first 2')]);
    // Conversation 0 stays ours and hands on its next message; the others are given back.
    expect(finished[0]).toMatchObject({ done: true, released: false });
    expect(finished[0]!.next?.message).toMatchObject({ id: second!.id, body: 'second 0' });
    expect(finished[0]!.next?.conversation.createdAt).toBeInstanceOf(Date);
    expect(finished[1]).toMatchObject({ done: true, released: true });
    expect(finished[1]!.next).toBeUndefined();
    expect(finished[1]!.replies).toHaveLength(1);
    expect(finished[1]!.replies[0]!.createdAt).toBeInstanceOf(Date);
    // The same turn finished twice in one batch stores one answer.
    expect(finished.slice(2).map((f) => f.done).sort()).toEqual([false, true]);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM messages WHERE in_reply_to = $1`, [a2!.id]);
    expect(rows[0].n).toBe(1);
    const claim = await store.messages.claimTurn(convs[1]!.id, holder);
    expect(claim).toBeUndefined();
    expect((await store.conversations.get(convs[1]!.id))).toBeDefined();
    const { rows: state } = await db.pool.query(`SELECT state FROM conversations WHERE id = $1`, [convs[1]!.id]);
    expect(state[0].state).toEqual({ turns: 1, counters: {}, text: 'first 1' });
  });

  it('keeps the audit log append-only', async () => {
    await store.audit.append('system', 'test.event', null, { n: 1 });
    await expect(db.pool.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('creates a shared setting once', async () => {
    const first = await store.settings.getOrCreate('k', () => 'one');
    const second = await store.settings.getOrCreate('k', () => 'two');
    expect([first, second]).toEqual(['one', 'one']);
  });
});
