package io.campuslab.core.cluster;

/** How a running lab is reached: its service's node port and the token the lab asks for. */
public record LabAccess(int nodePort, String token) {
}
