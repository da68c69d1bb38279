-- A message delivered outside a turn (a nurse's reply, a case notice) carries the key of what it
-- delivers ("relay:<post id>", "notice:<kind>:<case id>"). The unique index makes a second
-- delivery of the same thing, by a retried job or by another instance, store nothing and send
-- nothing. Earlier rows get the key from their meta, the oldest row of each key only.
ALTER TABLE messages ADD COLUMN delivery_key text;
UPDATE messages m SET delivery_key = k.key
FROM (
  SELECT min(id) AS id, key FROM (
    SELECT id, CASE WHEN meta ? 'mattermostPostId' THEN 'relay:' || (meta->>'mattermostPostId')
                    ELSE 'notice:' || (meta->>'caseNotice') END AS key
    FROM messages WHERE direction = 'out' AND (meta ? 'mattermostPostId' OR meta ? 'caseNotice')
  ) s GROUP BY key
) k
WHERE m.id = k.id;
CREATE UNIQUE INDEX messages_delivery_key ON messages (delivery_key) WHERE delivery_key IS NOT NULL;
