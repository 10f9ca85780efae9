package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.platform.CoreSettings;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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
