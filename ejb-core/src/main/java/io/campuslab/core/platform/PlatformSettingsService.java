package io.campuslab.core.platform;

import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.platform.PlatformSetting;
import io.campuslab.domain.platform.PlatformSettingRepository;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.Setting;
import io.campuslab.domain.platform.SettingProblem;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The platform admin reads and changes the platform settings; every change is checked as a whole. */
@Stateless
public class PlatformSettingsService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    SettingsSource source;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Every setting, in the order of the guide, with its value in force and who last changed it. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<SettingEntry> entries() {
        PlatformSettings current = source.current();
        Map<String, PlatformSetting> stored = new TreeMap<>();
        new PlatformSettingRepository(em).all().forEach(s -> stored.put(s.key(), s));
        return Arrays.stream(Setting.values()).map(setting -> {
            Optional<PlatformSetting> row = Optional.ofNullable(stored.get(setting.key()));
            return new SettingEntry(setting, current.value(setting), setting.defaultValue(),
                    row.map(PlatformSetting::updatedBy), row.map(PlatformSetting::updatedAt));
        }).toList();
    }

    /**
     * Changes some settings at once: all of them or, when any value is wrong or they contradict the
     * others, none.
     *
     * @param changes new values by key; keys not named keep their value
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<SettingEntry> change(Map<String, String> changes) throws SettingsRejectedException {
        PlatformSettings current = source.current();
        List<SettingProblem> problems = current.problemsWith(changes);
        if (!problems.isEmpty()) {
            throw new SettingsRejectedException(problems);
        }
        PlatformSettingRepository repository = new PlatformSettingRepository(em);
        String actor = context.getCallerPrincipal().getName();
        Map<String, String> changed = new TreeMap<>();
        changes.forEach((key, raw) -> {
            String value = raw.strip();
            if (!value.equals(current.asMap().get(key))) {
                changed.put(key, value);
            }
            repository.find(key).ifPresentOrElse(row -> row.set(value, actor, clock.instant()),
                    () -> repository.add(new PlatformSetting(key, value, actor, clock.instant())));
        });
        if (!changed.isEmpty()) {
            em.flush();
            audit.record(null, "settings.changed", String.join(", ", changed.keySet()), changed.toString());
        }
        return entries();
    }
}
