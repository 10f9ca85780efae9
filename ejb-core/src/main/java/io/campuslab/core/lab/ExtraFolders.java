package io.campuslab.core.lab;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.MountSpec;
import io.campuslab.domain.tenant.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A template's extra folders as a lab of one school sees them. Storage is chosen by name, never by a
 * path a school admin types: {@code course:<name>} is that school's course material, {@code
 * dataset:<name>} that school's dataset or else the global one, both read-only; a host folder comes
 * only from the platform admin's global templates, and only on one machine (on a cluster labs mount
 * claims alone). Another school's folders and another student's workspace cannot be named at all.
 */
final class ExtraFolders {

    /** The folder of a dataset a school's lab asks for by name: the school's own, or else the global one. */
    interface DatasetFolders {
        Optional<String> folder(Tenant school, String name);
    }

    private ExtraFolders() {
    }

    /**
     * The volumes of a template's extra folders for a lab of the school (a school's template saved
     * before host folders were the platform admin's alone mounts none of its host folders).
     */
    static List<LabBlueprint.Volume> of(LabTemplate template, Tenant school, String user,
                                         SchoolFiles files, DatasetFolders datasets) {
        List<LabBlueprint.Volume> volumes = new ArrayList<>();
        String tenant = school.slug().value();
        for (MountSpec mount : template.mounts()) {
            String volume = "x-" + mount.name();
            switch (mount.kind()) {
                case COURSE -> volumes.add(files.course(volume, tenant, mount.sourceName(), mount.mountPath()));
                case DATASET -> datasets.folder(school, mount.sourceName()).ifPresent(folder -> {
                    String[] ownerAndName = SchoolFiles.split(folder);
                    volumes.add(files.datasets(volume, ownerAndName[0], ownerAndName[1], mount.mountPath()));
                });
                case HOST_FOLDER -> {
                    // host folders exist on one machine only: a cluster's labs mount claims alone
                    if (template.isGlobal() && files.onHostFolders()) {
                        volumes.add(LabBlueprint.Volume.host(volume, mount.hostPathFor(tenant, user, template.name()),
                                mount.mountPath(), mount.readOnly()));
                    }
                }
            }
        }
        return volumes;
    }
}
