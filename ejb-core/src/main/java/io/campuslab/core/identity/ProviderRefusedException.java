package io.campuslab.core.identity;

/**
 * A school's identity provider cannot be connected as given: its discovery document cannot be read,
 * or names another issuer. Nothing was connected.
 */
public class ProviderRefusedException extends DirectoryRefusedException {

    public ProviderRefusedException(String messageKey, String detail, Object... arguments) {
        super(messageKey, detail, arguments);
    }
}
