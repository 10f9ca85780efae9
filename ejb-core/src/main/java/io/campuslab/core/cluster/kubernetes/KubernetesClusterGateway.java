package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.lab.LabBlueprint;
import io.campuslab.core.platform.CoreSettings;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Reaches the cluster through the Kubernetes API, with the client {@link ApiClients} builds. */
@ApplicationScoped
public class KubernetesClusterGateway implements ClusterGateway {

    private static final Logger LOG = Logger.getLogger(KubernetesClusterGateway.class.getName());

    private final CoreSettings settings;
    private volatile CoreV1Api core;

    @Inject
    public KubernetesClusterGateway(CoreSettings settings) {
        this.settings = settings;
    }

    /** For tests: a gateway on a given client. */
    public KubernetesClusterGateway(ApiClient client) {
        this.settings = null;
        this.core = new CoreV1Api(client);
    }

    @Override
    public List<ClusterNode> listNodes() throws ClusterUnavailableException {
        try {
            return core().listNode().execute().getItems().stream().map(NodeCapacity::of).toList();
        } catch (ApiException e) {
            throw unavailable("list nodes", e);
        }
    }

    @Override
    public ClusterSnapshot snapshot() throws ClusterUnavailableException {
        List<ClusterNode> nodes = listNodes();
        List<V1Pod> pods;
        try {
            pods = core().listPodForAllNamespaces().execute().getItems();
        } catch (ApiException e) {
            throw unavailable("list pods", e);
        }
        return new ClusterSnapshot(nodes, PodObservation.roomForLabs(nodes, pods),
                pods.stream().map(PodObservation::lab).flatMap(Optional::stream).toList());
    }

    @Override
    public void provision(LabBlueprint lab, String token) throws ClusterUnavailableException {
        CoreV1Api api = core();
        createUnlessExists("create namespace " + lab.namespace(), () -> api.createNamespace(new V1Namespace()
                .apiVersion("v1").kind("Namespace")
                .metadata(new V1ObjectMeta().name(lab.namespace())
                        .putLabelsItem(LabObjects.MANAGED_BY, LabObjects.CAMPUSLAB)
                        .putLabelsItem(LabObjects.TENANT, lab.tenant()))).execute());
        createUnlessExists("create secret " + lab.name(),
                () -> api.createNamespacedSecret(lab.namespace(), LabObjects.secret(lab, token)).execute());
        createUnlessExists("create service " + lab.name(),
                () -> api.createNamespacedService(lab.namespace(), LabObjects.service(lab)).execute());
        createUnlessExists("create pod " + lab.name(),
                () -> api.createNamespacedPod(lab.namespace(), LabObjects.pod(lab)).execute());
    }

    @Override
    public void remove(String namespace, String name) throws ClusterUnavailableException {
        CoreV1Api api = core();
        deleteUnlessGone("delete pod " + name, () -> api.deleteNamespacedPod(name, namespace).execute());
        deleteUnlessGone("delete service " + name, () -> api.deleteNamespacedService(name, namespace).execute());
        deleteUnlessGone("delete secret " + name, () -> api.deleteNamespacedSecret(name, namespace).execute());
    }

    @Override
    public Optional<LabAccess> access(String namespace, String name) throws ClusterUnavailableException {
        try {
            V1Service service = core().readNamespacedService(name, namespace).execute();
            Integer nodePort = service.getSpec() == null || service.getSpec().getPorts() == null
                    || service.getSpec().getPorts().isEmpty() ? null : service.getSpec().getPorts().get(0).getNodePort();
            if (nodePort == null) {
                return Optional.empty();
            }
            V1Secret secret = core().readNamespacedSecret(name, namespace).execute();
            return LabObjects.token(secret).map(token -> new LabAccess(nodePort, token));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("read the access of " + name, e);
        }
    }

    /** A call to the API that may fail with its status. */
    @FunctionalInterface
    private interface Call {
        void run() throws ApiException;
    }

    private static void createUnlessExists(String what, Call call) throws ClusterUnavailableException {
        try {
            call.run();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw unavailable(what, e);
            }
        }
    }

    private static void deleteUnlessGone(String what, Call call) throws ClusterUnavailableException {
        try {
            call.run();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw unavailable(what, e);
            }
        }
    }

    private CoreV1Api core() throws ClusterUnavailableException {
        CoreV1Api api = core;
        if (api == null) {
            synchronized (this) {
                if (core == null) {
                    core = new CoreV1Api(ApiClients.create(settings.kubeconfig(), settings.kubernetesCallTimeout()));
                }
                api = core;
            }
        }
        return api;
    }

    private static ClusterUnavailableException unavailable(String call, ApiException e) {
        String detail = call + ": " + (e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode());
        LOG.warning(() -> "Kubernetes API call failed: " + detail);
        return new ClusterUnavailableException(detail);
    }
}
