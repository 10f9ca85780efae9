/**
 * The lab catalog: templates (JupyterLab, VS Code, a desktop, a school's own images) with their
 * images, ports, mounts and resources, global or owned by a school, and which a school offers.
 */
package io.campuslab.domain.catalog;
