package io.campuslab.web.identity;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.campuslab.core.identity.ClassList;
import java.util.function.Consumer;

/** The upload of a class list (one CSV, at most a class list's size), handed to the page's thread once read. */
final class ClassListUpload {

    private ClassListUpload() {
    }

    static Upload of(String id, Consumer<byte[]> onFile) {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> onFile.accept(bytes))));
        upload.setId(id);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ClassList.MAX_BYTES);
        return upload;
    }
}
