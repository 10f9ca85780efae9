package io.campuslab.domain.dataset;

import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A dataset: its name (a DNS label, the folder it lives in), description, owner school (none for a
 * global dataset), and what its current files add up to.
 */
@Entity
@Table(name = "datasets")
public class Dataset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 40)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_tenant_id")
    private Tenant owner;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "files_updated_at")
    private Instant filesUpdatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Dataset() {
        // for Jakarta Persistence
    }

    public Dataset(String name, String displayName, String description, Optional<Tenant> owner, Instant now) {
        if (!TenantSlug.isValid(name)) {
            throw new IllegalArgumentException("Not a valid dataset name: " + name);
        }
        if (!isValidDisplayName(displayName) || (description != null && description.length() > 2000)) {
            throw new IllegalArgumentException("A dataset needs a display name of 1 to 100 characters");
        }
        this.name = name;
        this.displayName = displayName.strip();
        this.description = description;
        this.owner = owner.orElse(null);
        this.createdAt = now;
    }

    public static boolean isValidDisplayName(String displayName) {
        return displayName != null && !displayName.isBlank() && displayName.strip().length() <= 100;
    }

    /** A new title and description; the name, which labs find the folder by, stays. */
    public void describe(String displayName, String description) {
        if (!isValidDisplayName(displayName) || (description != null && description.length() > 2000)) {
            throw new IllegalArgumentException("A dataset needs a display name of 1 to 100 characters");
        }
        this.displayName = displayName.strip();
        this.description = description;
    }

    /** New files are in place: their count and total size. */
    public void filesReplaced(int files, long bytes, Instant now) {
        this.fileCount = files;
        this.sizeBytes = bytes;
        this.filesUpdatedAt = now;
    }

    public boolean isGlobal() {
        return owner == null;
    }

    /** The folder below the dataset root: the owner school's slug, or {@code _global}. */
    public String folder() {
        return (owner == null ? "_global" : owner.slug().value()) + "/" + name;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Tenant> owner() {
        return Optional.ofNullable(owner);
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public int fileCount() {
        return fileCount;
    }

    public Optional<Instant> filesUpdatedAt() {
        return Optional.ofNullable(filesUpdatedAt);
    }
}
