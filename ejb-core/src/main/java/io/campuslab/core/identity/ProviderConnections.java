package io.campuslab.core.identity;

/**
 * The port to the identity broker's list of school identity providers. The production adapter
 * speaks Keycloak's admin REST API with the portal's service account.
 */
public interface ProviderConnections {

    /**
     * Connects the school's provider, or sets one of that alias anew: the provider itself, and the
     * mappers that put everyone who comes through it into the school's group with the role its claims
     * give. Checks the provider's discovery document first: its issuer must be the one given.
     *
     * @throws DirectoryRefusedException if the provider cannot be reached or read, or Keycloak refuses the setup
     */
    void connect(ProviderSetup setup) throws DirectoryUnavailableException;

    /** Removes the provider of this alias, if there is one; people who came through it keep their accounts. */
    void disconnect(String alias) throws DirectoryUnavailableException;
}
