package io.campuslab.core.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The secrets that ship with the local demo and must never guard a real installation: the portal's
 * Keycloak client secret of the demo realm, the demo database password and the demo secret of the
 * account that reads schools' directories. Outside the demo
 * ({@code campuslab.demo-data} off) the portal refuses to start while any of them is still in use,
 * naming the setting to change.
 */
public final class DemoSecrets {

    /** Each demo value by the setting that must not hold it. */
    static final Map<String, String> DEMO_VALUES = Map.of(
            "campuslab.oidc.client-secret", "campuslab-dev-secret",
            "campuslab.db.password", "campuslab");

    /** Demo values of settings that have no default: refused only when set. */
    static final Map<String, String> OPTIONAL_DEMO_VALUES = Map.of(
            "campuslab.directories.client-secret", "campuslab-dev-directories");

    private DemoSecrets() {
    }

    /**
     * The settings that still hold a demo value, sorted; empty in the demo itself or when none does.
     *
     * @param values each setting's value as configured (a missing one counts as its default, the demo value)
     */
    public static List<String> stillDemo(boolean demo, Map<String, String> values) {
        List<String> found = new ArrayList<>();
        if (demo) {
            return found;
        }
        DEMO_VALUES.forEach((key, demoValue) -> {
            if (demoValue.equals(values.getOrDefault(key, demoValue))) {
                found.add(key);
            }
        });
        OPTIONAL_DEMO_VALUES.forEach((key, demoValue) -> {
            if (demoValue.equals(values.get(key))) {
                found.add(key);
            }
        });
        found.sort(String::compareTo);
        return found;
    }
}
