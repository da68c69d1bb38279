import { createInstanceLock } from '../../src/db/instance-lock.js';
import type { Database } from '../../src/db/database.js';

/**
 * Makes a conversation look held by another live instance (its turns cannot run here), as the
 * turn processor's claim sees it: a holder id whose instance lock is held. `release()` ends that
 * "instance" the way a crash does, and the app's recovery sweep takes the conversation over.
 */
export async function holdConversation(db: Database, conversationId: string): Promise<{ id: number; release(): Promise<void> }> {
  const lock = createInstanceLock(db);
  await lock.ready;
  // Kept as SQL: a claim (store.messages.claimTurn) takes only a conversation with a message pending, and this one may have none yet.
  await db.pool.query(`UPDATE conversations SET holder = $2 WHERE id = $1`, [conversationId, lock.id]);
  return { id: lock.id, release: () => lock.close() };
}
