-- Turn processing without a lease (see src/turns.ts).
--
-- holder: the instance running this conversation's turns right now, NULL when none. The number
-- is also a session advisory lock key that the instance holds on a connection of its own, so
-- PostgreSQL ends the claim when that instance's session ends (a crash, a kill): another
-- instance sees the lock free and takes the conversation over at once.
ALTER TABLE conversations ADD COLUMN holder bigint;
-- What the conversation remembers between turns, written in the same statement that stores
-- the turn's replies (so a turn that is run again starts from the state it started from).
ALTER TABLE conversations ADD COLUMN state jsonb;
ALTER TABLE conversations ADD COLUMN state_at timestamptz;
-- Every turn rewrites its conversation row twice (claim, finish): room on the page lets
-- PostgreSQL keep the new version beside the old one (a HOT update, no index entries).
ALTER TABLE conversations SET (fillfactor = 70);

-- A turn's replies are keyed by the inbound message they answer and their place in the turn:
-- a turn run a second time (after a crash) cannot store a second answer.
ALTER TABLE messages ADD COLUMN in_reply_to bigint;
ALTER TABLE messages ADD COLUMN reply_index smallint;
CREATE UNIQUE INDEX messages_reply_key ON messages (in_reply_to, reply_index) WHERE in_reply_to IS NOT NULL;

-- The instance sending an outbox row (its advisory lock key, as for conversations.holder):
-- a row whose sender died is taken up again without waiting for its lease to run out.
ALTER TABLE outbox ADD COLUMN claimed_by bigint;
