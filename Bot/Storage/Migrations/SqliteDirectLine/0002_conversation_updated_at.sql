-- When a conversation last had an activity, for the retention sweep (activity bodies are encrypted, their timestamps unreadable to SQL).
-- NULL for conversations from before: the sweep falls back to created_at.
ALTER TABLE dl_conversations ADD COLUMN updated_at TEXT NULL;
