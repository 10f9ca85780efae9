-- The scheduler's lease: one node of a cluster runs the scheduler at a time. The holder renews the
-- lease every pass; another node takes it over once it has expired.
CREATE TABLE scheduler_leases (
    name       VARCHAR(32)  NOT NULL,
    holder     VARCHAR(255) NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO scheduler_leases (name, holder, expires_at) VALUES ('labs', '', '2000-01-01 00:00:00');
