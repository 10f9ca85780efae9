-- A school's LDAP / Active Directory directory: where its people and groups are and the account
-- CampusLab reads as (its password stays in Keycloak). Empty for OpenID Connect and SAML providers.
ALTER TABLE sign_in_providers
    ADD COLUMN directory_vendor   VARCHAR(16),
    ADD COLUMN directory_bind_dn  VARCHAR(500),
    ADD COLUMN directory_users_dn VARCHAR(500),
    ADD COLUMN directory_groups_dn VARCHAR(500);
