import type { ConversationReference } from 'botbuilder';
import type { Database } from '../../src/db/database.js';

/** Conversation references in PostgreSQL, keyed by the Bot Framework conversation id (our conversation address). */
export function createReferenceStore(db: Database) {
  return {
    async save(reference: Partial<ConversationReference>): Promise<void> {
      const conversationId = reference.conversation?.id;
      if (!conversationId || !reference.serviceUrl || !reference.channelId) return;
      await db.pool.query(
        `INSERT INTO botframework_references (conversation_id, channel_id, service_url, reference) VALUES ($1, $2, $3, $4)
         ON CONFLICT (conversation_id) DO UPDATE SET channel_id = EXCLUDED.channel_id, service_url = EXCLUDED.service_url,
           reference = EXCLUDED.reference, updated_at = now()`,
        [conversationId, reference.channelId, reference.serviceUrl, JSON.stringify(reference)],
      );
    },
    async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
      const { rows } = await db.pool.query<{ reference: Partial<ConversationReference> }>(
        `SELECT reference FROM botframework_references WHERE conversation_id = $1`,
        [conversationId],
      );
      return rows[0]?.reference;
    },
  };
}

export type ReferenceStore = ReturnType<typeof createReferenceStore>;
