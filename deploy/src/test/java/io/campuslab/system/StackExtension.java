package io.campuslab.system;

import io.campuslab.devcluster.DevCluster;
import io.campuslab.devstack.LocalStack;
import io.campuslab.devstack.StackException;
import io.campuslab.devstack.StackSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts MariaDB, Keycloak and the dev-cluster once per test run, from empty data (every run sees the
 * same demo realm and schools), on ports moved by 10000 so that a
 * running {@code ./campuslab run} is left alone, and prepares the server Arquillian then boots
 * (arquillian.xml reads the system properties set here). Must be registered before Arquillian.
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
    static DevCluster devCluster() {
        LocalStack stack = started;
        if (stack == null) {
            throw new IllegalStateException("The test stack has not started");
        }
        return stack.devCluster().orElseThrow(() -> new IllegalStateException("The test stack runs without its dev-cluster"));
    }

    static StackSettings settings() {
        return StackSettings.forTests(Path.of(System.getProperty("campuslab.it.home", "target/it-stack")), PORT_OFFSET);
    }

    private record Running(LocalStack stack) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Running start() {
            LocalStack stack = new LocalStack(settings(), System.out).withFreshData();
            try {
                stack.startServices();
                List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx1g", "-XX:MaxMetaspaceSize=512m",
                        "-Djava.net.preferIPv4Stack=true"));
                Path home = stack.prepareServerForArquillian(settings().home().resolve("wildfly"), jvm);
                System.setProperty("campuslab.it.wildfly.home", home.toString());
                System.setProperty("campuslab.it.jvm-args", String.join(" ", jvm));
                System.setProperty("campuslab.it.management-port", Integer.toString(settings().wildflyManagementPort()));
                System.setProperty("campuslab.it.ear", stack.ear().toString());
                started = stack;
                return new Running(stack);
            } catch (StackException e) {
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
