-- Bot state (IStorage items), encrypted, with ETag and last update.
-- IF NOT EXISTS: databases migrated before DbUp (vssbot_schema_version 1) already hold this table.
CREATE TABLE IF NOT EXISTS bot_state (
    key        text PRIMARY KEY,
    data       text NOT NULL,
    etag       text NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS bot_state_updated_at ON bot_state (updated_at);
-- The hand-rolled version table DbUp's journal replaces.
DROP TABLE IF EXISTS vssbot_schema_version;
