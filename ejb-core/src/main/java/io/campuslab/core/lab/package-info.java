/**
 * Labs: members' requests, the scheduler that admits, provisions, watches and culls them, and what
 * each lab needs on the cluster, described without any Kubernetes type.
 */
package io.campuslab.core.lab;
