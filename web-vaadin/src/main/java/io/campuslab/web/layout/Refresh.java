package io.campuslab.web.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.shared.Registration;

/** Keeps a view current while it is shown: the browser polls, and the poll listener goes with the view. */
public final class Refresh {

    private Refresh() {
    }

    /** Runs {@code refresh} every {@code millis} while the view is attached; nothing is left behind after. */
    public static void whileShown(Component view, int millis, SerializableRunnable refresh) {
        Registration[] polling = new Registration[1];
        view.addAttachListener(attach -> {
            attach.getUI().setPollInterval(millis);
            polling[0] = attach.getUI().addPollListener(poll -> refresh.run());
        });
        view.addDetachListener(detach -> {
            detach.getUI().setPollInterval(-1);
            if (polling[0] != null) {
                polling[0].remove();
                polling[0] = null;
            }
        });
    }
}
