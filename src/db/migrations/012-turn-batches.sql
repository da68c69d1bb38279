-- Group commit for the two statements of every turn (see src/store/batcher.ts): under load,
-- the inbound messages accepted meanwhile, and the turns finished meanwhile, go to the database
-- as one call and one transaction each, instead of one round trip and one commit per message.
-- Each function runs its items in order with exactly the statement a single item ran before,
-- so each item sees what the items before it wrote; it returns one JSON result per item.

-- items: [{conversationId, role, channel, externalId, kind, body, language, meta}]
-- Per item: the stored message (m_*) and, when the conversation could be claimed for p_holder at
-- once (nobody holds it, nothing older pending), the claimed conversation; null for a duplicate.
CREATE FUNCTION turn_accept_batch(items jsonb, p_holder bigint) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  item jsonb;
  found_row jsonb;
  -- An array variable grows in place; a jsonb would be copied whole at each append.
  results jsonb[] := '{}';
BEGIN
  FOR item IN SELECT value FROM jsonb_array_elements(items) WITH ORDINALITY ORDER BY ordinality LOOP
    WITH ins AS (
      INSERT INTO messages (conversation_id, direction, role, channel, external_id, kind, body, language, meta, status)
      VALUES ((item->>'conversationId')::uuid, 'in', item->>'role', item->>'channel', item->>'externalId',
              COALESCE(item->>'kind', 'text'), item->>'body', item->>'language', COALESCE(item->'meta', '{}'::jsonb), 'pending')
      ON CONFLICT (channel, external_id) DO NOTHING RETURNING *),
    c AS (
      UPDATE conversations SET holder = p_holder
      WHERE id = (item->>'conversationId')::uuid AND holder IS NULL AND EXISTS (SELECT 1 FROM ins)
        AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = (item->>'conversationId')::uuid
                        AND direction = 'in' AND status = 'pending')
      RETURNING id, contact_id, channel, language, mode, created_at, holder,
                CASE WHEN state_at > now() - interval '7 days' THEN state END AS state)
    SELECT to_jsonb(x) INTO found_row FROM (
      SELECT c.id, c.contact_id AS "contactId", c.channel, k.external_id AS address, c.language, c.mode,
             c.created_at AS "createdAt", c.state, c.holder,
             m.id AS m_id, m.direction AS m_direction, m.role AS m_role, m.channel AS m_channel, m.external_id AS m_external_id,
             m.kind AS m_kind, m.body AS m_body, m.language AS m_language, m.meta AS m_meta, m.status AS m_status,
             m.created_at AS m_created_at
      FROM ins m LEFT JOIN c ON true LEFT JOIN contacts k ON k.id = c.contact_id) x;
    results := array_append(results, found_row);
    found_row := NULL;
  END LOOP;
  RETURN to_jsonb(results);
END
$fn$;

-- items: [{inboundId, conversationId, holder, replies, state, language, outboxKind, leaseMs, release}]
-- Per item, as a single finish did: whether the message was still pending (done), whether the
-- conversation was given back (released), the stored replies with their outbox rows, and, when
-- the conversation stays ours with more to answer, the next message (m_*) with the conversation.
CREATE FUNCTION turn_finish_batch(items jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  item jsonb;
  found_row jsonb;
  -- An array variable grows in place; a jsonb would be copied whole at each append.
  results jsonb[] := '{}';
  v_inbound bigint;
  v_conversation uuid;
  v_holder bigint;
  v_language text;
  v_kind text;
BEGIN
  FOR item IN SELECT value FROM jsonb_array_elements(items) WITH ORDINALITY ORDER BY ordinality LOOP
    v_inbound := (item->>'inboundId')::bigint;
    v_conversation := (item->>'conversationId')::uuid;
    v_holder := (item->>'holder')::bigint;
    v_language := item->>'language';
    v_kind := item->>'outboxKind';
    WITH done AS (
      UPDATE messages SET status = 'done', processed_at = now(), attempts = attempts + 1
      WHERE id = v_inbound AND status = 'pending' RETURNING id),
    r AS (
      INSERT INTO messages (conversation_id, direction, role, channel, kind, body, language, meta, status, in_reply_to, reply_index)
      SELECT v_conversation, 'out', x.role, x.channel, 'text', x.body, x.language, x.meta, x.status, v_inbound, x.i
      FROM done, jsonb_to_recordset(item->'replies') AS x(i int, role text, channel text, body text, language text, meta jsonb, status text)
      ON CONFLICT (in_reply_to, reply_index) WHERE in_reply_to IS NOT NULL DO NOTHING
      RETURNING id, reply_index, created_at),
    ahead AS (
      SELECT EXISTS (SELECT 1 FROM outbox WHERE v_kind IS NOT NULL AND ordering_key = v_conversation::text
                     AND status IN ('pending', 'sending')) AS busy),
    o AS (
      INSERT INTO outbox (kind, idempotency_key, ordering_key, payload, status, attempts, locked_until, claimed_by)
      SELECT v_kind, 'message:' || r.id, v_conversation::text, jsonb_build_object('messageId', r.id),
             CASE WHEN ahead.busy THEN 'pending' ELSE 'sending' END, CASE WHEN ahead.busy THEN 0 ELSE 1 END,
             CASE WHEN ahead.busy THEN NULL ELSE now() + make_interval(secs => (item->>'leaseMs')::double precision / 1000) END,
             CASE WHEN ahead.busy THEN NULL ELSE v_holder END
      FROM r, ahead WHERE v_kind IS NOT NULL
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, (payload->>'messageId')::bigint AS message_id, status),
    c AS (
      UPDATE conversations SET state = item->'state', state_at = now(), language = COALESCE(v_language, language),
        -- updated_at orders a contact's conversations (an indexed column): touched at most once a
        -- minute, so most turns rewrite the row in place (HOT) without new index entries.
        updated_at = CASE WHEN updated_at < now() - interval '1 minute' THEN now() ELSE updated_at END,
        holder = CASE WHEN (item->>'release')::boolean AND holder = v_holder AND NOT EXISTS (
            SELECT 1 FROM messages WHERE conversation_id = v_conversation AND direction = 'in' AND status = 'pending' AND id <> v_inbound)
          THEN NULL ELSE holder END
      WHERE id = v_conversation AND EXISTS (SELECT 1 FROM done)
      RETURNING holder IS NULL AS released, holder, contact_id, channel, language, mode, created_at),
    k AS (
      UPDATE contacts SET language = v_language, updated_at = now() FROM c WHERE v_language IS NOT NULL AND contacts.id = c.contact_id),
    -- Still ours with more to answer: the next turn's message, read here instead of by a claim.
    nx AS (
      SELECT m.* FROM messages m, c WHERE c.holder = v_holder AND m.conversation_id = v_conversation AND m.direction = 'in'
        AND m.status = 'pending' AND m.id <> v_inbound ORDER BY m.id LIMIT 1)
    SELECT to_jsonb(x) INTO found_row FROM (
      SELECT EXISTS (SELECT 1 FROM done) AS done, COALESCE((SELECT released FROM c), false) AS released,
             (SELECT json_agg(json_build_object('id', r.id, 'index', r.reply_index, 'createdAt', r.created_at,
                                                'outboxId', o.id, 'claimed', o.status = 'sending') ORDER BY r.reply_index)
              FROM r LEFT JOIN o ON o.message_id = r.id) AS replies,
             c.contact_id AS "contactId", c.channel, c.language, c.mode, c.created_at AS "createdAt",
             m.id AS m_id, m.direction AS m_direction, m.role AS m_role, m.channel AS m_channel, m.external_id AS m_external_id,
             m.kind AS m_kind, m.body AS m_body, m.language AS m_language, m.meta AS m_meta, m.status AS m_status,
             m.created_at AS m_created_at
      FROM (SELECT 1) one LEFT JOIN nx m ON true LEFT JOIN c ON m.id IS NOT NULL) x;
    results := array_append(results, found_row);
  END LOOP;
  RETURN to_jsonb(results);
END
$fn$;
