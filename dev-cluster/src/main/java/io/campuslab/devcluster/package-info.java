/**
 * The dev-cluster: a Kubernetes API simulator for running and testing CampusLab on one machine.
 * It serves the API over plain HTTP (fabric8's mock server in CRUD mode, plus HTTP watch and
 * discovery), carries simulated nodes and writes a kubeconfig that kubectl and the portal use.
 */
package io.campuslab.devcluster;
