-- reminder_deliveries: which route delivered each reminder, or why none could (shown to the hotline as "Cần gọi điện").
CREATE TABLE IF NOT EXISTS reminder_deliveries (
    student_key text NOT NULL,
    reminder_id text NOT NULL,
    route       text NULL,
    reasons     text NULL,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    attempts    integer NOT NULL,
    PRIMARY KEY (student_key, reminder_id)
);
CREATE INDEX IF NOT EXISTS reminder_deliveries_undelivered ON reminder_deliveries (first_at) WHERE route IS NULL;
