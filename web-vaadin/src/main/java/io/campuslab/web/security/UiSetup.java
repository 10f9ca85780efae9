package io.campuslab.web.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.core.identity.SignInRefusedException;
import io.campuslab.web.i18n.LanguagePreference;
import io.campuslab.web.layout.PortalErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Wires every session and UI: the remembered language, the one error handler, the sign-in check
 * (a person the portal cannot admit sees why), and the access annotations of the routes. A page
 * whose session is gone (its portal node stopped, the session timed out, the request answered by
 * the single sign-on instead) reloads at once rather than asking to be clicked: the reload signs the
 * person in again through Keycloak's session, and everything saved is in the database.
 */
@ApplicationScoped
public class UiSetup {

    @Inject
    SignedInMember member;

    void onServiceInit(@Observes ServiceInitEvent event) {
        NavigationAccessControl accessControl = new NavigationAccessControl();
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            return messages;
        });
        event.getSource().addSessionInitListener(init -> {
            LanguagePreference.restore(init.getSession(), init.getRequest());
            init.getSession().setErrorHandler(new PortalErrorHandler());
        });
        event.getSource().addUIInitListener(init -> {
            init.getUI().addBeforeEnterListener(this::requireMembership);
            init.getUI().addBeforeEnterListener(accessControl);
        });
    }

    private void requireMembership(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == SignInRefusedView.class) {
            return;
        }
        try {
            CallerProfile profile = member.recheck();
            if (profile.leavingUntil().isPresent() && event.getNavigationTarget() != LeavingView.class) {
                // a member the school removed sees only their workspace's download, at its own address
                event.forwardTo(LeavingView.class);
            }
        } catch (SignInRefusedException e) {
            event.rerouteTo(SignInRefusedView.class, new RouteParameters("reason", e.messageKey()));
        }
    }
}
