-- The agents' and school's tables: directory, transcript, audit log, roster, settings.
-- IF NOT EXISTS: files created before migrations existed already hold these tables; they adopt them as they are.
CREATE TABLE IF NOT EXISTS student_directory (
    student_key     TEXT PRIMARY KEY NOT NULL,
    channel_id      TEXT NOT NULL,
    reference       TEXT NOT NULL,
    last_activity   TEXT NOT NULL,
    journey_state   TEXT NOT NULL,
    escalation      TEXT NULL,
    question_key    TEXT NULL,
    waiting_since   TEXT NULL,
    resolved_at     TEXT NULL,
    held_by         TEXT NULL,
    held_since      TEXT NULL,
    roster_id       TEXT NULL,
    next_field      TEXT NULL
);
CREATE TABLE IF NOT EXISTS transcript (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    student_key TEXT NOT NULL,
    at          TEXT NOT NULL,
    sender      TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS transcript_student ON transcript (student_key, id);
CREATE TABLE IF NOT EXISTS audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    student_key TEXT NOT NULL,
    action      TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS roster (
    student_id  TEXT PRIMARY KEY NOT NULL,
    full_name   TEXT NOT NULL,
    class_name  TEXT NOT NULL,
    faculty     TEXT NOT NULL,
    teacher     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
