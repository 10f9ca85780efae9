package io.campuslab.core.course;

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
 * A course's material files: replacing them from an uploaded zip, and removing them with the course.
 * No transaction is open while files are written or deleted: the record changes first or last.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CourseMaterial {

    @Inject
    CourseService courses;

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public CourseSummary replaceMaterial(String name, Path archive)
            throws NotPermittedException, NotFoundException, UploadRejectedException {
        UploadTarget target = courses.uploadTarget(name);
        ImportedFiles imported = new ZipImport(target.limits()).replace(archive, target.folder(), target.bytesAvailable());
        return courses.materialReplaced(name, imported);
    }

    /** Deletes the course, then its material (the record goes first, so no course points at missing files). */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void deleteCourse(String name) throws NotPermittedException, NotFoundException {
        StoredFolders.delete(courses.delete(name));
    }
}
