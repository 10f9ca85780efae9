package io.campuslab.web.lab;

import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.campuslab.core.lab.LabView;
import io.campuslab.domain.lab.LabState;

/** A lab's state in words: what it is, why (waiting reason or how it ended), its place in the queue and size. */
public class LabStatusCard extends Card {

    public LabStatusCard(LabView lab) {
        setId("lab-card");
        setTitle(lab.templateTitle());
        Span state = new Span(getTranslation("lab.state." + lab.state().name().toLowerCase()));
        state.setId("lab-state");
        state.getElement().getThemeList().add(switch (lab.state()) {
            case RUNNING -> "badge success";
            case FAILED -> "badge error";
            case QUEUED, PROVISIONING, STOPPING -> "badge contrast";
            case STOPPED -> "badge";
        });
        setSubtitle(state);
        Div reason = new Div(getTranslation(lab.reasonKey(), lab.reasonDetail()));
        reason.setId("lab-reason");
        add(reason);
        if (lab.state() == LabState.QUEUED && lab.queuePosition() != null) {
            Div position = new Div(getTranslation("lab.queue-position", lab.queuePosition()));
            position.setId("lab-queue-position");
            add(position);
            if (lab.startsBy() != null) {
                long minutes = Math.max(1, java.time.Duration.between(java.time.Instant.now(), lab.startsBy()).toMinutes());
                Div wait = new Div(getTranslation("lab.estimated-wait", minutes / 60, minutes % 60));
                wait.setId("lab-estimated-wait");
                add(wait);
            }
        }
        Div size = new Div(lab.gpus() > 0
                ? getTranslation("lab.size-gpu", lab.cpuMillis() / 1000.0, lab.memoryMib() / 1024.0, lab.gpus(), lab.gpuKey())
                : getTranslation("lab.size", lab.cpuMillis() / 1000.0, lab.memoryMib() / 1024.0));
        size.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(size);
        if (lab.lifetimeEndAt() != null) {
            long minutes = Math.max(0, java.time.Duration.between(java.time.Instant.now(), lab.lifetimeEndAt()).toMinutes());
            Div left = new Div(getTranslation("lab.lifetime-left", minutes / 60, minutes % 60));
            left.setId("lab-lifetime-left");
            left.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            add(left);
        }
        if (lab.visitedBy() != null) {
            Div visit = new Div(getTranslation("lab.visited-by", lab.visitedBy(),
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault()).format(lab.visitedAt())));
            visit.setId("lab-visited");
            visit.getElement().getThemeList().add("badge");
            add(visit);
        }
        setWidth("28rem");
    }
}
