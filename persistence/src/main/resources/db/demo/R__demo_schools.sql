-- The demo schools of the local stack (./campuslab run), matching the groups of the demo realm in
-- keycloak-realm/. Applied only when campuslab.demo-data is true; safe to apply again.
-- North High has 2 GPUs, so that one GPU lab of two GPUs uses them up and the next waits in the queue.
INSERT INTO tenants (slug, display_name, status, namespace, created_at, version, quota_gpus)
VALUES ('north-high', 'North High School', 'ACTIVE', 'cl-north-high', CURRENT_TIMESTAMP(6), 0, 2),
       ('south-academy', 'South Academy', 'ACTIVE', 'cl-south-academy', CURRENT_TIMESTAMP(6), 0, 4)
ON DUPLICATE KEY UPDATE display_name = VALUES(display_name), quota_gpus = VALUES(quota_gpus);
