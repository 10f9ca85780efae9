package io.campuslab.web.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.campuslab.core.identity.SignInRefusedException;
import jakarta.annotation.security.PermitAll;

/** Shown to a person whom single sign-on let in but CampusLab cannot admit, with the reason. */
@Route("refused/:reason")
@PermitAll
public class SignInRefusedView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Paragraph reason = new Paragraph();

    public SignInRefusedView() {
        reason.setId("refused-reason");
        add(new H2(getTranslation("refused.title")), reason,
                new Anchor("logout", getTranslation("nav.logout")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("reason").orElse("");
        reason.setText(getTranslation(SignInRefusedException.isReason(key) ? key : "error.membership.no-role"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("refused.title");
    }
}
