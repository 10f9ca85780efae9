package io.campuslab.web.gateway;

import io.campuslab.core.gateway.GatewayDirectory;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.util.function.Supplier;

/**
 * Puts the lab gateway in front of the portal's servlets: requests for {@code /labs/...} (or for a
 * lab's own host) never reach Vaadin, the REST API or the portal's sign-in.
 */
public class GatewayExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> gateway(next,
                () -> (GatewayDirectory) context.getAttribute(GatewayPublisher.DIRECTORY)));
    }

    /** The gateway in front of another handler, for a directory; also what the benchmark measures. */
    public static HttpHandler gateway(HttpHandler next, Supplier<GatewayDirectory> directory) {
        return new LabGatewayHandler(next, directory);
    }
}
