package io.campuslab.web.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.campuslab.core.account.WorkspaceArchive;
import io.campuslab.core.account.WorkspaceFolders;
import io.campuslab.core.identity.CallerProfile;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.web.classroom.BrowserZone;
import io.campuslab.web.layout.ErrorMessages;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/**
 * All a member the school removed still sees, on every page: when their account and workspace are
 * deleted, and their workspace to download until then.
 */
@Route("leaving")
@PermitAll
public class LeavingView extends VerticalLayout implements HasDynamicTitle {

    @Inject
    public LeavingView(SignedInMember signedIn, WorkspaceArchive archive) {
        CallerProfile profile = signedIn.current();
        add(new H2(getTranslation("leaving.title")));
        Paragraph until = new Paragraph();
        until.setId("leaving-until");
        add(until);
        profile.leavingUntil().ifPresentOrElse(
                deleteAfter -> BrowserZone.whenKnown(com.vaadin.flow.component.UI.getCurrent(), () -> until.setText(
                        getTranslation("leaving.until", BrowserZone.when(deleteAfter, BrowserZone.of(getUI().orElseThrow()))))),
                () -> until.setText(getTranslation("leaving.not-leaving")));
        try {
            WorkspaceFolders folders = archive.own();
            DownloadHandler zip = event -> {
                event.setFileName(folders.archiveName());
                event.setContentType("application/zip");
                try (var out = event.getOutputStream()) {
                    folders.writeZip(out);
                }
            };
            Anchor download = new Anchor(zip, AttachmentType.DOWNLOAD, getTranslation("leaving.download"));
            download.setId("workspace-download");
            add(download);
        } catch (CampusLabException e) {
            // a removed member's labs are being stopped for them: they cannot stop them themselves
            boolean stopping = profile.leavingUntil().isPresent() && "error.workspace.lab-running".equals(e.messageKey());
            Paragraph why = new Paragraph(stopping ? getTranslation("leaving.labs-stopping") : ErrorMessages.text(e, getLocale()));
            why.setId("workspace-unavailable");
            add(why);
        }
        add(new Anchor("logout", getTranslation("nav.logout")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("leaving.title");
    }
}
