package io.campuslab.devcluster;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one dev-cluster per test run, on a free port, shared by every test class that
 * uses {@code @ExtendWith(DevClusterExtension.class)} and injected as a {@link DevCluster} parameter.
 */
public class DevClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DevCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    private static DevCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).cluster;
    }

    /** Closed by JUnit when the run ends. */
    private record Running(DevCluster cluster) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Running start() {
            try {
                Path kubeconfig = Files.createTempDirectory("dev-cluster").resolve("kubeconfig");
                return new Running(DevCluster.start(0, kubeconfig));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
