package io.campuslab.web.gateway;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts the lab gateway in front of the portal's servlets: requests for {@code /labs/...} (or for a
 * lab's own host) never reach Vaadin, the REST API or the portal's sign-in.
 */
public class GatewayExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new LabGatewayHandler(next, context));
    }
}
