-- The scheduler lease's fencing number: each takeover by another node (or after the term ran out)
-- increments it, and every scheduler write checks it in its own transaction, so a node whose pass
-- outlived its lease writes nothing more.
ALTER TABLE scheduler_leases ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;
