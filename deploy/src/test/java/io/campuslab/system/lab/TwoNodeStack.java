package io.campuslab.system.lab;

import io.campuslab.devstack.LocalStack;
import io.campuslab.devstack.PortalNode;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack of {@code ./campuslab run --nodes 2}, from empty data, for the tests of several portal
 * nodes: MariaDB, Keycloak, the dev-cluster and two supervised WildFly nodes with the EAR on one
 * database. It runs in a test run of its own ({@code two-nodes} in deploy/pom.xml), on the ports of
 * the other system tests, which have stopped by then.
 */
public class TwoNodeStack implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TwoNodeStack.class);
    private static volatile LocalStack started;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    static LocalStack stack() {
        LocalStack stack = started;
        if (stack == null) {
            throw new IllegalStateException("The two-node stack has not started");
        }
        return stack;
    }

    static PortalNode node(int number) {
        return stack().settings().node(number);
    }

    private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Running start() {
            new java.io.File(System.getProperty("java.io.tmpdir")).mkdirs();
            LocalStack stack = new LocalStack(StackExtension.settings(), System.out).withFreshData();
            try {
                stack.startServices().startPortal(2).supervise();
                started = stack;
                KeycloakAdmin.cheapPasswordHashes();
                return new Running(stack);
            } catch (Exception e) {
                stack.close();
                throw new IllegalStateException("The two-node stack did not start: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
