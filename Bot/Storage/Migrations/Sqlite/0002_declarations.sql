-- The declaration outbox and the embedded registry. Timestamps: fixed-width UTC text, so text order is time order.
-- IF NOT EXISTS: files created before migrations existed already hold these tables; they adopt them as they are.
CREATE TABLE IF NOT EXISTS declaration_outbox (
    idempotency_key   TEXT PRIMARY KEY NOT NULL,
    receipt_number    TEXT NOT NULL UNIQUE,
    student_key       TEXT NOT NULL,
    conversation_json TEXT NOT NULL,
    content_json      TEXT NOT NULL,
    status            TEXT NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   TEXT NOT NULL,
    last_error        TEXT NULL,
    recorded_at       TEXT NOT NULL,
    sent_at           TEXT NULL,
    registry_id       TEXT NULL,
    journey           TEXT NULL,
    notification      TEXT NULL,
    follow_up_done    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS declaration_outbox_due ON declaration_outbox (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS registry_declarations (
    id                TEXT PRIMARY KEY NOT NULL,
    idempotency_key   TEXT NOT NULL UNIQUE,
    receipt_number    TEXT NOT NULL,
    student_id        TEXT NOT NULL,
    status            TEXT NOT NULL,
    status_reason     TEXT NULL,
    submitted_at      TEXT NOT NULL,
    status_changed_at TEXT NOT NULL,
    content_json      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS registry_declarations_student ON registry_declarations (student_id, submitted_at);
CREATE INDEX IF NOT EXISTS registry_declarations_status ON registry_declarations (status, submitted_at);
