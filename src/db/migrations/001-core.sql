-- Contacts: one person's identity on one channel (phone number, Telegram chat, web visitor).
CREATE TABLE contacts (
  id           bigserial PRIMARY KEY,
  channel      text NOT NULL,
  external_id  text NOT NULL,
  display_name text,
  language     text,
  opted_out_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel, external_id)
);

-- Conversations: a contact's thread with the clinic on one channel.
CREATE TABLE conversations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contact_id  bigint NOT NULL REFERENCES contacts (id),
  channel     text NOT NULL,
  language    text,
  mode        text NOT NULL DEFAULT 'bot' CHECK (mode IN ('bot', 'handoff', 'closed')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_contact_idx ON conversations (contact_id, updated_at DESC);

-- Messages in both directions. Inbound ones are stored (status 'pending') before the
-- engine sees them; (channel, external_id) makes a redelivered webhook a no-op.
CREATE TABLE messages (
  id              bigserial PRIMARY KEY,
  conversation_id uuid NOT NULL REFERENCES conversations (id),
  direction       text NOT NULL CHECK (direction IN ('in', 'out')),
  role            text NOT NULL CHECK (role IN ('patient', 'bot', 'nurse', 'system')),
  channel         text NOT NULL,
  external_id     text,
  kind            text NOT NULL DEFAULT 'text',
  body            text NOT NULL,
  language        text,
  meta            jsonb NOT NULL DEFAULT '{}'::jsonb,
  status          text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  processed_at    timestamptz,
  UNIQUE (channel, external_id)
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
CREATE INDEX messages_pending_idx ON messages (conversation_id, id) WHERE direction = 'in' AND status = 'pending';

-- Append-only audit log: who did what, when. Updates and deletes are refused.
CREATE TABLE audit_log (
  id              bigserial PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT now(),
  actor           text NOT NULL,
  action          text NOT NULL,
  conversation_id uuid,
  detail          jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_conversation_idx ON audit_log (conversation_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Settings the instances share, such as the key that signs web chat tokens.
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
