-- A counter per kind of change that every portal node polls: a node that changed labs bumps it after
-- its commit, and the pages open on the other nodes refresh within a second or two.
CREATE TABLE change_signals (
    name    VARCHAR(32) NOT NULL,
    version BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO change_signals (name, version) VALUES ('labs', 0);
