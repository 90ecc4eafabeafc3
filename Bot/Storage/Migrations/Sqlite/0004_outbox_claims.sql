-- A worker claims the outbox rows it sends (and follows up on) until claimed_until, so no row is handled twice at once.
ALTER TABLE declaration_outbox ADD COLUMN claimed_until TEXT NULL;
