-- The webhook inbox in its own SQLite file (vssbot.webhook-inbox.db beside vssbot.db; issue 12): acknowledging Messenger or
-- Zalo is one insert here, never queued behind the turns' state writes. Same table as Sqlite/0006_webhook_inbox.sql;
-- rows found there are moved here once (SqliteWebhookInboxFile).
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
