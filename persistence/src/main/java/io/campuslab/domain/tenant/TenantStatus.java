package io.campuslab.domain.tenant;

/** Whether a school may use CampusLab. A suspended school's members cannot sign in. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
