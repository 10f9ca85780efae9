package io.campuslab.web.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.shared.Registration;
import io.campuslab.core.lab.LabSignals;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a view of labs current while it is shown: as soon as labs change on this server, the server
 * pushes a call-back request to the page, which refreshes the view as the signed-in member; the page
 * also polls slowly, for changes made on another server of a cluster. Nothing is left behind when
 * the view goes.
 */
public final class Refresh {

    private static final Logger LOG = Logger.getLogger(Refresh.class.getName());

    private Refresh() {
    }

    /**
     * Runs {@code refresh} when labs change and every {@code millis} while the view is attached.
     */
    public static void whileShown(Component view, int millis, LabSignals signals, SerializableRunnable refresh) {
        Registration[] polling = new Registration[1];
        AutoCloseable[] pushing = new AutoCloseable[1];
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.setPollInterval(millis);
            polling[0] = ui.addPollListener(poll -> refresh.run());
            // The signal comes on a server thread without the member's identity: it only asks the page to
            // call back, and the refresh runs in that request, as the member.
            pushing[0] = signals.subscribe(() -> ui.access(() -> ui.getPage().executeJs("return 1")
                    .then(answer -> refresh.run())));
        });
        view.addDetachListener(detach -> {
            detach.getUI().setPollInterval(-1);
            if (polling[0] != null) {
                polling[0].remove();
                polling[0] = null;
            }
            if (pushing[0] != null) {
                try {
                    pushing[0].close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "Unsubscribing a page from lab changes", e);
                }
                pushing[0] = null;
            }
        });
    }
}
