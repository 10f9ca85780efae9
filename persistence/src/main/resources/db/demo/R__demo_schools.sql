-- The demo schools of the local stack (./campuslab run), matching the groups of the demo realm in
-- keycloak-realm/. Applied only when campuslab.demo-data is true; safe to apply again.
-- North High has 2 GPUs, so that one GPU lab of two GPUs uses them up and the next waits in the queue.
-- West Side School signs in through its own OpenID provider (the realm west-side-idp of the same
-- Keycloak), connected as the realm's provider west-side-oidc; e-mail addresses @westside.example go there.
INSERT INTO tenants (slug, display_name, status, namespace, created_at, version, quota_gpus)
VALUES ('north-high', 'North High School', 'ACTIVE', 'cl-north-high', CURRENT_TIMESTAMP(6), 0, 2),
       ('south-academy', 'South Academy', 'ACTIVE', 'cl-south-academy', CURRENT_TIMESTAMP(6), 0, 4),
       ('west-side', 'West Side School', 'ACTIVE', 'cl-west-side', CURRENT_TIMESTAMP(6), 0, 0)
ON DUPLICATE KEY UPDATE display_name = VALUES(display_name), quota_gpus = VALUES(quota_gpus);

INSERT INTO sign_in_providers (tenant_id, alias, kind, display_name, location, client_id, username_claim, role_claim,
                               teacher_value, admin_value, default_role, created_at, version)
SELECT id, 'west-side-oidc', 'OIDC', 'West Side School', 'http://localhost:8180/realms/west-side-idp', 'campuslab',
       'preferred_username', 'roles', 'staff', NULL, 'STUDENT', CURRENT_TIMESTAMP(6), 0
FROM tenants WHERE slug = 'west-side'
ON DUPLICATE KEY UPDATE display_name = VALUES(display_name);

INSERT INTO school_email_domains (domain, tenant_id)
SELECT 'westside.example', id FROM tenants WHERE slug = 'west-side'
ON DUPLICATE KEY UPDATE tenant_id = VALUES(tenant_id);
