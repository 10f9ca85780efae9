-- The lab gateway: every lab is reached at /labs/<gateway key>/ (or <gateway key>.<lab domain>),
-- a key nobody can count to; the secret that signs the gateway's passes, shared by every portal node;
-- who other than the owner opened the lab last (the student sees it).
ALTER TABLE labs ADD COLUMN gateway_key VARCHAR(32) NULL;
-- Labs made before: a key from their id and two random values (new labs get theirs from SecureRandom)
UPDATE labs SET gateway_key = SUBSTRING(SHA2(CONCAT(id, '-', UUID(), '-', RAND()), 256), 1, 32) WHERE gateway_key IS NULL;
ALTER TABLE labs MODIFY gateway_key VARCHAR(32) NOT NULL;
CREATE UNIQUE INDEX ux_labs_gateway_key ON labs (gateway_key);
ALTER TABLE labs ADD COLUMN visited_by VARCHAR(255) NULL;
ALTER TABLE labs ADD COLUMN visited_at DATETIME(6) NULL;

CREATE TABLE gateway_secrets (
    id INT NOT NULL PRIMARY KEY,
    secret VARBINARY(64) NOT NULL,
    created_at DATETIME(6) NOT NULL
);
