package io.campuslab.web.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Any failure no view handled: logged in full, shown to the person in their language. */
public class PortalErrorHandler implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(PortalErrorHandler.class.getName());

    @Override
    public void error(ErrorEvent event) {
        LOG.log(Level.WARNING, "Unhandled failure in the portal", event.getThrowable());
        if (UI.getCurrent() != null) {
            UI.getCurrent().access(() -> ErrorMessages.show(event.getThrowable()));
        }
    }
}
