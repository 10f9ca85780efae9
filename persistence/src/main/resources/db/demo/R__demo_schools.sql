-- The demo schools of the local stack (./campuslab run), matching the groups of the demo realm in
-- keycloak-realm/. Applied only when campuslab.demo-data is true; safe to apply again.
INSERT INTO tenants (slug, display_name, status, namespace, created_at, version)
VALUES ('north-high', 'North High School', 'ACTIVE', 'cl-north-high', CURRENT_TIMESTAMP(6), 0),
       ('south-academy', 'South Academy', 'ACTIVE', 'cl-south-academy', CURRENT_TIMESTAMP(6), 0)
ON DUPLICATE KEY UPDATE display_name = VALUES(display_name);
