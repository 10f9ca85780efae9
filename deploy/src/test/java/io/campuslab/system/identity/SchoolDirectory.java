package io.campuslab.system.identity;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.InetAddress;

/**
 * A school's LDAP directory, in memory, as an OpenLDAP server would hold it: people under
 * {@code ou=people}, groups ({@code groupOfNames} with {@code member} DNs) under {@code ou=groups},
 * and a read-only account CampusLab binds as. Keycloak reaches it at {@link #url()}.
 */
final class SchoolDirectory implements AutoCloseable {

    static final String BIND_PASSWORD = "directory-reader";
    static final String PASSWORD = "campuslab";

    private final String base;
    private final InMemoryDirectoryServer server;

    private SchoolDirectory(String base, InMemoryDirectoryServer server) {
        this.base = base;
        this.server = server;
    }

    /** A directory under {@code dc=<name>,dc=example} with its people and groups folders and its reader. */
    static SchoolDirectory start(String name) throws LDAPException {
        String base = "dc=" + name + ",dc=example";
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(base);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        // the reader may search; nobody may bind without a password
        config.setAuthenticationRequiredOperationTypes(com.unboundid.ldap.sdk.OperationType.SEARCH,
                com.unboundid.ldap.sdk.OperationType.COMPARE);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        add(server, "dn: " + base, "objectClass: top", "objectClass: domain", "dc: " + name);
        add(server, "dn: ou=people," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        add(server, "dn: ou=groups," + base, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        add(server, "dn: cn=campuslab-reader," + base, "objectClass: top", "objectClass: person",
                "cn: campuslab-reader", "sn: reader", "userPassword: " + BIND_PASSWORD);
        server.startListening();
        return new SchoolDirectory(base, server);
    }

    String url() {
        return "ldap://localhost:" + server.getListenPort();
    }

    String bindDn() {
        return "cn=campuslab-reader," + base;
    }

    String peopleDn() {
        return "ou=people," + base;
    }

    String groupsDn() {
        return "ou=groups," + base;
    }

    String personDn(String uid) {
        return "uid=" + uid + "," + peopleDn();
    }

    /** A person who signs in as {@code uid} with {@link #PASSWORD}, in these groups (created when new). */
    void addPerson(String uid, String givenName, String surname, String... groups) throws LDAPException {
        add(server, "dn: " + personDn(uid), "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + givenName + " " + surname, "givenName: " + givenName,
                "sn: " + surname, "mail: " + uid + "@" + base.replace("dc=", "").replace(",", "."), "userPassword: " + PASSWORD);
        for (String group : groups) {
            joinGroup(uid, group);
        }
    }

    void joinGroup(String uid, String group) throws LDAPException {
        String dn = "cn=" + group + "," + groupsDn();
        if (server.getEntry(dn) == null) {
            add(server, "dn: " + dn, "objectClass: top", "objectClass: groupOfNames", "cn: " + group, "member: " + personDn(uid));
        } else {
            server.modify(dn, new Modification(ModificationType.ADD, "member", personDn(uid)));
        }
    }

    void leaveGroup(String uid, String group) throws LDAPException {
        server.modify("cn=" + group + "," + groupsDn(), new Modification(ModificationType.DELETE, "member", personDn(uid)));
    }

    /** The person is gone from the directory, as when they leave the school. */
    void removePerson(String uid) throws LDAPException {
        server.delete(personDn(uid));
    }

    /** Adds an entry written as LDIF lines; a line that is not LDIF is the test's own mistake. */
    private static void add(InMemoryDirectoryServer server, String... ldif) throws LDAPException {
        try {
            server.add(ldif);
        } catch (com.unboundid.ldif.LDIFException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
