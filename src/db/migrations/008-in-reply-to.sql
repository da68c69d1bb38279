-- The inbound message a reply answers is the in_reply_to column (added in 007 and set by every
-- turn since). Replies stored before that carried the id only in meta.inReplyTo: copy it into
-- the column and drop it from meta, so there is one place to read it. Old rows keep a NULL
-- reply_index, which the unique (in_reply_to, reply_index) index never compares.
UPDATE messages SET in_reply_to = (meta->>'inReplyTo')::bigint
 WHERE in_reply_to IS NULL AND direction = 'out' AND meta->>'inReplyTo' ~ '^[0-9]+$';
UPDATE messages SET meta = meta - 'inReplyTo' WHERE meta->>'inReplyTo' IS NOT NULL;
