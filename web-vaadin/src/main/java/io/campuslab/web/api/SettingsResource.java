package io.campuslab.web.api;

import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.PlatformSettingsService;
import io.campuslab.core.platform.SettingEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The platform settings (platform admins); docs/operators/platform-settings.md explains every key. */
@Path("settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    PlatformSettingsService settings;

    /** One setting: the value in force, its default, who set it when (both null while it has its default). */
    public record Setting(String key, String value, String defaultValue, String updatedBy, Instant updatedAt) {

        static Setting of(SettingEntry entry) {
            return new Setting(entry.key(), entry.value(), entry.defaultValue(), entry.updatedBy().orElse(null),
                    entry.updatedAt().orElse(null));
        }
    }

    @GET
    @Operation(summary = "Every platform setting (platform admins)")
    @APIResponse(responseCode = "403", description = "Not the platform admin")
    public List<Setting> list() {
        return settings.entries().stream().map(Setting::of).toList();
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some settings at once: a JSON object of key to new value; all or nothing")
    @APIResponse(responseCode = "200", description = "Every setting after the change")
    @APIResponse(responseCode = "400", description = "An unknown key, a value out of range, or values that contradict each other; "
            + "the problem names the first, the screen marks each")
    public List<Setting> change(Map<String, String> changes) throws CampusLabException {
        if (changes == null || changes.isEmpty() || changes.values().stream().anyMatch(v -> v == null)) {
            throw new InvalidInputException("error.setting.missing");
        }
        return settings.change(changes).stream().map(Setting::of).toList();
    }
}
