package io.campuslab.core.platform;

import io.campuslab.domain.platform.Setting;
import java.time.Instant;
import java.util.Optional;

/** One platform setting as the admin sees it: the value in force, its default, and who last set it. */
public record SettingEntry(Setting setting, String value, String defaultValue, Optional<String> updatedBy,
                           Optional<Instant> updatedAt) {

    public String key() {
        return setting.key();
    }
}
