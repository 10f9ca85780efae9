package io.campuslab.domain.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One platform setting: its key (as stored, in the API and in docs/operators/platform-settings.md),
 * its default and what values it accepts. Values are kept as text; {@link PlatformSettings} is the
 * typed view.
 */
public enum Setting {

    LAB_DEFAULT_CPU("lab.default-cpu-millicores", "2000", Kind.integer(100, 256_000)),
    LAB_DEFAULT_MEMORY("lab.default-memory-mib", "4096", Kind.integer(128, 2_097_152)),
    LAB_DEFAULT_GPUS("lab.default-gpus", "1", Kind.integer(1, 16)),
    CPU_OVERCOMMIT("overcommit.cpu-ratio", "2.0", Kind.decimal(1.0, 20.0)),
    MEMORY_OVERCOMMIT("overcommit.memory-ratio", "1.0", Kind.decimal(1.0, 4.0)),
    GPU_KEYS("gpu.resource-keys", "nvidia.com/gpu", Kind.RESOURCE_KEYS),
    GPU_DEFAULT_KEY("gpu.default-key", "nvidia.com/gpu", Kind.RESOURCE_KEY),
    MAX_PORTS("catalog.max-ports", "4", Kind.integer(1, 16)),
    IDLE_TIMEOUT("lab.idle-timeout-minutes", "60", Kind.integer(5, 10_080)),
    IDLE_WARNING("lab.idle-warning-minutes", "10", Kind.integer(1, 120)),
    MAX_LIFETIME("lab.max-lifetime-hours", "8", Kind.integer(1, 720)),
    SESSION_END_GRACE("session.end-grace-minutes", "5", Kind.integer(0, 60)),
    SESSION_LEND_AFTER("session.lend-after-minutes", "15", Kind.integer(0, 240)),
    SESSION_RECLAIM_GRACE("session.reclaim-grace-minutes", "5", Kind.integer(1, 60)),
    LAB_DOMAIN("access.lab-domain", "", Kind.OPTIONAL_HOST),
    PORTAL_NAMESPACE("access.portal-namespace", "campuslab", Kind.OPTIONAL_NAME),
    EGRESS_CIDRS("network.egress-cidrs", "", Kind.EGRESS_CIDRS),
    CLUSTER_CIDRS("network.cluster-cidrs", "10.96.0.0/12,10.244.0.0/16", Kind.CIDRS),
    WORKSPACE_ROOT("storage.workspace-root", "", Kind.OPTIONAL_PATH),
    COURSE_ROOT("storage.course-root", "", Kind.OPTIONAL_PATH),
    DATASET_ROOT("storage.dataset-root", "", Kind.OPTIONAL_PATH),
    WORKSPACE_MODE("storage.workspace-mode", WorkspaceMode.HOST_PATH.name(), Kind.WORKSPACE_MODE),
    WORKSPACE_CLASS("storage.workspace-class", "", Kind.OPTIONAL_NAME),
    WORKSPACE_SIZE("storage.workspace-size-gib", "10", Kind.integer(1, 10_000)),
    SCHOOL_FILES_CLASS("storage.school-files-class", "", Kind.OPTIONAL_NAME),
    SCHOOL_FILES_SIZE("storage.school-files-size-gib", "20", Kind.integer(1, 100_000)),
    MAX_UPLOAD("upload.max-mib", "2048", Kind.integer(1, 2048)),
    MAX_EXTRACTED("upload.max-extracted-mib", "20480", Kind.integer(1, 1_048_576));

    private final String key;
    private final String defaultValue;
    private final Kind kind;

    Setting(String key, String defaultValue, Kind kind) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The message key of this setting's label; its help text is under the same key plus {@code .help}. */
    public String labelKey() {
        return "setting." + key;
    }

    /** Whether the value is one this setting accepts; the problem says why not. */
    public Optional<SettingProblem> check(String value) {
        if (value == null) {
            return Optional.of(new SettingProblem(key, "error.setting.missing", List.of()));
        }
        return kind.check(value.strip()).map(reason -> new SettingProblem(key, reason, kind.arguments()));
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** The kinds of values: each knows its syntax and its bounds. */
    interface Kind {

        Pattern QUALIFIED = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
        Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");
        Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

        Kind RESOURCE_KEY = value -> isResourceKey(value) ? Optional.empty() : Optional.of("error.setting.resource-key");
        Kind RESOURCE_KEYS = value -> {
            List<String> keys = PlatformSettings.list(value);
            if (keys.isEmpty() || keys.size() > 20 || !keys.stream().allMatch(Kind::isResourceKey)) {
                return Optional.of("error.setting.resource-keys");
            }
            return Optional.empty();
        };
        Kind WORKSPACE_MODE = value -> Arrays.stream(WorkspaceMode.values()).anyMatch(m -> m.name().equals(value))
                ? Optional.empty() : Optional.of("error.setting.workspace-mode");
        Pattern CIDR = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)/(3[0-2]|[12]?\\d)"
                + "|[0-9a-fA-F:]{2,39}/(12[0-8]|1[01]\\d|[1-9]?\\d)");
        Kind CIDRS = value -> PlatformSettings.list(value).size() <= 50
                && PlatformSettings.list(value).stream().allMatch(c -> CIDR.matcher(c).matches())
                ? Optional.empty() : Optional.of("error.setting.cidrs");
        Kind EGRESS_CIDRS = value -> CIDRS.check(value).or(() -> PlatformSettings.list(value).stream()
                .anyMatch(EgressRanges::neverReachable) ? Optional.of("error.setting.egress-never") : Optional.empty());
        Kind HOST = value -> HOST_NAME.matcher(value).matches() ? Optional.empty() : Optional.of("error.setting.host");
        Kind OPTIONAL_HOST = value -> value.isEmpty() ? Optional.empty() : HOST.check(value);
        Kind OPTIONAL_NAME = value -> value.isEmpty() || DNS_LABEL.matcher(value).matches()
                ? Optional.empty() : Optional.of("error.setting.name");
        Kind OPTIONAL_PATH = value -> value.isEmpty() || isStoragePath(value)
                ? Optional.empty() : Optional.of("error.setting.path");

        /** Empty when the value is acceptable, otherwise the message key of what is wrong. */
        Optional<String> check(String value);

        /** The arguments of the message, such as the bounds of a number. */
        default List<Object> arguments() {
            return List.of();
        }

        static Kind integer(long min, long max) {
            return number(min, max, Long::parseLong);
        }

        static Kind decimal(double min, double max) {
            return number(min, max, Double::parseDouble);
        }

        /** A number within bounds; the message names the bounds. */
        private static <N extends Comparable<N>> Kind number(N min, N max, java.util.function.Function<String, N> parse) {
            return new Kind() {
                @Override
                public Optional<String> check(String value) {
                    try {
                        N number = parse.apply(value);
                        return number.compareTo(min) >= 0 && number.compareTo(max) <= 0
                                ? Optional.empty() : Optional.of("error.setting.range");
                    } catch (NumberFormatException notANumber) {
                        return Optional.of("error.setting.range");
                    }
                }

                @Override
                public List<Object> arguments() {
                    return List.of(min, max);
                }
            };
        }

        /** An extended resource name such as {@code nvidia.com/gpu} or {@code nvidia.com/mig-1g.5gb}. */
        static boolean isResourceKey(String value) {
            return value.length() <= 316 && QUALIFIED.matcher(value).matches()
                    && !value.startsWith("kubernetes.io/") && !value.contains(".kubernetes.io/");
        }

        /** An absolute, normalised path: no {@code ..}, no {@code .}, no doubled or trailing slash. */
        static boolean isStoragePath(String value) {
            return value.length() <= 255 && value.matches("(/[\\w.-]+)+") && !value.matches(".*/\\.{1,2}(/.*)?");
        }
    }
}
