package io.campuslab.core.platform;

import io.campuslab.domain.platform.PlatformSettingRepository;
import io.campuslab.domain.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The platform settings in force, read from the database on every call so that a change on one
 * node holds on all of them at once (a handful of rows by primary key: cheaper than keeping caches
 * of several nodes in step). For the services; people read and change them through
 * {@link PlatformSettingsService}.
 */
@ApplicationScoped
public class SettingsSource {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CoreSettings startup;

    public PlatformSettings current() {
        return PlatformSettings.of(new PlatformSettingRepository(em).stored(), startup.storageRoot());
    }
}
