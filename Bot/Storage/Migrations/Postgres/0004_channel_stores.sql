-- Messenger/Zalo reply windows and webhook dedup ids, shared by replicas.
-- IF NOT EXISTS: databases migrated by the hand-rolled version 2 already hold these tables.
CREATE TABLE IF NOT EXISTS channel_reply_windows (
    channel_id    text NOT NULL,
    user_id       text NOT NULL,
    last_wrote_at timestamptz NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX IF NOT EXISTS channel_reply_windows_recent ON channel_reply_windows (channel_id, last_wrote_at);
CREATE TABLE IF NOT EXISTS webhook_event_ids (
    channel_id text NOT NULL,
    event_id   text NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (channel_id, event_id)
);
CREATE INDEX IF NOT EXISTS webhook_event_ids_claimed ON webhook_event_ids (claimed_at);
