/**
 * The Kubernetes adapter of {@link io.campuslab.core.cluster.ClusterGateway}, on the official
 * Kubernetes Java client. The only package of CampusLab that imports {@code io.kubernetes}.
 */
package io.campuslab.core.cluster.kubernetes;
