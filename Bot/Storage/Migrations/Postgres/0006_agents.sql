-- The agents' and school's tables (directory, transcript, audit log, roster, settings), shared by replicas.
-- Personal values (the conversation reference, transcript texts) are encrypted with the data key by the stores.
CREATE TABLE student_directory (
    student_key     text PRIMARY KEY,
    channel_id      text NOT NULL,
    reference       text NOT NULL,
    last_activity   timestamptz NOT NULL,
    journey_state   text NOT NULL,
    escalation      text,
    question_key    text,
    waiting_since   timestamptz,
    resolved_at     timestamptz,
    held_by         text,
    held_since      timestamptz,
    roster_id       text,
    next_field      text
);
CREATE INDEX student_directory_queue ON student_directory (COALESCE(waiting_since, held_since)) WHERE escalation IS NOT NULL OR held_by IS NOT NULL;
CREATE TABLE transcript (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_key text NOT NULL,
    at          timestamptz NOT NULL,
    sender      text NOT NULL,
    text        text NOT NULL
);
CREATE INDEX transcript_student ON transcript (student_key, id);
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    user_name   text NOT NULL,
    student_key text NOT NULL,
    action      text NOT NULL
);
CREATE INDEX audit_log_student ON audit_log (student_key, id);
CREATE TABLE roster (
    student_id  text PRIMARY KEY,
    full_name   text NOT NULL,
    class_name  text NOT NULL,
    faculty     text NOT NULL,
    teacher     text NOT NULL
);
-- The bot links a chat user to the roster by the student id they typed, in any letter case.
CREATE INDEX roster_student_id_lower ON roster (lower(student_id));
CREATE TABLE settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);
