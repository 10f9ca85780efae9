/**
 * The shared Kubernetes cluster as CampusLab sees it, behind the {@link io.campuslab.core.cluster.ClusterGateway}
 * port; only the {@code kubernetes} adapter below speaks to the API server.
 */
package io.campuslab.core.cluster;
