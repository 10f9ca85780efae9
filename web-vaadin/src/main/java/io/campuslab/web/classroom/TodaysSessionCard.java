package io.campuslab.web.classroom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.function.SerializableRunnable;
import io.campuslab.core.classroom.SessionCard;
import io.campuslab.core.classroom.SessionSummary;
import io.campuslab.core.classroom.TodaysSessions;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.domain.classroom.SessionPhase;
import io.campuslab.domain.lab.LabState;
import io.campuslab.web.layout.ErrorMessages;
import java.time.Instant;
import java.time.ZoneId;

/**
 * "Today's session" on a student's page: the class, its window and a countdown, and one button —
 * open the prepared lab, or ask for one in one's seat (a late student, or a session that prepares
 * labs on demand).
 */
public class TodaysSessionCard extends Div {

    public TodaysSessionCard(SessionCard card, ZoneId zone, TodaysSessions today, SerializableRunnable changed) {
        SessionSummary session = card.session();
        setId("session-card-" + session.id());
        addClassName("session-card");
        getStyle().set("border", "1px solid var(--lumo-primary-color-50pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("background", "var(--lumo-primary-color-10pct)");
        H4 title = new H4(getTranslation("session.today", session.classroom()));
        title.getStyle().set("margin-top", "0");
        Span window = new Span(session.template() + " · " + BrowserZone.time(session.startsAt(), zone) + "–"
                + BrowserZone.time(session.endsAt(), zone));
        String next = BrowserZone.countdown(this, session, Instant.now(), zone);
        Span countdown = new Span(next.isEmpty() ? getTranslation(session.phase().messageKey()) : next);
        countdown.setId("session-countdown");
        countdown.getStyle().set("display", "block").set("font-weight", "bold");
        add(title, window, countdown);
        LabView lab = card.labOrNull();
        if (lab != null) {
            String words = getTranslation("lab.state." + lab.state().name().toLowerCase());
            Span state = new Span(lab.state() == LabState.RUNNING ? words
                    : words + " · " + getTranslation(lab.reasonKey(), lab.reasonDetail()));
            state.setId("session-lab-state");
            state.getStyle().set("display", "block");
            add(state);
        }
        if (lab != null && lab.state() == LabState.RUNNING) {
            Button button = new Button(getTranslation("session.open-lab"), VaadinIcon.EXTERNAL_LINK.create());
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Anchor open = new Anchor("open-lab/" + lab.id(), button);
            open.setTarget("_blank");
            open.getElement().setAttribute("router-ignore", true);
            open.setId("session-open");
            add(open);
        } else if (lab == null && (session.phase() == SessionPhase.PREPARING || session.phase() == SessionPhase.LIVE)) {
            Button ask = new Button(getTranslation("session.open-lab"), VaadinIcon.PLAY.create(), click -> {
                try {
                    today.open(session.id());
                    changed.run();
                } catch (CampusLabException e) {
                    ErrorMessages.show(e);
                }
            });
            ask.setId("session-open");
            ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(ask);
        }
    }
}
