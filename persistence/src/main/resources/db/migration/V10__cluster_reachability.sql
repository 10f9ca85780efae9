-- What the scheduler last saw of the Kubernetes API: since when it cannot be reached (NULL while it
-- answers) and what went wrong, so that every node of the portal tells waiting users the same.
ALTER TABLE scheduler_leases
    ADD COLUMN cluster_unreachable_since DATETIME(6)  NULL,
    ADD COLUMN cluster_problem           VARCHAR(255) NULL;
