-- The durable webhook inbox: a Messenger/Zalo event is one row, inserted before the platform gets its 200 (the unique
-- (channel_id, event_id) drops redeliveries), processed by any replica in order per user. body is the event's Activity
-- encrypted with the data key; it is set to NULL once processed, the id is kept (for dedup) until pruned.
-- Supersedes webhook_event_ids, which no longer gets rows; it is left for replicas of the previous version during a
-- rolling update and can be dropped by a later script.
CREATE TABLE webhook_inbox (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel_id   text NOT NULL,
    event_id     text NOT NULL,
    user_id      text NOT NULL,
    received_at  timestamptz NOT NULL,
    body         text,
    leased_until timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    processed_at timestamptz,
    UNIQUE (channel_id, event_id)
);
-- The heads of the users' queues: the oldest unprocessed event of each user.
CREATE INDEX webhook_inbox_pending ON webhook_inbox (channel_id, user_id, seq) WHERE processed_at IS NULL;
CREATE INDEX webhook_inbox_processed ON webhook_inbox (processed_at) WHERE processed_at IS NOT NULL;
