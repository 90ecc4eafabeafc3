-- Agents' sign-out generations and sign-in failures, shared by replicas: a sign-out on one ends the cookie's copies on
-- all, and failures on any replica count towards one lockout. account: the account name in lower case.
CREATE TABLE agent_sign_ins (
    account      text PRIMARY KEY,
    generation   bigint NOT NULL DEFAULT 0,
    failures     integer NOT NULL DEFAULT 0,
    lockouts     integer NOT NULL DEFAULT 0,
    locked_until timestamptz NULL
);
