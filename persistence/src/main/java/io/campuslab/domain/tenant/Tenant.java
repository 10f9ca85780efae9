package io.campuslab.domain.tenant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** A school using CampusLab. */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Convert(converter = TenantSlugConverter.class)
    @Column(name = "slug", nullable = false, unique = true, length = TenantSlug.MAX_LENGTH)
    private TenantSlug slug;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private TenantStatus status;

    @Column(name = "namespace", nullable = false, length = 63)
    private String namespace;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private TenantQuota quota;

    @Column(name = "term_starts")
    private java.time.LocalDate termStarts;

    @Column(name = "term_ends")
    private java.time.LocalDate termEnds;

    @ElementCollection
    @CollectionTable(name = "tenant_gpu_quotas", joinColumns = @JoinColumn(name = "tenant_id"))
    @MapKeyColumn(name = "resource_key", length = 316)
    @Column(name = "gpus", nullable = false)
    private Map<String, Integer> gpusPerKey = new HashMap<>();

    @Column(name = "admins_open_labs", nullable = false)
    private boolean adminsOpenLabs;

    /** E-mail domains whose people are sent straight to this school's sign-in; each belongs to one school. */
    @ElementCollection
    @CollectionTable(name = "school_email_domains", joinColumns = @JoinColumn(name = "tenant_id"))
    @Column(name = "domain", nullable = false, length = 253)
    private java.util.Set<String> emailDomains = new java.util.TreeSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Tenant() {
        // for Jakarta Persistence
    }

    public Tenant(TenantSlug slug, String displayName, Instant createdAt) {
        this(slug, displayName, TenantQuota.starter(), createdAt);
    }

    public Tenant(TenantSlug slug, String displayName, TenantQuota quota, Instant createdAt) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.displayName = requireDisplayName(displayName);
        this.quota = Objects.requireNonNull(quota, "quota");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = TenantStatus.ACTIVE;
        this.namespace = slug.namespace();
    }

    public void rename(String newName) {
        this.displayName = requireDisplayName(newName);
    }

    /** A suspended school's members cannot sign in or act; nothing of the school is deleted. */
    public void suspend() {
        this.status = TenantStatus.SUSPENDED;
    }

    public void resume() {
        this.status = TenantStatus.ACTIVE;
    }

    /** The school's current term, if it set one. */
    public java.util.Optional<Term> term() {
        return termStarts == null || termEnds == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Term(termStarts, termEnds));
    }

    /** The term becomes this one; empty: the school has no term. */
    public void changeTerm(java.util.Optional<Term> term) {
        this.termStarts = term.map(Term::starts).orElse(null);
        this.termEnds = term.map(Term::ends).orElse(null);
    }

    public void changeQuota(TenantQuota newQuota) {
        changeQuota(newQuota, gpusPerKey);
    }

    /**
     * A new quota, with GPUs per resource key: each at most the GPUs in total (a key not named is
     * limited by the total alone).
     */
    public void changeQuota(TenantQuota newQuota, Map<String, Integer> perKey) {
        Objects.requireNonNull(newQuota, "quota");
        if (perKey.values().stream().anyMatch(n -> n == null || n < 0 || n > newQuota.gpus())) {
            throw new IllegalArgumentException("GPUs per key must be between 0 and the school's " + newQuota.gpus());
        }
        this.quota = newQuota;
        Map<String, Integer> copy = new HashMap<>(perKey);
        this.gpusPerKey.clear();
        this.gpusPerKey.putAll(copy);
    }

    /** GPUs per resource key where the school's quota names the key. */
    public Map<String, Integer> gpusPerKey() {
        return Map.copyOf(gpusPerKey);
    }

    /** Whether the school's admins may open any lab of the school; each visit is audited and shown to the student. */
    public java.util.SortedSet<String> emailDomains() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(emailDomains));
    }

    /** Replaces the school's e-mail domains (lower case, checked by the caller). */
    public void changeEmailDomains(java.util.Set<String> domains) {
        emailDomains.clear();
        emailDomains.addAll(domains);
    }

    public boolean adminsOpenLabs() {
        return adminsOpenLabs;
    }

    /** The school's admin lets the school's admins open its labs, or stops letting them. */
    public void letAdminsOpenLabs(boolean allowed) {
        this.adminsOpenLabs = allowed;
    }

    public TenantQuota quota() {
        return quota;
    }

    private static String requireDisplayName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("A school needs a name of 1 to 200 characters");
        }
        return name.strip();
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= 200;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** What the school may hold at once: its quota, or nothing new while it is suspended. */
    public TenantQuota holdableQuota() {
        return isActive() ? quota : new TenantQuota(0, 0, 0, 0, 0, 0);
    }

    /** The GPUs of each kind the school may hold at once: none while it is suspended. */
    public Map<String, Integer> holdableGpusPerKey() {
        return isActive() ? gpusPerKey() : Map.of();
    }

    public Long id() {
        return id;
    }

    public TenantSlug slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public TenantStatus status() {
        return status;
    }

    public String namespace() {
        return namespace;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
