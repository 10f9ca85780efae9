/** The cluster as the platform admin sees it: nodes and GPU capacity. */
package io.campuslab.web.cluster;
