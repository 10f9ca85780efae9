package io.campuslab.web.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * The portal's page shell: server push, so that a lab's state reaches the open page as soon as the
 * scheduler changes it. Long polling: plain HTTP requests that pass every proxy and the sign-in
 * filter like any other, where WebSockets may be cut by a school's network.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
public class PortalShell implements AppShellConfigurator {
}
