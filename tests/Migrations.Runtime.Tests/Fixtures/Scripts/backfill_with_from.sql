-- migrations: no-transaction
-- migrations: backfill
UPDATE items SET label = other.label FROM other WHERE other.id = items.id;
