-- Bot state (IStorage items), encrypted, with ETag and last update.
-- IF NOT EXISTS: files created before migrations existed already hold this table; they adopt it as is.
CREATE TABLE IF NOT EXISTS bot_state (
    key        TEXT PRIMARY KEY NOT NULL,
    json       TEXT NOT NULL,
    etag       TEXT NULL,
    updated_at TEXT NOT NULL
);
