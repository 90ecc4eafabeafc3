-- reminder_deliveries: which route delivered each reminder, or why none could (shown to the hotline as "Cần gọi điện").
CREATE TABLE IF NOT EXISTS reminder_deliveries (
    student_key TEXT NOT NULL,
    reminder_id TEXT NOT NULL,
    route       TEXT NULL,
    reasons     TEXT NULL,
    first_at    TEXT NOT NULL,
    last_at     TEXT NOT NULL,
    attempts    INTEGER NOT NULL,
    PRIMARY KEY (student_key, reminder_id)
);
CREATE INDEX IF NOT EXISTS reminder_deliveries_undelivered ON reminder_deliveries (first_at) WHERE route IS NULL;
