-- Direct Line conversations, their activities and uploaded images, shared by replicas (no session affinity needed).
-- user_id and json are encrypted (bound to their row); content is the encrypted image.
CREATE TABLE dl_conversations (
    id         text PRIMARY KEY,
    user_id    text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX dl_conversations_updated ON dl_conversations (updated_at);
-- The watermark is seq, the activity's sequence within its conversation.
CREATE TABLE dl_activities (
    conversation_id text NOT NULL,
    seq             bigint NOT NULL,
    json            text NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
CREATE TABLE dl_uploads (
    conversation_id text NOT NULL,
    file            text NOT NULL,
    content         bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, file)
);
