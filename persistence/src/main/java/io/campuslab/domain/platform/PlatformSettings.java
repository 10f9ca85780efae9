package io.campuslab.domain.platform;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.TemplateRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform settings in force: what was stored, defaults for the rest. Storage roots left empty
 * lie below the server's storage base ({@code workspaces}, {@code courses}, {@code datasets}).
 */
public final class PlatformSettings {

    private final Map<Setting, String> values;
    private final Path storageBase;

    private PlatformSettings(Map<Setting, String> values, Path storageBase) {
        this.values = values;
        this.storageBase = storageBase;
    }

    /**
     * The settings in force.
     *
     * @param stored      values by key as stored; unknown keys (left by an older version) are ignored
     * @param storageBase where storage roots left empty lie
     */
    public static PlatformSettings of(Map<String, String> stored, Path storageBase) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = stored.get(setting.key());
            values.put(setting, value == null || setting.check(value).isPresent() ? setting.defaultValue() : value.strip());
        }
        return new PlatformSettings(values, storageBase);
    }

    /** What is wrong with these changes, every key and then the settings as a whole; empty when none. */
    public List<SettingProblem> problemsWith(Map<String, String> changes) {
        List<SettingProblem> problems = new ArrayList<>();
        changes.forEach((key, value) -> Setting.byKey(key).ifPresentOrElse(
                setting -> setting.check(value).ifPresent(problems::add),
                () -> problems.add(new SettingProblem(key, "error.setting.unknown", List.of(key)))));
        if (problems.isEmpty()) {
            problems.addAll(with(changes).wholeProblems());
        }
        return problems;
    }

    /** These settings with the changes applied; call only when {@link #problemsWith} found none. */
    public PlatformSettings with(Map<String, String> changes) {
        Map<Setting, String> changed = new EnumMap<>(values);
        changes.forEach((key, value) -> changed.put(Setting.byKey(key).orElseThrow(), value.strip()));
        return new PlatformSettings(changed, storageBase);
    }

    private List<SettingProblem> wholeProblems() {
        List<SettingProblem> problems = new ArrayList<>();
        if (!gpuResourceKeys().contains(defaultGpuKey())) {
            problems.add(new SettingProblem(Setting.GPU_DEFAULT_KEY.key(), "error.setting.default-key-not-allowed",
                    List.of(defaultGpuKey())));
        }
        List<Path> roots = List.of(workspaceRoot(), courseRoot(), datasetRoot());
        for (int i = 0; i < roots.size(); i++) {
            for (int j = i + 1; j < roots.size(); j++) {
                if (roots.get(i).startsWith(roots.get(j)) || roots.get(j).startsWith(roots.get(i))) {
                    problems.add(new SettingProblem(Setting.WORKSPACE_ROOT.key(), "error.setting.roots-overlap", List.of()));
                    return problems;
                }
            }
        }
        return problems;
    }

    /** Every setting's value in force, by key, in the order of {@link Setting}. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((setting, value) -> map.put(setting.key(), value));
        return map;
    }

    public String value(Setting setting) {
        return values.get(setting);
    }

    /** CPU and memory of a lab when its template and its user say nothing else; no GPU. */
    public LabResources defaultLabResources() {
        return new LabResources(integer(Setting.LAB_DEFAULT_CPU), integer(Setting.LAB_DEFAULT_MEMORY), 0);
    }

    /** GPUs of a GPU lab when the user does not choose. */
    public int defaultGpus() {
        return integer(Setting.LAB_DEFAULT_GPUS);
    }

    /** The CPU a pod requests for a limit: the limit divided by the over-commit ratio, rounded up. */
    public int cpuRequestMillis(int limitMillis) {
        return (int) Math.ceil(limitMillis / decimal(Setting.CPU_OVERCOMMIT));
    }

    /** The memory a pod requests for a limit: the limit divided by the over-commit ratio, rounded up. */
    public int memoryRequestMib(int limitMib) {
        return (int) Math.ceil(limitMib / decimal(Setting.MEMORY_OVERCOMMIT));
    }

    /** The GPU extended resource keys labs may ask for, in the order the operator gave them. */
    public List<String> gpuResourceKeys() {
        return list(values.get(Setting.GPU_KEYS));
    }

    public String defaultGpuKey() {
        return values.get(Setting.GPU_DEFAULT_KEY);
    }

    public int maxPortsPerTemplate() {
        return integer(Setting.MAX_PORTS);
    }

    public Duration idleTimeout() {
        return Duration.ofMinutes(integer(Setting.IDLE_TIMEOUT));
    }

    public Duration maxLifetime() {
        return Duration.ofHours(integer(Setting.MAX_LIFETIME));
    }

    /** How long a session's labs run on after its end, for students to save their work. */
    public Duration sessionEndGrace() {
        return Duration.ofMinutes(integer(Setting.SESSION_END_GRACE));
    }

    /** How long after a session's start its empty seats may be lent to other labs. */
    public Duration sessionLendAfter() {
        return Duration.ofMinutes(integer(Setting.SESSION_LEND_AFTER));
    }

    /** How long a lab that used a session's room has, once warned, before it stops to give it back. */
    public Duration sessionReclaimGrace() {
        return Duration.ofMinutes(integer(Setting.SESSION_RECLAIM_GRACE));
    }

    /**
     * The wildcard domain of per-lab hosts ({@code <gateway key>.<domain>}); empty: every lab lives
     * under {@code /labs/<gateway key>/} on the portal's own host.
     */
    public Optional<String> labDomain() {
        return optional(Setting.LAB_DOMAIN);
    }

    /** The namespace of the portal's pods, the only pods that may connect to labs (the gateway); empty: no pod at all. */
    public String portalNamespace() {
        return values.get(Setting.PORTAL_NAMESPACE);
    }

    /** The networks labs may reach besides the cluster's DNS. */
    public List<String> egressCidrs() {
        return list(values.get(Setting.EGRESS_CIDRS));
    }

    /** The cluster's pod and service ranges, which labs never reach. */
    public List<String> clusterCidrs() {
        return list(values.get(Setting.CLUSTER_CIDRS));
    }

    /** How long before an idle lab is stopped its owner is warned. */
    public Duration idleWarning() {
        return Duration.ofMinutes(Long.parseLong(values.get(Setting.IDLE_WARNING)));
    }

    public WorkspaceMode workspaceMode() {
        return WorkspaceMode.valueOf(values.get(Setting.WORKSPACE_MODE));
    }

    /** The storage class of workspace claims; empty: the cluster's default class. */
    public Optional<String> workspaceClass() {
        return optional(Setting.WORKSPACE_CLASS);
    }

    public int workspaceSizeGib() {
        return Integer.parseInt(values.get(Setting.WORKSPACE_SIZE));
    }

    /** The ReadWriteMany storage class of a school's file claims (CLAIM mode); empty: the cluster's default class. */
    public Optional<String> schoolFilesClass() {
        return optional(Setting.SCHOOL_FILES_CLASS);
    }

    /** The size each of a school's file claims requests (CLAIM mode), besides the school's storage quota. */
    public int schoolFilesSizeGib() {
        return Integer.parseInt(values.get(Setting.SCHOOL_FILES_SIZE));
    }

    public Path workspaceRoot() {
        return root(Setting.WORKSPACE_ROOT, "workspaces");
    }

    public Path courseRoot() {
        return root(Setting.COURSE_ROOT, "courses");
    }

    public Path datasetRoot() {
        return root(Setting.DATASET_ROOT, "datasets");
    }

    /** Whether a host path lies inside one of the storage roots: the only host paths a lab may mount. */
    public boolean isInsideStorageRoots(String hostPath) {
        if (!Setting.Kind.isStoragePath(hostPath)) {
            return false;
        }
        Path path = Path.of(hostPath);
        return path.startsWith(workspaceRoot()) || path.startsWith(courseRoot()) || path.startsWith(datasetRoot());
    }

    /** What a template may say under these settings. */
    public TemplateRules templateRules() {
        return new TemplateRules(maxPortsPerTemplate(), gpuResourceKeys(), this::isInsideStorageRoots);
    }

    public long maxUploadBytes() {
        return (long) integer(Setting.MAX_UPLOAD) << 20;
    }

    public long maxExtractedBytes() {
        return (long) integer(Setting.MAX_EXTRACTED) << 20;
    }

    /** A comma- or whitespace-separated list, without blanks or repeats. */
    static List<String> list(String value) {
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    private Path root(Setting setting, String below) {
        return optional(setting).map(Path::of).orElseGet(() -> storageBase.resolve(below)).normalize();
    }

    private Optional<String> optional(Setting setting) {
        return Optional.of(values.get(setting)).filter(value -> !value.isEmpty());
    }

    private int integer(Setting setting) {
        return Integer.parseInt(values.get(setting));
    }

    private double decimal(Setting setting) {
        return Double.parseDouble(values.get(setting));
    }
}
