package io.campuslab.domain.catalog;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the platform settings allow a template: how many ports, which GPU resource keys, and which
 * host paths it may mount (only those inside the storage roots).
 */
public record TemplateRules(int maxPorts, List<String> gpuResourceKeys, Predicate<String> hostPathAllowed) {

    public TemplateRules {
        gpuResourceKeys = List.copyOf(gpuResourceKeys);
    }
}
