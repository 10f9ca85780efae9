package io.campuslab.core.identity;

/**
 * The port to where schools' directories are read. Each directory is read by a realm of its own,
 * which CampusLab's realm brokers as the school's OpenID provider: two schools' directories never
 * share a user name, and everyone who comes through one belongs to its school only. The production
 * adapter speaks Keycloak's admin API with an account that may create realms and manage those it
 * created, and nothing else; without that account directories are off.
 */
public interface DirectoryConnections {

    /** Whether the operator gave CampusLab the account that reads directories. */
    boolean enabled();

    /**
     * Reads the school's directory from now on, or reads it anew as set here: first binds as the
     * reading account (a directory that cannot be reached, or refuses the account, changes nothing).
     *
     * @return the realm that reads it, to broker as the school's provider: its issuer, and the secret of
     *         its client (the one given for a new realm, the one it has for a realm set anew)
     * @throws ProviderRefusedException if the directory cannot be reached or refuses the reading account
     */
    DirectoryRealm connect(DirectorySetup setup) throws DirectoryUnavailableException;

    /** The realm that reads a school's directory, as CampusLab's realm brokers it. */
    record DirectoryRealm(String issuer, String brokerSecret) {

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "DirectoryRealm[" + issuer + "]";
        }
    }

    /** Stops reading the directory of this alias and forgets what was read from it, if anything. */
    void disconnect(String alias) throws DirectoryUnavailableException;
}
