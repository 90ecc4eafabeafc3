-- Direct Line conversations and their activities (the watermark is the activity's sequence in its conversation).
-- IF NOT EXISTS: files created before migrations existed already hold these tables; they adopt them as they are.
CREATE TABLE IF NOT EXISTS dl_conversations (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dl_activities (
    conversation_id TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    json            TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
