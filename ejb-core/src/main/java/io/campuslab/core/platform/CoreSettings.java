package io.campuslab.core.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the core, read once from MicroProfile Config: system properties first, then
 * environment variables ({@code campuslab.demo-data} is {@code CAMPUSLAB_DEMO_DATA}), then these
 * defaults. docs/operators/configuration.md lists them all.
 */
@ApplicationScoped
public class CoreSettings {

    /** Seed the demo schools (north-high, south-academy) of the local stack. Never in production. */
    @Inject
    @ConfigProperty(name = "campuslab.demo-data", defaultValue = "false")
    boolean demoData;

    /**
     * Path of a kubeconfig file for the cluster. Empty: the in-cluster service account when running in
     * a pod, otherwise {@code $KUBECONFIG} or {@code ~/.kube/config}.
     */
    @Inject
    @ConfigProperty(name = "campuslab.kubernetes.kubeconfig")
    Optional<String> kubeconfig;

    /** How long one call to the Kubernetes API may take before it counts as failed. */
    @Inject
    @ConfigProperty(name = "campuslab.kubernetes.call-timeout", defaultValue = "PT10S")
    Duration kubernetesCallTimeout;

    /**
     * The portal's service account as {@code namespace:name}: each school namespace binds the role
     * {@code campuslab-school} to it, which holds everything the portal does in a school's namespace.
     */
    @Inject
    @ConfigProperty(name = "campuslab.kubernetes.service-account", defaultValue = "campuslab:campuslab-portal")
    String kubernetesServiceAccount;

    /** The OpenID provider (Keycloak realm) URL; the same key the server's OIDC configuration reads. */
    @Inject
    @ConfigProperty(name = "campuslab.oidc.provider-url", defaultValue = "http://localhost:8180/realms/campuslab")
    String oidcProviderUrl;

    /** The portal's confidential client; its service account manages school groups and members. */
    @Inject
    @ConfigProperty(name = "campuslab.oidc.client-id", defaultValue = "campuslab-portal")
    String oidcClientId;

    @Inject
    @ConfigProperty(name = "campuslab.oidc.client-secret", defaultValue = "campuslab-dev-secret")
    String oidcClientSecret;

    /**
     * The account that reads schools' LDAP and Active Directory directories: a client of Keycloak's
     * {@code directories.realm} (the master realm) whose service account holds {@code create-realm} and
     * nothing else. Each directory is read by a realm of its own that this account creates and manages;
     * CampusLab's realm stays out of its reach. Without its secret, directories are off.
     */
    @Inject
    @ConfigProperty(name = "campuslab.directories.client-id", defaultValue = "campuslab-directories")
    String directoriesClientId;

    @Inject
    @ConfigProperty(name = "campuslab.directories.client-secret")
    Optional<String> directoriesClientSecret;

    @Inject
    @ConfigProperty(name = "campuslab.directories.realm", defaultValue = "master")
    String directoriesRealm;

    /**
     * The storage base: where workspaces, course material and datasets live ({@code workspaces/},
     * {@code courses/}, {@code datasets/} below it) unless the platform settings name other roots.
     * Empty: {@code campuslab-storage} in the server's data directory.
     */
    @Inject
    @ConfigProperty(name = "campuslab.storage.root")
    Optional<String> storageRoot;

    /** Whether this node takes part in the lab scheduler (one node at a time runs it, by lease). */
    @Inject
    @ConfigProperty(name = "campuslab.scheduler.enabled", defaultValue = "true")
    boolean schedulerEnabled;

    /** Time between scheduler passes. */
    @Inject
    @ConfigProperty(name = "campuslab.scheduler.interval", defaultValue = "PT5S")
    Duration schedulerInterval;

    /** How long a lab's pod that no node can take may wait before the lab fails. */
    @Inject
    @ConfigProperty(name = "campuslab.scheduler.unschedulable-patience", defaultValue = "PT10M")
    Duration unschedulablePatience;

    /** How long a lab's server may take to answer once its container runs before the lab fails. */
    @Inject
    @ConfigProperty(name = "campuslab.scheduler.answer-patience", defaultValue = "PT5M")
    Duration answerPatience;

    /**
     * How long a removed member's account and workspace are kept (they may download the workspace
     * meanwhile) before they are deleted; at least ten seconds.
     */
    @Inject
    @ConfigProperty(name = "campuslab.accounts.removal-grace", defaultValue = "P30D")
    Duration removalGrace;

    public Duration removalGrace() {
        return removalGrace.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : removalGrace;
    }

    public boolean schedulerEnabled() {
        return schedulerEnabled;
    }

    public Duration schedulerInterval() {
        return schedulerInterval;
    }

    public Duration unschedulablePatience() {
        return unschedulablePatience;
    }

    public Duration answerPatience() {
        return answerPatience;
    }

    public java.nio.file.Path storageRoot() {
        return java.nio.file.Path.of(storageRoot.filter(root -> !root.isBlank())
                .orElseGet(() -> System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                        + "/campuslab-storage")).toAbsolutePath().normalize();
    }

    public String oidcProviderUrl() {
        return oidcProviderUrl;
    }

    public String oidcClientId() {
        return oidcClientId;
    }

    public String oidcClientSecret() {
        return oidcClientSecret;
    }

    public String directoriesClientId() {
        return directoriesClientId;
    }

    public Optional<String> directoriesClientSecret() {
        return directoriesClientSecret.filter(secret -> !secret.isBlank());
    }

    public String directoriesRealm() {
        return directoriesRealm;
    }

    /** Keycloak's own address, the part of the provider URL before {@code /realms/}. */
    public String keycloakUrl() {
        int realms = oidcProviderUrl.indexOf("/realms/");
        return realms < 0 ? oidcProviderUrl.replaceAll("/+$", "") : oidcProviderUrl.substring(0, realms);
    }

    public boolean demoData() {
        return demoData;
    }

    public Optional<String> kubeconfig() {
        return kubeconfig.filter(path -> !path.isBlank());
    }

    public String kubernetesServiceAccount() {
        return kubernetesServiceAccount;
    }

    public Duration kubernetesCallTimeout() {
        return kubernetesCallTimeout;
    }
}
