package io.campuslab.domain.catalog;

/** How a lab's port is opened: in the browser over HTTP, or as a desktop through noVNC. */
public enum PortProtocol {
    HTTP,
    VNC
}
