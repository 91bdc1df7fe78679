-- migrations: backfill
UPDATE items SET touched = 1;
