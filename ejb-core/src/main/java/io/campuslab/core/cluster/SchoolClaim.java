package io.campuslab.core.cluster;

import java.util.List;

/**
 * A claim that holds a school's files in cluster storage ({@code storage.workspace-mode=CLAIM}):
 * course material, the school's datasets and the platform's datasets, each a ReadWriteMany claim in
 * the school's namespace that labs mount read-only, folder by folder. The claim says where its
 * files live below the storage the portal also mounts, in the annotation {@value #STORAGE_PATH}
 * (e.g. {@code courses/north-high}), so that a provisioner can place it there (the NFS subdir
 * provisioner's {@code pathPattern}); course and dataset uploads reach labs without a copy.
 *
 * @param storagePath the claim's folder below the storage root, as the portal's roots lay it out
 */
public record SchoolClaim(String name, String storagePath, String storageClassOrNull, int sizeGib) {

    public static final String COURSES = "campuslab-courses";
    public static final String DATASETS = "campuslab-datasets";
    public static final String GLOBAL_DATASETS = "campuslab-datasets-global";
    /** The annotation that names the claim's folder below the storage root. */
    public static final String STORAGE_PATH = "campuslab.io/storage-path";
    /** The owner folder of the platform's datasets, beside the schools' folders. */
    public static final String GLOBAL_OWNER = "_global";

    /** The three claims of a school. */
    public static List<SchoolClaim> of(String tenant, String storageClassOrNull, int sizeGib) {
        return List.of(new SchoolClaim(COURSES, "courses/" + tenant, storageClassOrNull, sizeGib),
                new SchoolClaim(DATASETS, "datasets/" + tenant, storageClassOrNull, sizeGib),
                new SchoolClaim(GLOBAL_DATASETS, "datasets/" + GLOBAL_OWNER, storageClassOrNull, sizeGib));
    }

    /** The claim that holds the datasets of an owner folder: the school's own or the platform's. */
    public static String forDatasetsOf(String owner) {
        return GLOBAL_OWNER.equals(owner) ? GLOBAL_DATASETS : DATASETS;
    }
}
