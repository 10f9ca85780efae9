package io.campuslab.core.dataset;

import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.storage.ImportedFiles;
import io.campuslab.core.storage.StoredFolders;
import io.campuslab.core.storage.UploadRejectedException;
import io.campuslab.core.storage.UploadTarget;
import io.campuslab.core.storage.ZipImport;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * Puts an uploaded zip in place of a dataset's files. Extracting can take minutes, so no
 * transaction is open meanwhile: the target is read before, the result recorded after.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatasetUploads {

    @Inject
    DatasetService datasets;

    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public DatasetSummary replaceFiles(String name, Path archive)
            throws NotPermittedException, NotFoundException, UploadRejectedException {
        UploadTarget target = datasets.uploadTarget(name);
        ImportedFiles imported = new ZipImport(target.limits()).replace(archive, target.folder(), target.bytesAvailable());
        return datasets.filesReplaced(name, imported);
    }

    /** Deletes the dataset, then its files (the record goes first, so no dataset points at missing files). */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public void deleteDataset(String name) throws NotPermittedException, NotFoundException {
        StoredFolders.delete(datasets.delete(name));
    }
}
