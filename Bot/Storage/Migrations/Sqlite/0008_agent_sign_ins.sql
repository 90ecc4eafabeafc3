-- Agents' sign-out generations and sign-in failures (kept across restarts). account: the account name in lower case.
CREATE TABLE IF NOT EXISTS agent_sign_ins (
    account      TEXT PRIMARY KEY NOT NULL,
    generation   INTEGER NOT NULL DEFAULT 0,
    failures     INTEGER NOT NULL DEFAULT 0,
    lockouts     INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NULL
);
