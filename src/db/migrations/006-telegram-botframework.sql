-- Bot Framework: where to reach a conversation later (a nurse's reply, a retry after a
-- restart). One row per conversation, refreshed by every inbound activity because the
-- channel's serviceUrl can change. Telegram needs no table: the chat id is the address and
-- Telegram itself remembers which updates long polling has confirmed.
CREATE TABLE botframework_references (
  conversation_id text PRIMARY KEY,
  channel_id      text NOT NULL,
  service_url     text NOT NULL,
  reference       jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
