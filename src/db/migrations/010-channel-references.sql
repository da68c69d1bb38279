-- Conversation references, kept by the core for any channel that needs the provider's own
-- reference to write to a conversation later (Bot Framework: serviceUrl, conversation, bot).
-- One row per channel and address, refreshed by every inbound activity. The Bot Framework
-- channel's own table is copied in; it stays for a build that still reads it.
CREATE TABLE channel_references (
  channel    text NOT NULL,
  address    text NOT NULL,
  reference  jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, address)
);
INSERT INTO channel_references (channel, address, reference, created_at, updated_at)
SELECT 'botframework', conversation_id, reference, created_at, updated_at FROM botframework_references;
