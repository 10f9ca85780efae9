package io.campuslab.domain.catalog;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab a school can offer, as open-hydra's sandbox: global (the platform's catalog) or owned by one
 * school. Created from a checked {@link TemplateDefinition}.
 */
@Entity
@Table(name = "lab_templates")
public class LabTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 40)
    private String name;

    /** Null for a global template. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_tenant_id")
    private Tenant owner;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "description", length = 2000)
    private String description;

    @Column(name = "icon", nullable = false, length = 40)
    private String icon;

    @Column(name = "cpu_image", nullable = false, length = 255)
    private String cpuImage;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lab_template_gpu_images", joinColumns = @JoinColumn(name = "template_id"))
    @MapKeyColumn(name = "gpu_key", length = 63)
    @Column(name = "image", nullable = false, length = 255)
    private Map<String, String> gpuImages = new HashMap<>();

    /** Command and arguments, one part per line (a part never holds a line break). */
    @Column(name = "command_lines", length = 4000)
    private String commandLines;

    @Column(name = "args_lines", length = 4000)
    private String argsLines;

    /** The user and group the image runs as (never root). */
    @Column(name = "run_as_user", nullable = false)
    private int runAsUser = RunAs.DEFAULT.uid();

    @Column(name = "run_as_group", nullable = false)
    private int runAsGroup = RunAs.DEFAULT.gid();

    /** Whether the image runs on a read-only root file system. */
    @Column(name = "read_only_root", nullable = false)
    private boolean readOnlyRoot;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lab_template_ports", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    private List<TemplatePort> ports = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "lab_template_mounts", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "position")
    private List<TemplateMount> mounts = new ArrayList<>();

    @Column(name = "workspace_path", nullable = false, length = 255)
    private String workspacePath;

    @Column(name = "shm_mib", nullable = false)
    private int shmMib;

    @Column(name = "default_cpu_millis", nullable = false)
    private int defaultCpuMillis;

    @Column(name = "default_memory_mib", nullable = false)
    private int defaultMemoryMib;

    @Column(name = "default_gpus", nullable = false)
    private int defaultGpus;

    @Column(name = "max_cpu_millis", nullable = false)
    private int maxCpuMillis;

    @Column(name = "max_memory_mib", nullable = false)
    private int maxMemoryMib;

    @Column(name = "max_gpus", nullable = false)
    private int maxGpus;

    /** Development information lines, one per line of text. */
    @Column(name = "development_info", length = 4200)
    private String developmentInfo;

    /** A global template a new school offers until its admin says otherwise. */
    @Column(name = "enabled_by_default", nullable = false)
    private boolean enabledByDefault;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected LabTemplate() {
        // for Jakarta Persistence
    }

    /** A template from a definition whose {@link TemplateDefinition#problems} are empty. */
    public static LabTemplate of(TemplateDefinition definition, Optional<Tenant> owner, Instant now) {
        LabTemplate template = new LabTemplate();
        template.name = definition.name();
        template.owner = owner.orElse(null);
        template.createdAt = now;
        template.enabledByDefault = owner.isEmpty();
        template.apply(definition);
        return template;
    }

    /** Takes a changed definition whose {@link TemplateDefinition#problems} are empty; the name stays. */
    public void update(TemplateDefinition definition) {
        if (!definition.name().equals(name)) {
            throw new IllegalArgumentException("A template keeps its name");
        }
        apply(definition);
    }

    /** Everything said about this template, as an admin edits it. */
    public TemplateDefinition definition() {
        return new TemplateDefinition(name, displayName, description, icon, cpuImage, gpuImages(), command(), args(),
                ports(), workspacePath, shmMib, defaultResources(), maxResources(), developmentInfo(), mounts(), runAs());
    }

    private void apply(TemplateDefinition d) {
        displayName = d.displayName().strip();
        description = d.description();
        icon = d.icon() == null || d.icon().isBlank() ? "CUBE" : d.icon();
        cpuImage = d.cpuImage();
        gpuImages = new HashMap<>(d.gpuImages());
        commandLines = String.join("\n", d.command());
        argsLines = String.join("\n", d.args());
        ports = new ArrayList<>(d.ports().stream().map(TemplatePort::new).toList());
        workspacePath = d.workspacePath();
        shmMib = d.shmMib();
        defaultCpuMillis = d.defaultResources().cpuMillis();
        defaultMemoryMib = d.defaultResources().memoryMib();
        defaultGpus = d.defaultResources().gpus();
        maxCpuMillis = d.maxResources().cpuMillis();
        maxMemoryMib = d.maxResources().memoryMib();
        maxGpus = d.maxResources().gpus();
        developmentInfo = String.join("\n", d.developmentInfo());
        mounts = new ArrayList<>(d.mounts().stream().map(TemplateMount::new).toList());
        runAsUser = d.runAs().uid();
        runAsGroup = d.runAs().gid();
        readOnlyRoot = d.runAs().readOnlyRoot();
    }

    public RunAs runAs() {
        return new RunAs(runAsUser, runAsGroup, readOnlyRoot);
    }

    /** The school that owns this template; empty for a global one. */
    public Optional<Tenant> owner() {
        return Optional.ofNullable(owner);
    }

    /** Whether schools that have not said otherwise offer this global template. */
    public void offerByDefault(boolean offered) {
        if (owner != null) {
            throw new IllegalStateException("Only global templates are offered by default");
        }
        enabledByDefault = offered;
    }

    public boolean isGlobal() {
        return owner == null;
    }

    public boolean isOwnedBy(Tenant school) {
        return owner != null && owner.id().equals(school.id());
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

    public String icon() {
        return icon;
    }

    public String cpuImage() {
        return cpuImage;
    }

    public Map<String, String> gpuImages() {
        return Map.copyOf(gpuImages);
    }

    public List<String> command() {
        return lines(commandLines);
    }

    public List<String> args() {
        return lines(argsLines);
    }

    public List<PortSpec> ports() {
        return ports.stream().map(TemplatePort::spec).toList();
    }

    public List<MountSpec> mounts() {
        return mounts.stream().map(TemplateMount::spec).toList();
    }

    public String workspacePath() {
        return workspacePath;
    }

    public int shmMib() {
        return shmMib;
    }

    public LabResources defaultResources() {
        return new LabResources(defaultCpuMillis, defaultMemoryMib, defaultGpus);
    }

    public LabResources maxResources() {
        return new LabResources(maxCpuMillis, maxMemoryMib, maxGpus);
    }

    public List<String> developmentInfo() {
        return lines(developmentInfo);
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
