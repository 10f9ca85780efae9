package io.campuslab.web.storage;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.storage.Sizes;
import io.campuslab.core.storage.StoredFile;
import io.campuslab.web.layout.ErrorMessages;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of stored files (a dataset, a course's material): its title, a zip upload area for those
 * who may change it, and the list of its files. Ids are prefixed, e.g. {@code dataset-upload}.
 */
public class FolderPanel extends VerticalLayout {

    /** Reads the folder's files. */
    @FunctionalInterface
    public interface Files extends Serializable {
        List<StoredFile> list() throws CampusLabException;
    }

    /** Replaces the folder's files by an uploaded zip and says, in words, what is there now. */
    @FunctionalInterface
    public interface Replace extends Serializable {
        String replace(Path archive) throws CampusLabException;
    }

    private final String prefix;
    private final Files files;
    private final Grid<StoredFile> grid = new Grid<>();

    public FolderPanel(String prefix, String title, Files files, Replace replaceOrNull, Runnable afterReplace) {
        this.prefix = prefix;
        this.files = files;
        setPadding(false);
        H4 heading = new H4(title);
        heading.setId(prefix + "-detail-title");
        add(heading);
        if (replaceOrNull != null) {
            add(upload(replaceOrNull, afterReplace));
        }
        grid.setId(prefix + "-files");
        grid.addColumn(StoredFile::path).setHeader(getTranslation("files.file")).setFlexGrow(3);
        grid.addColumn(f -> Sizes.human(f.bytes())).setHeader(getTranslation("files.size"));
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private Upload upload(Replace replace, Runnable afterReplace) {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> replaceFrom(ui, replace, file, afterReplace)));
        upload.setId(prefix + "-upload");
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span(getTranslation("files.drop-zip")));
        return upload;
    }

    /** Runs on the upload's request thread: the service call first, then the screen under the UI lock. */
    private void replaceFrom(UI ui, Replace replace, File archive, Runnable afterReplace) {
        try {
            String outcome = replace.replace(archive.toPath());
            ui.access(() -> {
                refresh();
                afterReplace.run();
                ErrorMessages.notify(outcome, prefix + "-notification", NotificationVariant.LUMO_SUCCESS);
            });
        } catch (CampusLabException e) {
            ui.access(() -> ErrorMessages.notify(ErrorMessages.text(e, ui.getLocale()), prefix + "-upload-error",
                    NotificationVariant.LUMO_ERROR));
        } finally {
            archive.delete();
        }
    }

    private void refresh() {
        try {
            grid.setItems(files.list());
        } catch (CampusLabException e) {
            ErrorMessages.show(e);
        }
    }
}
