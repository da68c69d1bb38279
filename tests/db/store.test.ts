import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createStore, type Store } from '../../src/store/store.js';
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
