-- The ASP.NET Core Data Protection key ring (sign-in cookies, antiforgery tokens), shared by every replica.
-- Each key's XML is encrypted with the data key before it is stored.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text NOT NULL,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
