-- Escalation cases: a conversation handed to the nurses in Mattermost.
-- queued (not yet in front of staff) → offered (case channel and card posted) → claimed → resolved,
-- or abandoned when nobody took it in time. One open case per conversation at a time.
CREATE TABLE cases (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number            bigserial NOT NULL UNIQUE,
  conversation_id   uuid NOT NULL REFERENCES conversations (id),
  state             text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'offered', 'claimed', 'resolved', 'abandoned')),
  priority          text NOT NULL CHECK (priority IN ('emergency', 'urgent', 'routine')),
  reason            text NOT NULL,
  language          text,
  channel           text NOT NULL,
  -- Stage facts for the card (e.g. the emergency category); never message text.
  details           jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The card shows the transcript up to this message; later patient messages are posted one by one.
  transcript_until  bigint,
  mm_channel_id     text,
  mm_channel_name   text,
  card_post_id      text,
  -- Which outbox job puts the case in front of staff, and how many times it was re-queued.
  open_job_id       bigint,
  open_generation   integer NOT NULL DEFAULT 0,
  -- Escalation ladder: 1 = first nurses offered, 2 = next nurses, 3 = @channel in triage.
  offer_round       integer NOT NULL DEFAULT 0,
  deadline_at       timestamptz,
  claimed_by        text,
  claimed_by_name   text,
  resolved_by       text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  offered_at        timestamptz,
  claimed_at        timestamptz,
  closed_at         timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cases_one_open_per_conversation ON cases (conversation_id) WHERE state IN ('queued', 'offered', 'claimed');
CREATE INDEX cases_mm_channel_idx ON cases (mm_channel_id) WHERE mm_channel_id IS NOT NULL;
CREATE INDEX cases_open_idx ON cases (state, deadline_at) WHERE state IN ('queued', 'offered', 'claimed');

-- Append-only ledger of everything that happened to a case: who was offered it, who
-- claimed it, what was relayed (ids, never text). `dedupe_key` marks events that may
-- happen only once. Updates and deletes are refused, as for audit_log.
CREATE TABLE case_events (
  id          bigserial PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  at          timestamptz NOT NULL DEFAULT now(),
  kind        text NOT NULL,
  actor       text NOT NULL,
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key  text UNIQUE
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
CREATE INDEX case_events_offered_idx ON case_events (kind, case_id) WHERE kind = 'offered';

CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only';
END;
$$;
CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
