import type { Language } from '../language/languages.js';
import type { MessageKind, Role } from '../message.js';
import type { Database, Queryable } from '../db/database.js';

export interface Contact {
  id: number;
  channel: string;
  externalId: string;
  displayName: string | null;
  language: Language | null;
  optedOutAt: Date | null;
}

export type ConversationMode = 'bot' | 'handoff' | 'closed';

export interface Conversation {
  id: string;
  contactId: number;
  channel: string;
  /** The contact's address on the channel (phone number, chat id, visitor id). */
  address: string;
  language: Language | null;
  mode: ConversationMode;
  createdAt: Date;
}

export interface StoredMessage {
  id: number;
  conversationId: string;
  direction: 'in' | 'out';
  role: Role;
  channel: string;
  externalId: string | null;
  kind: MessageKind;
  body: string;
  language: Language | null;
  meta: Record<string, unknown>;
  status: string;
  createdAt: Date;
}

const contactCols = `id, channel, external_id AS "externalId", display_name AS "displayName", language, opted_out_at AS "optedOutAt"`;
const conversationCols = `c.id, c.contact_id AS "contactId", c.channel, k.external_id AS address, c.language, c.mode, c.created_at AS "createdAt"`;
const messageCols = `id, conversation_id AS "conversationId", direction, role, channel, external_id AS "externalId", kind, body,
  language, meta, status, created_at AS "createdAt"`;

export interface NewMessage {
  conversationId: string;
  role: Role;
  channel: string;
  externalId?: string | null;
  kind?: MessageKind;
  body: string;
  language?: Language | null;
  meta?: Record<string, unknown>;
}

/**
 * The product's tables behind small typed functions; SQL stays here. Statements on the
 * per-turn path are named, so each connection parses and plans them once.
 */
export function createStore(db: Database) {
  const q: Queryable = db.pool;
  // PGlite is one session behind every socket connection: a statement prepared by a replaced
  // connection would still exist there, so it gets unnamed statements.
  const named = !db.singleSession;
  const stmt = (name: string, text: string, values: unknown[]) => (named ? { name, text, values } : { text, values });

  const contacts = {
    async upsert(channel: string, externalId: string, fields: { displayName?: string; language?: Language } = {}): Promise<Contact> {
      // Known contacts are read, not rewritten: an upsert that always updates would write a
      // row version per message. Only a new name, or a first language, is written.
      const found = await q.query<Contact>(
        stmt('contact-find', `SELECT ${contactCols} FROM contacts WHERE channel = $1 AND external_id = $2`, [channel, externalId]),
      );
      const known = found.rows[0];
      const stale = known && ((fields.displayName && fields.displayName !== known.displayName) || (fields.language && !known.language));
      if (known && !stale) return known;
      const { rows } = await q.query<Contact>(
        `INSERT INTO contacts (channel, external_id, display_name, language) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel, external_id) DO UPDATE SET
           display_name = COALESCE(EXCLUDED.display_name, contacts.display_name),
           language = COALESCE(contacts.language, EXCLUDED.language)
         RETURNING ${contactCols}`,
        [channel, externalId, fields.displayName ?? null, fields.language ?? null],
      );
      return rows[0]!;
    },
    async find(channel: string, externalId: string): Promise<Contact | undefined> {
      const { rows } = await q.query<Contact>(`SELECT ${contactCols} FROM contacts WHERE channel = $1 AND external_id = $2`, [channel, externalId]);
      return rows[0];
    },
    async setOptOut(id: number, optedOut: boolean): Promise<void> {
      await q.query(`UPDATE contacts SET opted_out_at = ${optedOut ? 'now()' : 'NULL'}, updated_at = now() WHERE id = $1`, [id]);
    },
  };

  const conversations = {
    async get(id: string): Promise<Conversation | undefined> {
      const { rows } = await q.query<Conversation>(
        stmt('conversation-get', `SELECT ${conversationCols} FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = $1`, [id]),
      );
      return rows[0];
    },
    /** The contact's current conversation on this channel, opened if there is none. */
    async current(contact: Contact, language?: Language | null): Promise<Conversation> {
      const found = await q.query<Conversation>(
        stmt(
          'conversation-current',
          `SELECT ${conversationCols} FROM conversations c JOIN contacts k ON k.id = c.contact_id
           WHERE c.contact_id = $1 AND c.mode <> 'closed' ORDER BY c.updated_at DESC LIMIT 1`,
          [contact.id],
        ),
      );
      if (found.rows[0]) return found.rows[0];
      const { rows } = await q.query<{ id: string; createdAt: Date }>(
        `INSERT INTO conversations (contact_id, channel, language) VALUES ($1, $2, $3) RETURNING id, created_at AS "createdAt"`,
        [contact.id, contact.channel, language ?? contact.language ?? null],
      );
      return {
        id: rows[0]!.id,
        contactId: contact.id,
        channel: contact.channel,
        address: contact.externalId,
        language: language ?? contact.language ?? null,
        mode: 'bot',
        createdAt: rows[0]!.createdAt,
      };
    },
    async setLanguage(id: string, language: Language): Promise<void> {
      await q.query(`UPDATE conversations SET language = $2, updated_at = now() WHERE id = $1`, [id, language]);
      await q.query(`UPDATE contacts SET language = $2, updated_at = now() WHERE id = (SELECT contact_id FROM conversations WHERE id = $1)`, [id, language]);
    },
    async setMode(id: string, mode: ConversationMode): Promise<void> {
      await q.query(`UPDATE conversations SET mode = $2, updated_at = now() WHERE id = $1`, [id, mode]);
    },
  };

  const messages = {
    /** Stores an inbound message as `pending`; a second delivery of the same external id is reported, not stored. */
    async insertInbound(m: NewMessage): Promise<{ id: number; duplicate: boolean }> {
      const { rows } = await q.query<{ id: number }>(
        stmt('message-insert-in', `INSERT INTO messages (conversation_id, direction, role, channel, external_id, kind, body, language, meta, status)
         VALUES ($1, 'in', $2, $3, $4, $5, $6, $7, $8, 'pending')
         ON CONFLICT (channel, external_id) DO NOTHING RETURNING id`, [m.conversationId, m.role, m.channel, m.externalId ?? null, m.kind ?? 'text', m.body, m.language ?? null, m.meta ?? {}]),
      );
      if (rows[0]) return { id: rows[0].id, duplicate: false };
      const existing = await q.query<{ id: number }>(`SELECT id FROM messages WHERE channel = $1 AND external_id = $2`, [m.channel, m.externalId]);
      return { id: existing.rows[0]!.id, duplicate: true };
    },
    async insertOutbound(m: NewMessage, status = 'stored'): Promise<{ id: number; createdAt: Date }> {
      // One round trip: store the message and touch the conversation.
      const { rows } = await q.query<{ id: number; createdAt: Date }>(
        stmt('message-insert-out', `WITH touched AS (UPDATE conversations SET updated_at = now() WHERE id = $1)
         INSERT INTO messages (conversation_id, direction, role, channel, external_id, kind, body, language, meta, status)
         VALUES ($1, 'out', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, created_at AS "createdAt"`, [m.conversationId, m.role, m.channel, m.externalId ?? null, m.kind ?? 'text', m.body, m.language ?? null, m.meta ?? {}, status]),
      );
      return rows[0]!;
    },
    async get(id: number): Promise<StoredMessage | undefined> {
      const { rows } = await q.query<StoredMessage>(`SELECT ${messageCols} FROM messages WHERE id = $1`, [id]);
      return rows[0];
    },
    async nextPending(conversationId: string): Promise<StoredMessage | undefined> {
      const { rows } = await q.query<StoredMessage>(
        stmt('message-next-pending', `SELECT ${messageCols} FROM messages WHERE conversation_id = $1 AND direction = 'in' AND status = 'pending' ORDER BY id LIMIT 1`, [conversationId]),
      );
      return rows[0];
    },
    /** The conversation's oldest pending inbound message with the conversation as it is now: one round trip per turn. */
    async nextTurn(conversationId: string): Promise<{ message: StoredMessage; conversation: Conversation } | undefined> {
      const { rows } = await q.query<{ m: Record<string, unknown>; c: Record<string, unknown> }>(
        stmt(
          'message-next-turn',
          `SELECT row_to_json(m) AS m, row_to_json(cv) AS c FROM
                 (SELECT ${messageCols} FROM messages WHERE conversation_id = $1 AND direction = 'in' AND status = 'pending' ORDER BY id LIMIT 1) m,
                 (SELECT ${conversationCols} FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = $1) cv`,
          [conversationId],
        ),
      );
      const row = rows[0];
      if (!row) return undefined;
      // row_to_json leaves timestamps as strings; the rest keeps its JSON shape.
      const message = { ...row.m, createdAt: new Date(row.m.createdAt as string) } as unknown as StoredMessage;
      const conversation = { ...row.c, createdAt: new Date(row.c.createdAt as string) } as unknown as Conversation;
      return { message, conversation };
    },
    /** Conversations with inbound messages left pending for longer than `olderThanMs` (a crashed instance's work). */
    async stalledConversations(olderThanMs: number, limit = 100): Promise<string[]> {
      const { rows } = await q.query<{ conversationId: string }>(
        `SELECT DISTINCT conversation_id AS "conversationId" FROM messages
         WHERE direction = 'in' AND status = 'pending' AND created_at < now() - make_interval(secs => $1::double precision / 1000)
         LIMIT $2`,
        [olderThanMs, limit],
      );
      return rows.map((r) => r.conversationId);
    },
    async setStatus(id: number, status: string): Promise<void> {
      await q.query(stmt('message-set-status', `UPDATE messages SET status = $2, processed_at = now(), attempts = attempts + 1 WHERE id = $1`, [id, status]));
    },
    async history(conversationId: string, limit = 100): Promise<StoredMessage[]> {
      const { rows } = await q.query<StoredMessage>(
        `SELECT * FROM (SELECT ${messageCols} FROM messages WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2) m ORDER BY id`,
        [conversationId, limit],
      );
      return rows;
    },
  };

  const audit = {
    async append(actor: string, action: string, conversationId: string | null, detail: Record<string, unknown> = {}): Promise<void> {
      await q.query(`INSERT INTO audit_log (actor, action, conversation_id, detail) VALUES ($1, $2, $3, $4)`, [actor, action, conversationId, detail]);
    },
    async list(conversationId: string): Promise<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }[]> {
      const { rows } = await q.query(`SELECT actor, action, detail, at FROM audit_log WHERE conversation_id = $1 ORDER BY id`, [conversationId]);
      return rows;
    },
  };

  const settings = {
    /** The value under `key`, created with `make()` by whichever instance asks first. */
    async getOrCreate(key: string, make: () => string): Promise<string> {
      await q.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, make()]);
      const { rows } = await q.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]);
      return rows[0]!.value;
    },
  };

  return { db, contacts, conversations, messages, audit, settings };
}

export type Store = ReturnType<typeof createStore>;
