package io.campuslab.core.lab;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.WorkspaceMode;

/**
 * Where a lab finds its school's course material and datasets, always read-only: on one machine a
 * host folder below the course or dataset root; on a cluster a folder inside the school's claims,
 * so that no lab pod needs a host folder and school namespaces can enforce Pod Security
 * {@code restricted}.
 */
final class SchoolFiles {

    private final PlatformSettings platform;

    SchoolFiles(PlatformSettings platform) {
        this.platform = platform;
    }

    /** True when labs mount host folders: the single-machine storage. */
    boolean onHostFolders() {
        return platform.workspaceMode() == WorkspaceMode.HOST_PATH;
    }

    /** A school's course folder ({@code course} empty: all of the school's courses). */
    LabBlueprint.Volume course(String volume, String tenant, String course, String mountPath) {
        if (onHostFolders()) {
            return LabBlueprint.Volume.host(volume, platform.courseRoot().resolve(tenant).resolve(course).toString(), mountPath, true);
        }
        return LabBlueprint.Volume.claimFolder(volume, SchoolClaim.COURSES, course, mountPath);
    }

    /**
     * A dataset folder of an owner, the school itself or the platform ({@link SchoolClaim#GLOBAL_OWNER});
     * {@code dataset} empty: all of the owner's datasets.
     */
    LabBlueprint.Volume datasets(String volume, String owner, String dataset, String mountPath) {
        if (onHostFolders()) {
            return LabBlueprint.Volume.host(volume, platform.datasetRoot().resolve(owner).resolve(dataset).toString(), mountPath, true);
        }
        return LabBlueprint.Volume.claimFolder(volume, SchoolClaim.forDatasetsOf(owner), dataset, mountPath);
    }

    /** A folder such as {@code north-high/physics} as owner and name. */
    static String[] split(String folder) {
        int slash = folder.indexOf('/');
        return slash < 0 ? new String[] {folder, ""} : new String[] {folder.substring(0, slash), folder.substring(slash + 1)};
    }
}
