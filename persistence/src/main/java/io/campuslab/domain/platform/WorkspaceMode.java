package io.campuslab.domain.platform;

/** Where a student's workspace lives on the cluster. */
public enum WorkspaceMode {
    /** A folder on the nodes' shared storage, {@code <workspace root>/<school>/<template>/<user>}: one box or NFS. */
    HOST_PATH,
    /** A PersistentVolumeClaim per student in the school's namespace, of the configured storage class. */
    CLAIM
}
