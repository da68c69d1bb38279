-- Everything we owe another system (a patient's channel, Mattermost) goes through here:
-- stored first, sent with retries and backoff, idempotent on its key, in order per ordering key.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  kind            text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  ordering_key    text,
  payload         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'done', 'dead')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  last_error      text,
  external_id     text,
  external_status text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_ordering_idx ON outbox (ordering_key, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_external_idx ON outbox (external_id) WHERE external_id IS NOT NULL;
