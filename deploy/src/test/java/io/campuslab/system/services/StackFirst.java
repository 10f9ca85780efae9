package io.campuslab.system.services;

import io.campuslab.system.StackExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the test stack before Arquillian deploys, as {@link StackExtension} does for every system
 * test; inside the server, where the same class runs its tests, there is nothing to start.
 */
public class StackFirst implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("jboss.server.base.dir") == null) {
            new StackExtension().beforeAll(context);
        }
    }
}
