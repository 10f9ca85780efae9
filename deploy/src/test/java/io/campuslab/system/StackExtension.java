package io.campuslab.system;

import io.campuslab.devcluster.DevCluster;
import io.campuslab.devstack.LocalStack;
import io.campuslab.devstack.StackSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole stack once per test run, as {@code ./campuslab run} does — MariaDB, Keycloak, the
 * dev-cluster and WildFly with the EAR the build produced, deployed once — from empty data (every run
 * sees the same demo realm and schools), on ports moved by 10000 so that a running
 * {@code ./campuslab run} is left alone. Arquillian then connects to that server (arquillian.xml reads
 * the system properties set here) rather than deploying the EAR again for each class. Must be
 * registered before Arquillian.
 */
public class StackExtension implements BeforeAllCallback {

    public static final int PORT_OFFSET = 10_000;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    private static volatile LocalStack started;

    /** The stack's dev-cluster, for tests that inspect it or make it fail. */
    public static DevCluster devCluster() {
        LocalStack stack = started;
        if (stack == null) {
            throw new IllegalStateException("The test stack has not started");
        }
        return stack.devCluster().orElseThrow(() -> new IllegalStateException("The test stack runs without its dev-cluster"));
    }

    public static StackSettings settings() {
        return StackSettings.forTests(Path.of(System.getProperty("campuslab.it.home", "target/it-stack")), PORT_OFFSET);
    }

    private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Running start() {
            LocalStack stack = new LocalStack(settings(), System.out).withFreshData();
            try {
                stack.startServices().startPortal();
                System.setProperty("campuslab.it.wildfly.home", stack.wildflyHome().toString());
                System.setProperty("campuslab.it.management-port", Integer.toString(settings().wildflyManagementPort()));
                started = stack;
                KeycloakAdmin.cheapPasswordHashes();
                return new Running(stack);
            } catch (Exception e) {
                stack.close();
                throw new IllegalStateException("The test stack did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
