-- The durable webhook inbox (see the PostgreSQL script of the same name): one row per accepted Messenger/Zalo event,
-- body encrypted and set to NULL once processed; the id is kept for dedup until pruned. Supersedes webhook_event_ids.
CREATE TABLE webhook_inbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id   TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    body         TEXT,
    leased_until TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    processed_at TEXT,
    UNIQUE (channel_id, event_id)
);
CREATE INDEX webhook_inbox_pending ON webhook_inbox (channel_id, user_id, seq) WHERE processed_at IS NULL;
CREATE INDEX webhook_inbox_processed ON webhook_inbox (processed_at) WHERE processed_at IS NOT NULL;
