-- Messenger/Zalo reply windows and webhook dedup ids.
-- IF NOT EXISTS: files that had these tables created by hand-written statements keep them.
CREATE TABLE IF NOT EXISTS channel_reply_windows (
    channel_id    TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    last_wrote_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX IF NOT EXISTS channel_reply_windows_recent ON channel_reply_windows (channel_id, last_wrote_at);
CREATE TABLE IF NOT EXISTS webhook_event_ids (
    channel_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (channel_id, event_id)
);
CREATE INDEX IF NOT EXISTS webhook_event_ids_claimed ON webhook_event_ids (claimed_at);
