-- The declaration outbox (claimed by the workers of every replica with FOR UPDATE SKIP LOCKED) and the embedded registry.
CREATE TABLE declaration_outbox (
    idempotency_key   text PRIMARY KEY,
    receipt_number    text NOT NULL UNIQUE,
    student_key       text NOT NULL,
    conversation_json text NOT NULL,
    content_json      text NOT NULL,
    status            text NOT NULL,
    attempts          integer NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_error        text NULL,
    recorded_at       timestamptz NOT NULL,
    sent_at           timestamptz NULL,
    registry_id       text NULL,
    journey           text NULL,
    notification      text NULL,
    follow_up_done    boolean NOT NULL DEFAULT false,
    claimed_until     timestamptz NULL
);
CREATE INDEX declaration_outbox_due ON declaration_outbox (status, next_attempt_at);
CREATE INDEX declaration_outbox_recorded ON declaration_outbox (recorded_at);
CREATE TABLE registry_declarations (
    id                text PRIMARY KEY,
    idempotency_key   text NOT NULL UNIQUE,
    receipt_number    text NOT NULL,
    student_id        text NOT NULL,
    status            text NOT NULL,
    status_reason     text NULL,
    submitted_at      timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL,
    content_json      text NOT NULL
);
CREATE INDEX registry_declarations_student ON registry_declarations (student_id, submitted_at);
CREATE INDEX registry_declarations_status ON registry_declarations (status, submitted_at);
