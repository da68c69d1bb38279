import type { Language } from '../language/languages.js';
import type { MessageKind, Role } from '../message.js';
import { createBatcher } from './batcher.js';
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
  /** For a turn's reply: the inbound message it answers (null for everything else). */
  inReplyTo: number | null;
  createdAt: Date;
}

/** A reply of a turn, stored by `finishTurn` under (inbound id, index). */
export interface TurnReply {
  role: Role;
  body: string;
  language: Language | null;
  meta: Record<string, unknown>;
  /** `sent` for channels that replay history (stored counts as delivered), `stored` otherwise. */
  status: 'sent' | 'stored';
}

/** What `claimTurn` found: the conversation as it is now, its state, and the next message to answer. */
export interface TurnClaim {
  conversation: Conversation;
  /** The conversation's state (undefined when it has none, or it is older than a week). */
  state: unknown;
  /** The oldest pending inbound message; undefined when there is none (the claim was given back). */
  message?: StoredMessage;
}

export interface FinishedTurn {
  /** False when the message was no longer pending: another run answered it first and nothing was stored. */
  done: boolean;
  /** The stored replies, in order, with the outbox row that delivers each (when asked for). */
  replies: { id: number; index: number; createdAt: Date; outboxId?: number; claimed?: boolean }[];
  /** The conversation was given back (nothing else pending). */
  released: boolean;
  /**
   * Not given back because another message is pending: the conversation stays ours and this is
   * its next turn (the conversation as it is now, the state just stored, the oldest pending
   * message), so the turn after needs no claim of its own.
   */
  next?: TurnClaim & { message: StoredMessage };
}

// Migration 012's turn_accept_batch says the same '7 days': change both together.
const STATE_MAX_AGE = `interval '7 days'`;

// What a claim returns, shared by the claim on insert and the claim of the next pending message:
// the conversation row as updated (state only while fresh), then the claimed message as m_*.
const CLAIMED_CONVERSATION = `id, contact_id, channel, language, mode, created_at, holder,
                       CASE WHEN state_at > now() - ${STATE_MAX_AGE} THEN state END AS state`;
/** The claimed message `m` as m_* columns (toClaim reads them). */
const CLAIMED_MESSAGE = `m.id AS m_id, m.direction AS m_direction, m.role AS m_role, m.channel AS m_channel, m.external_id AS m_external_id,
                  m.kind AS m_kind, m.body AS m_body, m.language AS m_language, m.meta AS m_meta, m.status AS m_status,
                  m.created_at AS m_created_at`;
const CLAIM_COLUMNS = `c.id, c.contact_id AS "contactId", c.channel, k.external_id AS address, c.language, c.mode,
                  c.created_at AS "createdAt", c.state, c.holder, ${CLAIMED_MESSAGE}`;
/**
 * True when `holder` is NULL, ourselves, or an instance whose advisory lock is free (its session,
 * and so the process, is gone). A live holder's lock is held by its own session, so the try fails.
 * The lock taken by a successful try lasts only until the end of the statement's transaction.
 */
const claimable = (holder: string, me: string, peers: string) =>
  `CASE WHEN ${holder} IS NULL OR ${holder} = ${me} THEN true WHEN ${holder} = ANY(${peers}) THEN false ELSE pg_try_advisory_xact_lock(${holder}) END`;

const contactCols = `id, channel, external_id AS "externalId", display_name AS "displayName", language, opted_out_at AS "optedOutAt"`;
const conversationCols = `c.id, c.contact_id AS "contactId", c.channel, k.external_id AS address, c.language, c.mode, c.created_at AS "createdAt"`;
const messageCols = `id, conversation_id AS "conversationId", direction, role, channel, external_id AS "externalId", kind, body,
  language, meta, status, in_reply_to AS "inReplyTo", created_at AS "createdAt"`;

export interface NewMessage {
  conversationId: string;
  role: Role;
  channel: string;
  externalId?: string | null;
  kind?: MessageKind;
  body: string;
  language?: Language | null;
  meta?: Record<string, unknown>;
  /** Outbound only: what this message delivers ("relay:<post id>"); a second message with the same key is never stored. */
  deliveryKey?: string;
}

/** A claim row (conversation columns, its state, and the message's columns prefixed `m_`) as a TurnClaim. */
function toClaim(r: Record<string, unknown>): TurnClaim {
  const conversation: Conversation = {
    id: r.id as string,
    contactId: r.contactId as number,
    channel: r.channel as string,
    address: r.address as string,
    language: r.language as Language | null,
    mode: r.mode as ConversationMode,
    createdAt: r.createdAt as Date,
  };
  const claim: TurnClaim = { conversation, state: r.state ?? undefined };
  if (r.m_id != null) {
    claim.message = {
      id: r.m_id as number,
      conversationId: conversation.id,
      direction: r.m_direction as 'in',
      role: r.m_role as Role,
      channel: r.m_channel as string,
      externalId: r.m_external_id as string | null,
      kind: r.m_kind as MessageKind,
      body: r.m_body as string,
      language: r.m_language as Language | null,
      meta: r.m_meta as Record<string, unknown>,
      status: r.m_status as string,
      // Claims read inbound messages, which answer nothing.
      inReplyTo: null,
      createdAt: r.m_created_at as Date,
    };
  }
  return claim;
}

/**
 * Runs `run` on the items sorted by conversation and answers in the caller's order: every batch
 * takes its conversations' row locks in the same order, so two batches never wait on each other
 * in a circle. The sort is stable: one conversation's messages keep their order.
 */
async function inConversationOrder<I extends { conversationId: string }, O>(items: I[], run: (sorted: I[]) => Promise<O[]>): Promise<O[]> {
  const order = items.map((_, i) => i).sort((a, b) => (items[a]!.conversationId < items[b]!.conversationId ? -1 : items[a]!.conversationId > items[b]!.conversationId ? 1 : a - b));
  const results = await run(order.map((i) => items[i]!));
  const answered = new Array<O>(items.length);
  order.forEach((original, sortedAt) => (answered[original] = results[sortedAt]!));
  return answered;
}

/** A row the batch functions returned as JSON: timestamps back to Dates, as pg parses them. */
function fromJsonRow(r: Record<string, unknown>): Record<string, unknown> {
  const row = { ...r };
  for (const key of ['createdAt', 'm_created_at']) if (typeof row[key] === 'string') row[key] = new Date(row[key] as string);
  return row;
}

/** The contacts table: one row per address on a channel. */
export interface ContactStore {
  /** The contact at this address, made on first contact; a new name or a first language is written, nothing else. */
  upsert(channel: string, externalId: string, fields?: { displayName?: string; language?: Language }): Promise<Contact>;
  /** The contact at this address, if it ever wrote. */
  find(channel: string, externalId: string): Promise<Contact | undefined>;
  /** Records that the contact opted out of (or back in to) messages on its channel. */
  setOptOut(id: number, optedOut: boolean): Promise<void>;
}

/** The conversations table: a contact's conversation on a channel, its language and who answers it. */
/** What `forAddress` may write: the contact's name and first language, and a new conversation's language (else the contact's). */
export interface AddressFields {
  displayName?: string;
  language?: Language;
  conversationLanguage?: Language;
  /** An address that opted out gets no conversation opened (`conversation` is then undefined unless one is open). */
  unlessOptedOut?: boolean;
}

export interface ConversationStore {
  /** The conversation with this id, with the contact's address. */
  get(id: string): Promise<Conversation | undefined>;
  /** The contact's current conversation on this channel, opened if there is none. */
  current(contact: Contact, language?: Language | null): Promise<Conversation>;
  /**
   * `contacts.upsert` and `current` in one round trip: the contact of this address (created, or
   * given a new name or a first language) and its current conversation (opened if there is none).
   */
  forAddress(channel: string, address: string, fields?: AddressFields): Promise<{ contact: Contact; conversation: Conversation | undefined }>;
  /** Sets the language of the conversation and of its contact. */
  setLanguage(id: string, language: Language): Promise<void>;
  /** The patient chose a language: conversation, contact and state change together (`fresh` is the state to start from). */
  chooseLanguage(id: string, language: Language, fresh: Record<string, unknown>): Promise<void>;
  /** Moves the conversation between bot, staff and closed; with `onlyFrom`, only from that mode. */
  setMode(id: string, mode: ConversationMode, onlyFrom?: ConversationMode): Promise<void>;
}

/** What the end of a turn stores: the inbound message done, its replies, the state, and whether the conversation is let go. */
export interface TurnFinish {
  inboundId: number;
  conversationId: string;
  /** The conversation's address (for the next turn's claim, when the finish returns one). */
  address: string;
  holder: number;
  replies: (TurnReply & { channel: string })[];
  state: unknown;
  language?: Language | null;
  release: boolean;
  /** With it, each reply's delivery row is stored too. */
  outbox?: { kind: string; leaseMs: number };
}

/** The messages table and the turn bookkeeping on it: who runs a conversation's turns, and what each answered. */
export interface MessageStore {
  /** Stores an inbound message as pending; a second delivery of the same external id is reported, not stored. */
  insertInbound(m: NewMessage): Promise<{ id: number; duplicate: boolean }>;
  /** `insertInbound`, with the conversation claimed for `holder` when the turn can run at once (nobody holds it, nothing older pending). */
  insertInboundAndClaim(m: NewMessage, holder: number): Promise<{ id: number; duplicate: boolean; claim?: TurnClaim }>;
  /** Stores an outbound message (a reply outside a turn, or a staff message); `duplicate` when its `deliveryKey` was stored before. */
  insertOutbound(m: NewMessage, status?: string): Promise<{ id: number; createdAt: Date; duplicate?: boolean }>;
  /** The message with this id. */
  get(id: number): Promise<StoredMessage | undefined>;
  /** The conversation's oldest inbound message still waiting for its turn. */
  nextPending(conversationId: string): Promise<StoredMessage | undefined>;
  /** The oldest pending inbound message with the conversation as it is now, for the next turn. */
  nextTurn(conversationId: string): Promise<{ message: StoredMessage; conversation: Conversation } | undefined>;
  /** Conversations with inbound messages pending for longer than `olderThanMs` (a crashed instance's work). */
  stalledConversations(olderThanMs: number, limit?: number): Promise<string[]>;
  /** Starts a turn: takes the conversation for `holder` unless a live instance has it, with its state and next message. */
  claimTurn(conversationId: string, holder: number, peers?: number[]): Promise<TurnClaim | undefined>;
  /** Ends a turn all or nothing: the message done, its replies (and their deliveries) stored, the state saved. */
  finishTurn(turn: TurnFinish): Promise<FinishedTurn>;
  /** Marks a turn that failed for good as failed, keeping the state it had. */
  failTurn(inboundId: number): Promise<void>;
  /** Gives back every conversation `holder` has, so others need not wait after a clean stop. */
  releaseAll(holder: number): Promise<void>;
  /** Conversations with turns to run that nobody alive is running (their instance died, or never started them). */
  orphanedConversations(holder: number, olderThanMs: number, peers?: number[], limit?: number): Promise<string[]>;
  /** The conversation's state, as the next turn will see it. */
  getState(conversationId: string): Promise<unknown>;
  /** Records how a message's delivery went. */
  setStatus(id: number, status: string): Promise<void>;
  /** Takes the outbound messages still owed to the conversation (marked sent), for a channel that only answers webhooks. */
  takeOwed(conversationId: string, except?: number): Promise<StoredMessage[]>;
  /** The conversation's latest messages, oldest first. */
  history(conversationId: string, limit?: number): Promise<StoredMessage[]>;
}

/** Providers' conversation references, for channels that need one to write later. */
export interface ReferenceStore {
  /** Keeps the latest reference for this address. */
  save(channel: string, address: string, reference: unknown): Promise<void>;
  /** The reference kept for this address, if any. */
  get(channel: string, address: string): Promise<unknown>;
}

/** Who did what to a conversation, for staff and audits. */
export interface AuditTrail {
  /** Records an action on a conversation (or on none). */
  append(actor: string, action: string, conversationId: string | null, detail?: Record<string, unknown>): Promise<void>;
  /** The actions on a conversation, oldest first. */
  list(conversationId: string): Promise<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }[]>;
}

/** Values every instance must agree on (keys made once). */
export interface SettingsStore {
  /** The value under `key`, made with `make()` by whichever instance asks first. */
  getOrCreate(key: string, make: () => string): Promise<string>;
}

/** The product's tables behind small typed functions. */
export interface Store {
  /** The database the tables live in. */
  readonly db: Database;
  readonly contacts: ContactStore;
  readonly conversations: ConversationStore;
  readonly messages: MessageStore;
  readonly references: ReferenceStore;
  readonly audit: AuditTrail;
  readonly settings: SettingsStore;
}

/**
 * The product's tables behind small typed functions; SQL stays here. Statements on the
 * per-turn path are named, so each connection parses and plans them once.
 */
export function createStore(db: Database): Store {
  const q: Queryable = db.pool;
  // A PGlite reached through DATABASE_URL is one session that others may share: no names there
  // (see Database.namedStatements; our embedded one clears old names when a connection opens).
  const named = db.namedStatements;
  const stmt = (name: string, text: string, values: unknown[]) => (named ? { name, text, values } : { text, values });

  const contacts: ContactStore = {
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

  const conversations: ConversationStore = {
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
    async forAddress(channel: string, address: string, fields: AddressFields = {}) {
      // The contact is written only when new or when it gains a name or a first language (as
      // `upsert`); the statement sees the rows as they were when it began, so a contact it writes
      // comes from `written`, one it leaves alone from `kept`.
      const { rows } = await q.query<Record<string, unknown>>(
        stmt(
          'conversation-for-address',
          `WITH written AS (
             INSERT INTO contacts (channel, external_id, display_name, language) VALUES ($1, $2, $3, $4)
             ON CONFLICT (channel, external_id) DO UPDATE SET
               display_name = COALESCE(EXCLUDED.display_name, contacts.display_name),
               language = COALESCE(contacts.language, EXCLUDED.language)
             WHERE (EXCLUDED.display_name IS NOT NULL AND EXCLUDED.display_name IS DISTINCT FROM contacts.display_name)
                OR (EXCLUDED.language IS NOT NULL AND contacts.language IS NULL)
             RETURNING ${contactCols}),
           kept AS (SELECT ${contactCols} FROM contacts WHERE channel = $1 AND external_id = $2 AND NOT EXISTS (SELECT 1 FROM written)),
           k AS (SELECT * FROM written UNION ALL SELECT * FROM kept),
           open AS (
             SELECT c.id, c.language, c.mode, c.created_at FROM conversations c, k
             WHERE c.contact_id = k.id AND c.mode <> 'closed' ORDER BY c.updated_at DESC LIMIT 1),
           opened AS (
             INSERT INTO conversations (contact_id, channel, language)
             SELECT k.id, k.channel, COALESCE($5, k.language) FROM k
             WHERE NOT EXISTS (SELECT 1 FROM open) AND NOT ($6::boolean AND k."optedOutAt" IS NOT NULL)
             RETURNING id, language, mode, created_at),
           conv AS (SELECT * FROM open UNION ALL SELECT * FROM opened)
           SELECT k.*, conv.id AS "conversationId", conv.language AS "conversationLanguage", conv.mode, conv.created_at AS "createdAt" FROM k LEFT JOIN conv ON true`,
          [channel, address, fields.displayName ?? null, fields.language ?? null, fields.conversationLanguage ?? null, Boolean(fields.unlessOptedOut)],
        ),
      );
      const r = rows[0];
      if (!r) {
        // A first message racing another for a new address: its contact is not in this statement's view yet.
        const contact = await contacts.upsert(channel, address, { displayName: fields.displayName, language: fields.language });
        if (fields.unlessOptedOut && contact.optedOutAt) return { contact, conversation: undefined };
        return { contact, conversation: await conversations.current(contact, fields.conversationLanguage) };
      }
      const contact: Contact = { id: r.id as number, channel: r.channel as string, externalId: r.externalId as string, displayName: r.displayName as string | null, language: r.language as Language | null, optedOutAt: r.optedOutAt as Date | null };
      if (r.conversationId == null) return { contact, conversation: undefined };
      const conversation: Conversation = {
        id: r.conversationId as string,
        contactId: contact.id,
        channel: contact.channel,
        address: contact.externalId,
        language: r.conversationLanguage as Language | null,
        mode: r.mode as ConversationMode,
        createdAt: r.createdAt as Date,
      };
      return { contact, conversation };
    },
    async setLanguage(id: string, language: Language): Promise<void> {
      await q.query(`UPDATE conversations SET language = $2, updated_at = now() WHERE id = $1`, [id, language]);
      await q.query(`UPDATE contacts SET language = $2, updated_at = now() WHERE id = (SELECT contact_id FROM conversations WHERE id = $1)`, [id, language]);
    },
    /**
     * The patient chose a language: the conversation, the contact and the conversation's state
     * (`fresh` is the state to start from when it has none) change together, in one round trip.
     */
    async chooseLanguage(id: string, language: Language, fresh: Record<string, unknown>): Promise<void> {
      await q.query(
        `WITH c AS (
           UPDATE conversations SET language = $2, updated_at = now(), state_at = now(),
             state = COALESCE(CASE WHEN state_at > now() - ${STATE_MAX_AGE} THEN state END, $3::jsonb)
                     || jsonb_build_object('language', $2::text, 'languageChosen', true)
           WHERE id = $1 RETURNING contact_id)
         UPDATE contacts SET language = $2, updated_at = now() FROM c WHERE contacts.id = c.contact_id`,
        [id, language, JSON.stringify(fresh)],
      );
    },
    /** Sets the mode; with `onlyFrom`, only when the conversation is in that mode now. */
    async setMode(id: string, mode: ConversationMode, onlyFrom?: ConversationMode): Promise<void> {
      if (onlyFrom) await q.query(`UPDATE conversations SET mode = $2, updated_at = now() WHERE id = $1 AND mode = $3`, [id, mode, onlyFrom]);
      else await q.query(`UPDATE conversations SET mode = $2, updated_at = now() WHERE id = $1`, [id, mode]);
    },
  };

  // Every turn's two statements go through group commit (src/store/batcher.ts and migration 012):
  // one call and one commit for the messages accepted, or the turns finished, meanwhile.
  // A single session (PGlite) runs one statement at a time, so one batch at a time there.
  const batching = { maxInFlight: db.singleSession ? 1 : 2, maxBatch: 64 };
  const acceptBatches = createBatcher<{ message: NewMessage; holder: number }, Record<string, unknown> | null>(async (items) => {
    // One call per holder (one in practice: this instance).
    const holder = items[0]!.holder;
    if (items.some((it) => it.holder !== holder)) return Promise.all(items.map((it) => acceptBatch([it.message], it.holder).then((r) => r[0]!)));
    return acceptBatch(items.map((it) => it.message), holder);
  }, batching);
  async function acceptBatch(batch: NewMessage[], holder: number): Promise<(Record<string, unknown> | null)[]> {
    return inConversationOrder(batch, async (sorted) => {
      const items = sorted.map((m) => ({ conversationId: m.conversationId, role: m.role, channel: m.channel, externalId: m.externalId ?? null, kind: m.kind ?? 'text', body: m.body, language: m.language ?? null, meta: m.meta ?? {} }));
      const { rows } = await q.query<{ r: (Record<string, unknown> | null)[] }>(stmt('turn-accept-batch', `SELECT turn_accept_batch($1::jsonb, $2::bigint) AS r`, [JSON.stringify(items), holder]));
      return rows[0]!.r;
    });
  }
  const finishBatches = createBatcher<TurnFinish, Record<string, unknown>>(
    (batch) =>
      inConversationOrder(batch, async (sorted) => {
        const items = sorted.map((turn) => ({
          inboundId: turn.inboundId,
          conversationId: turn.conversationId,
          holder: turn.holder,
          replies: turn.replies.map((r, i) => ({ i, role: r.role, channel: r.channel, body: r.body, language: r.language, meta: r.meta, status: r.status })),
          state: turn.state ?? null,
          language: turn.language ?? null,
          outboxKind: turn.outbox?.kind ?? null,
          leaseMs: turn.outbox?.leaseMs ?? 0,
          release: turn.release,
        }));
        const { rows } = await q.query<{ r: Record<string, unknown>[] }>(stmt('turn-finish-batch', `SELECT turn_finish_batch($1::jsonb) AS r`, [JSON.stringify(items)]));
        return rows[0]!.r;
      }),
    batching,
  );

  const messages: MessageStore = {
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
    /**
     * `insertInbound` and, in the same round trip, the claim of the conversation for `holder` when
     * nobody holds it and nothing older is pending (the common case: a patient's next message):
     * the caller can run the turn at once, without a separate claim. Otherwise there is no claim
     * and the caller schedules the conversation as usual.
     */
    async insertInboundAndClaim(m: NewMessage, holder: number): Promise<{ id: number; duplicate: boolean; claim?: TurnClaim }> {
      const r = await acceptBatches.run({ message: m, holder });
      if (!r) {
        const existing = await q.query<{ id: number }>(`SELECT id FROM messages WHERE channel = $1 AND external_id = $2`, [m.channel, m.externalId]);
        return { id: existing.rows[0]!.id, duplicate: true };
      }
      return { id: r.m_id as number, duplicate: false, ...(r.id != null ? { claim: toClaim(fromJsonRow(r)) } : {}) };
    },
    async insertOutbound(m: NewMessage, status = 'stored'): Promise<{ id: number; createdAt: Date; duplicate?: boolean }> {
      // One round trip: store the message and touch the conversation.
      const { rows } = await q.query<{ id: number; createdAt: Date }>(
        stmt('message-insert-out', `WITH touched AS (UPDATE conversations SET updated_at = now() WHERE id = $1)
         INSERT INTO messages (conversation_id, direction, role, channel, external_id, kind, body, language, meta, status, delivery_key)
         VALUES ($1, 'out', $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (delivery_key) WHERE delivery_key IS NOT NULL DO NOTHING
         RETURNING id, created_at AS "createdAt"`, [m.conversationId, m.role, m.channel, m.externalId ?? null, m.kind ?? 'text', m.body, m.language ?? null, m.meta ?? {}, status, m.deliveryKey ?? null]),
      );
      if (rows[0]) return rows[0];
      const existing = await q.query<{ id: number; createdAt: Date }>(`SELECT id, created_at AS "createdAt" FROM messages WHERE delivery_key = $1`, [m.deliveryKey]);
      return { ...existing.rows[0]!, duplicate: true };
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
    /**
     * One round trip that starts a turn: takes the conversation for instance `holder` (unless a
     * live instance has it) and returns it with its state and its oldest pending message. With
     * nothing pending the conversation is given back instead. Undefined: a live instance holds it
     * (its finish will see our pending row, as the release below checks for pending rows), or
     * nobody does and nothing is pending (nothing written then).
     */
    async claimTurn(conversationId: string, holder: number, peers: number[] = []): Promise<TurnClaim | undefined> {
      const { rows } = await q.query<Record<string, unknown>>(
        stmt(
          'turn-claim',
          `WITH c AS (
             UPDATE conversations SET holder = CASE WHEN EXISTS (
                 SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'in' AND status = 'pending') THEN $2::bigint END
             WHERE id = $1 AND ${claimable('holder', '$2::bigint', '$3::bigint[]')}
               AND (holder IS NOT NULL OR EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'in' AND status = 'pending'))
             RETURNING ${CLAIMED_CONVERSATION})
           SELECT ${CLAIM_COLUMNS}
           FROM c JOIN contacts k ON k.id = c.contact_id
           LEFT JOIN LATERAL (SELECT * FROM messages WHERE conversation_id = $1 AND direction = 'in' AND status = 'pending'
                              ORDER BY id LIMIT 1) m ON c.holder IS NOT NULL`,
          [conversationId, holder, peers],
        ),
      );
      const r = rows[0];
      return r ? toClaim(r) : undefined;
    },
    /**
     * One round trip that ends a turn: marks the inbound message done, stores the replies keyed by
     * (inbound id, index), saves the conversation's state (and language when it changed) and, when
     * `release` is set and nothing else is pending, gives the conversation back. All or nothing,
     * and only if the message was still pending: a second run of the same turn stores nothing.
     * With `outbox`, each reply's delivery row is stored too, claimed for this instance when
     * nothing of the conversation is ahead of it in the outbox.
     */
    async finishTurn(turn: TurnFinish): Promise<FinishedTurn> {
      const row = fromJsonRow(await finishBatches.run(turn)) as { done: boolean; released: boolean; replies: { id: number; index: number; createdAt: string; outboxId?: number | null; claimed?: boolean | null }[] | null } & Record<string, unknown>;
      const finished: FinishedTurn = {
        done: row.done,
        released: row.released,
        replies: (row.replies ?? []).map((r) => ({ ...r, createdAt: new Date(r.createdAt), outboxId: r.outboxId ?? undefined, claimed: r.claimed ?? undefined })),
      };
      if (row.m_id != null) {
        // The address is the conversation's own (it never changes); the state is the one just stored.
        const next = toClaim({ ...row, id: turn.conversationId, address: turn.address, state: turn.state });
        finished.next = next as TurnClaim & { message: StoredMessage };
      }
      return finished;
    },
    /** A turn that failed for good: the message is marked failed (if still pending); the state stays as it was. */
    async failTurn(inboundId: number): Promise<void> {
      await q.query(stmt('turn-fail', `UPDATE messages SET status = 'failed', processed_at = now(), attempts = attempts + 1 WHERE id = $1 AND status = 'pending'`, [inboundId]));
    },
    /** Gives back every conversation `holder` has (a clean stop: others need not wait for anything). */
    async releaseAll(holder: number): Promise<void> {
      await q.query(`UPDATE conversations SET holder = NULL WHERE holder = $1`, [holder]);
    },
    /**
     * Conversations with turns to run that nobody alive is running: pending messages whose
     * conversation is held by a dead instance (at once), or by nobody or by us for longer than
     * `olderThanMs` (accepted by an instance that died before it started them, or a drain of ours
     * that an outage broke off).
     */
    async orphanedConversations(holder: number, olderThanMs: number, peers: number[] = [], limit = 200): Promise<string[]> {
      const { rows } = await q.query<{ conversationId: string }>(
        stmt(
          'turn-orphans',
          `SELECT DISTINCT m.conversation_id AS "conversationId"
           FROM messages m JOIN conversations c ON c.id = m.conversation_id
           WHERE m.direction = 'in' AND m.status = 'pending'
             AND CASE WHEN c.holder IS NULL OR c.holder = $1::bigint
                      THEN m.created_at < now() - make_interval(secs => $2::double precision / 1000)
                      WHEN c.holder = ANY($4::bigint[]) THEN false
                      ELSE pg_try_advisory_xact_lock(c.holder) END
           LIMIT $3`,
          [holder, olderThanMs, limit, peers],
        ),
      );
      return rows.map((r) => r.conversationId);
    },
    /** The conversation's state (as the next turn will see it). */
    async getState(conversationId: string): Promise<unknown> {
      const { rows } = await q.query<{ state: unknown }>(
        `SELECT CASE WHEN state_at > now() - ${STATE_MAX_AGE} THEN state END AS state FROM conversations WHERE id = $1`,
        [conversationId],
      );
      return rows[0]?.state ?? undefined;
    },
    async setStatus(id: number, status: string): Promise<void> {
      await q.query(stmt('message-set-status', `UPDATE messages SET status = $2, processed_at = now(), attempts = attempts + 1 WHERE id = $1`, [id, status]));
    },
    /**
     * Takes the conversation's outbound messages still owed (stored, never sent, and not on their
     * way through the outbox), marking them sent in the same statement: what a channel that only
     * speaks in webhook responses says at the next one. Replies to `except` (the inbound message
     * being answered now) are left alone.
     */
    async takeOwed(conversationId: string, except?: number): Promise<StoredMessage[]> {
      const { rows } = await q.query<StoredMessage>(
        `UPDATE messages m SET status = 'sent', processed_at = now(), attempts = attempts + 1
         WHERE m.conversation_id = $1 AND m.direction = 'out' AND m.status = 'stored' AND m.in_reply_to IS DISTINCT FROM $2::bigint
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'message:' || m.id AND o.status IN ('pending', 'sending'))
         RETURNING ${messageCols}`,
        [conversationId, except ?? null],
      );
      return rows.sort((a, b) => a.id - b.id);
    },
    async history(conversationId: string, limit = 100): Promise<StoredMessage[]> {
      const { rows } = await q.query<StoredMessage>(
        `SELECT * FROM (SELECT ${messageCols} FROM messages WHERE conversation_id = $1 ORDER BY id DESC LIMIT $2) m ORDER BY id`,
        [conversationId, limit],
      );
      return rows;
    },
  };

  /** Providers' conversation references (src/channel/core.ts keeps them for channels that need one to write later). */
  const references: ReferenceStore = {
    async save(channel: string, address: string, reference: unknown): Promise<void> {
      await q.query(
        `INSERT INTO channel_references (channel, address, reference) VALUES ($1, $2, $3)
         ON CONFLICT (channel, address) DO UPDATE SET reference = EXCLUDED.reference, updated_at = now()`,
        [channel, address, JSON.stringify(reference)],
      );
    },
    async get(channel: string, address: string): Promise<unknown> {
      const { rows } = await q.query<{ reference: unknown }>(`SELECT reference FROM channel_references WHERE channel = $1 AND address = $2`, [channel, address]);
      return rows[0]?.reference ?? undefined;
    },
  };

  const audit: AuditTrail = {
    async append(actor: string, action: string, conversationId: string | null, detail: Record<string, unknown> = {}): Promise<void> {
      await q.query(`INSERT INTO audit_log (actor, action, conversation_id, detail) VALUES ($1, $2, $3, $4)`, [actor, action, conversationId, detail]);
    },
    async list(conversationId: string): Promise<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }[]> {
      const { rows } = await q.query(`SELECT actor, action, detail, at FROM audit_log WHERE conversation_id = $1 ORDER BY id`, [conversationId]);
      return rows;
    },
  };

  const settings: SettingsStore = {
    /** The value under `key`, created with `make()` by whichever instance asks first. */
    async getOrCreate(key: string, make: () => string): Promise<string> {
      await q.query(`INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key, make()]);
      const { rows } = await q.query<{ value: string }>(`SELECT value FROM settings WHERE key = $1`, [key]);
      return rows[0]!.value;
    },
  };

  return { db, contacts, conversations, messages, references, audit, settings };
}

