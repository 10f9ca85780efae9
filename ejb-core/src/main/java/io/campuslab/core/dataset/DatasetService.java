package io.campuslab.core.dataset;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.core.storage.UploadLimits;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.storage.StoredFolders;
import io.campuslab.core.storage.ImportedFiles;
import io.campuslab.core.storage.StoredFile;
import io.campuslab.core.storage.UploadTarget;
import io.campuslab.domain.dataset.Dataset;
import io.campuslab.domain.dataset.DatasetRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.StorageUsage;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Datasets: a school's own, kept by its admin, and global ones, kept by the platform admin and
 * visible to every school. Files count against the owner school's storage quota.
 */
@Stateless
public class DatasetService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    private DatasetRepository datasets;

    @PostConstruct
    void init() {
        datasets = new DatasetRepository(em);
    }

    /** The datasets the caller's labs can read: the school's own and the global ones. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<DatasetSummary> list() throws NotPermittedException {
        Optional<Tenant> school = currentMember.require().tenant();
        return (school.isPresent() ? datasets.visibleTo(school.get()) : datasets.global()).stream()
                .map(DatasetSummary::of).toList();
    }

    /**
     * A school admin creates one of the school's datasets, under a name no global dataset has; the
     * platform admin a global one, under a name no school's dataset has.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public DatasetSummary create(String name, String displayName, String description)
            throws NotPermittedException, InvalidInputException, ConflictException {
        if (!TenantSlug.isValid(name)) {
            throw new InvalidInputException("error.dataset.name-invalid", name == null ? "" : name);
        }
        if (!Dataset.isValidDisplayName(displayName) || (description != null && description.length() > 2000)) {
            throw new InvalidInputException("error.dataset.display-name-invalid");
        }
        Optional<Tenant> school = currentMember.require().tenant();
        boolean taken = school.isPresent() ? datasets.findVisible(name, school.get()).isPresent() : datasets.anyNamed(name);
        if (taken) {
            throw new ConflictException("error.dataset.exists", name);
        }
        Dataset dataset = new Dataset(name, displayName, description, school, clock.instant());
        datasets.add(dataset);
        em.flush();
        audit.record(school.map(s -> s.slug().value()).orElse(null), "dataset.created", name, displayName);
        return DatasetSummary.of(dataset);
    }

    /** A new title and description for a dataset the caller may change. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public DatasetSummary update(String name, String displayName, String description)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        if (!Dataset.isValidDisplayName(displayName) || (description != null && description.length() > 2000)) {
            throw new InvalidInputException("error.dataset.display-name-invalid");
        }
        Dataset dataset = changeable(name);
        dataset.describe(displayName, description);
        audit.record(dataset.owner().map(s -> s.slug().value()).orElse(null), "dataset.changed", name, displayName);
        return DatasetSummary.of(dataset);
    }

    /** Deletes the record of a dataset the caller may change; returns its folder, for the files to follow. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public Path delete(String name) throws NotPermittedException, NotFoundException {
        Dataset dataset = changeable(name);
        Path folder = folderOf(dataset);
        datasets.remove(dataset);
        audit.record(dataset.owner().map(s -> s.slug().value()).orElse(null), "dataset.deleted", name, null);
        return folder;
    }

    /** Where the files of a dataset the caller may change go, and the storage left for them. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public UploadTarget uploadTarget(String name) throws NotPermittedException, NotFoundException {
        Dataset dataset = changeable(name);
        long available = dataset.owner()
                .map(school -> new StorageUsage(em).availableFor(school, dataset.sizeBytes()))
                .orElse(Long.MAX_VALUE);
        return new UploadTarget(folderOf(dataset), available, UploadLimits.of(settings.current()));
    }

    /** Records what an upload put in place. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public DatasetSummary filesReplaced(String name, ImportedFiles files) throws NotPermittedException, NotFoundException {
        Dataset dataset = changeable(name);
        dataset.filesReplaced(files.files(), files.bytes(), clock.instant());
        audit.record(dataset.owner().map(s -> s.slug().value()).orElse(null), "dataset.files-replaced", name,
                files.files() + " files, " + files.bytes() + " bytes");
        return DatasetSummary.of(dataset);
    }

    /** The files of a dataset the caller can see, sorted by path. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<StoredFile> files(String name) throws NotPermittedException, NotFoundException {
        return StoredFolders.files(folderOf(visible(name)));
    }

    private Dataset visible(String name) throws NotPermittedException, NotFoundException {
        Optional<Tenant> school = currentMember.require().tenant();
        Optional<Dataset> found = school.isPresent() ? datasets.findVisible(name, school.get()) : datasets.findGlobal(name);
        return found.orElseThrow(() -> new NotFoundException("dataset", name));
    }

    /** A school admin changes the school's own datasets; global ones only the platform admin. */
    private Dataset changeable(String name) throws NotPermittedException, NotFoundException {
        Member caller = currentMember.require();
        Dataset dataset = visible(name);
        boolean mayChange = dataset.isGlobal() ? caller.tenant().isEmpty() : caller.tenant().isPresent();
        if (!mayChange) {
            throw new NotPermittedException("error.dataset.global-read-only");
        }
        return dataset;
    }

    private Path folderOf(Dataset dataset) {
        return settings.current().datasetRoot().resolve(dataset.folder());
    }
}
