package io.campuslab.domain.catalog;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the platform settings allow a template: how many ports, which GPU resource keys, and which
 * host paths it may mount (only those inside the storage roots, and only in the platform admin's
 * global templates: {@code hostFolders} is false for a school's own).
 */
public record TemplateRules(int maxPorts, List<String> gpuResourceKeys, Predicate<String> hostPathAllowed,
                            boolean hostFolders) {

    public TemplateRules {
        gpuResourceKeys = List.copyOf(gpuResourceKeys);
    }

    /** The rules of the platform admin's global templates, which may mount host folders inside the roots. */
    public TemplateRules(int maxPorts, List<String> gpuResourceKeys, Predicate<String> hostPathAllowed) {
        this(maxPorts, gpuResourceKeys, hostPathAllowed, true);
    }

    /** The rules of a school's own templates: extra folders only by course or dataset name. */
    public TemplateRules forSchool() {
        return new TemplateRules(maxPorts, gpuResourceKeys, hostPathAllowed, false);
    }
}
