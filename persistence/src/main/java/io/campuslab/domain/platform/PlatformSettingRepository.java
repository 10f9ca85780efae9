package io.campuslab.domain.platform;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and stores platform settings. */
public class PlatformSettingRepository {

    private final EntityManager em;

    public PlatformSettingRepository(EntityManager em) {
        this.em = em;
    }

    /** Every stored value by key. */
    public Map<String, String> stored() {
        return all().stream().collect(Collectors.toMap(PlatformSetting::key, PlatformSetting::value));
    }

    public List<PlatformSetting> all() {
        return em.createQuery("select s from PlatformSetting s order by s.key", PlatformSetting.class).getResultList();
    }

    public Optional<PlatformSetting> find(String key) {
        return Optional.ofNullable(em.find(PlatformSetting.class, key));
    }

    public void add(PlatformSetting setting) {
        em.persist(setting);
    }
}
