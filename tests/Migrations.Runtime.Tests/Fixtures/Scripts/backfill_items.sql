-- migrations: no-transaction
SELECT 1;

-- migrations: backfill key=id
UPDATE items SET touched = touched + 1, label = upper(label) WHERE label LIKE 'item %';
