package io.campuslab.web.gateway;

import io.campuslab.core.gateway.GatewayDirectory;
import io.campuslab.core.gateway.GatewayRefresh;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Hands this node's gateway directory to the gateway handler, which Undertow made before CDI could. */
@WebListener
public class GatewayPublisher implements ServletContextListener {

    static final String DIRECTORY = GatewayDirectory.class.getName();

    @Inject
    GatewayRefresh gateway;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(DIRECTORY, gateway.directory());
    }
}
