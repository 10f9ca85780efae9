package io.campuslab.core.identity;

import io.campuslab.domain.identity.Role;

/**
 * A school's SAML 2.0 provider as an admin enters it: its metadata, by address or as the XML itself,
 * the attribute that names a person (none: the assertion's subject), and how roles come from an
 * attribute. Checked by {@link SchoolSignInService}.
 */
public record SamlProviderDraft(String displayName, String metadataUrl, String metadataXml, String usernameAttribute,
                                String roleAttribute, String teacherValue, String adminValue, Role defaultRole) {

    @Override
    public String toString() {
        return "SamlProviderDraft[" + displayName + ", " + (metadataUrl != null ? metadataUrl : "metadata XML") + "]";
    }
}
