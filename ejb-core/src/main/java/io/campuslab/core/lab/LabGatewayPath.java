package io.campuslab.core.lab;

import io.campuslab.domain.platform.PlatformSettings;

/** The path a lab is served at through the gateway, which the lab is told (its first port's base URL). */
final class LabGatewayPath {

    private LabGatewayPath() {
    }

    /** {@code /} on the lab's own host, or {@code /labs/<key>/} on the portal's host. */
    static String of(String key, PlatformSettings platform) {
        return platform.labDomain().isPresent() ? "/" : "/labs/" + key + "/";
    }
}
