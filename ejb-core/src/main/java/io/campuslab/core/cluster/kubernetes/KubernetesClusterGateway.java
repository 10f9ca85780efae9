package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.cluster.LabRefusedException;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.lab.LabBlueprint;
import io.campuslab.core.platform.CoreSettings;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import io.kubernetes.client.openapi.models.V1EndpointSliceList;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> policies = new HashMap<>();
        try {
            pods = core().listPodForAllNamespaces().execute().getItems();
            for (V1ResourceQuota quota : core().listResourceQuotaForAllNamespaces()
                    .labelSelector(LabObjects.MANAGED_BY + "=" + LabObjects.CAMPUSLAB).execute().getItems()) {
                SchoolObjects.fingerprint(quota).ifPresent(f -> policies.put(quota.getMetadata().getNamespace(), f));
            }
        } catch (ApiException e) {
            throw unavailable("list pods and quotas", e);
        }
        return new ClusterSnapshot(nodes, PodObservation.roomForLabs(nodes, pods),
                pods.stream().map(PodObservation::lab).flatMap(Optional::stream).toList(), policies);
    }

    @Override
    public void applySchool(SchoolPolicy school) throws ClusterUnavailableException {
        CoreV1Api api = core();
        NetworkingV1Api networking = networking();
        String ns = school.namespace();
        createUnlessExists("create namespace " + ns, () -> api.createNamespace(SchoolObjects.namespace(school)).execute());
        // a namespace made before (or by hand) gets the labels too: Pod Security Admission reads them there
        try {
            V1Patch labels = new V1Patch(JSON.serialize(Map.of("metadata", Map.of("labels", SchoolObjects.namespaceLabels(school)))));
            PatchUtils.patch(V1Namespace.class, () -> api.patchNamespace(ns, labels).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, api.getApiClient());
        } catch (ApiException e) {
            throw unavailable("label namespace " + ns, e);
        }
        // everything else the portal does in the namespace, it may do through this binding only
        createUnlessExists("bind the school role in " + ns, () -> new RbacAuthorizationV1Api(api.getApiClient())
                .createNamespacedRoleBinding(ns, SchoolObjects.roleBinding(school, serviceAccount())).execute());
        for (V1PersistentVolumeClaim claim : SchoolObjects.claims(school)) {
            createUnlessExists("create claim " + claim.getMetadata().getName() + " of " + ns,
                    () -> api.createNamespacedPersistentVolumeClaim(ns, claim).execute());
        }
        V1LimitRange limits = SchoolObjects.limitRange(school);
        createOrReplace("limit range of " + ns, () -> api.createNamespacedLimitRange(ns, limits).execute(),
                () -> api.replaceNamespacedLimitRange(SchoolObjects.NAME, ns, limits).execute());
        for (V1NetworkPolicy policy : SchoolObjects.networkPolicies(school)) {
            String name = policy.getMetadata().getName();
            createOrReplace("network policy " + name + " of " + ns,
                    () -> networking.createNamespacedNetworkPolicy(ns, policy).execute(),
                    () -> networking.replaceNamespacedNetworkPolicy(name, ns, policy).execute());
        }
        // the quota last: its fingerprint says the school's objects are complete
        V1ResourceQuota quota = SchoolObjects.quota(school);
        createOrReplace("resource quota of " + ns, () -> api.createNamespacedResourceQuota(ns, quota).execute(),
                () -> api.replaceNamespacedResourceQuota(SchoolObjects.NAME, ns, quota).execute());
    }

    /** The portal's service account as namespace and name. */
    private String[] serviceAccount() {
        String account = settings == null ? "campuslab:campuslab-portal" : settings.kubernetesServiceAccount();
        String[] parts = account.split(":", 2);
        return parts.length == 2 ? parts : new String[] {"campuslab", account};
    }

    @Override
    public void provision(LabBlueprint lab, String token) throws ClusterUnavailableException, LabRefusedException {
        CoreV1Api api = core();
        if (lab.workspaceClaimOrNull() != null) {
            createLabObject("create workspace claim " + lab.workspaceClaimOrNull().name(), () -> api
                    .createNamespacedPersistentVolumeClaim(lab.namespace(), LabObjects.workspaceClaim(lab)).execute());
        }
        createLabObject("create secret " + lab.name(),
                () -> api.createNamespacedSecret(lab.namespace(), LabObjects.secret(lab, token)).execute());
        createLabObject("create service " + lab.name(),
                () -> api.createNamespacedService(lab.namespace(), LabObjects.service(lab)).execute());
        createLabObject("create pod " + lab.name(),
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
            V1EndpointSliceList slices = new DiscoveryV1Api(core().getApiClient()).listNamespacedEndpointSlice(namespace)
                    .labelSelector("kubernetes.io/service-name=" + name).execute();
            Map<String, LabAccess.Endpoint> endpoints = LabObjects.readyEndpoints(slices.getItems());
            if (endpoints.isEmpty()) {
                return Optional.empty();
            }
            V1Secret secret = core().readNamespacedSecret(name, namespace).execute();
            return LabObjects.token(secret).map(token -> new LabAccess(endpoints, token));
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

    /**
     * Creates one of a lab's objects. What exists is left alone; a refusal that concerns the lab
     * (its namespace's quota exceeded, an invalid object) is the lab's failure, not the cluster's.
     */
    private static void createLabObject(String what, Call call) throws ClusterUnavailableException, LabRefusedException {
        try {
            call.run();
        } catch (ApiException e) {
            if (e.getCode() == 409) {
                return;
            }
            if (e.getCode() == 422 || e.getCode() == 403 && String.valueOf(e.getResponseBody()).contains("exceeded quota")) {
                throw new LabRefusedException(statusMessage(e));
            }
            throw unavailable(what, e);
        }
    }

    private static void createOrReplace(String what, Call create, Call replace) throws ClusterUnavailableException {
        try {
            create.run();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw unavailable("create " + what, e);
            }
            try {
                replace.run();
            } catch (ApiException again) {
                throw unavailable("replace " + what, again);
            }
        }
    }

    /** The message of the API's Status answer, or its code. */
    private static String statusMessage(ApiException e) {
        String body = e.getResponseBody();
        if (body != null) {
            try {
                V1Status status = io.kubernetes.client.openapi.JSON.getGson().fromJson(body, V1Status.class);
                if (status != null && status.getMessage() != null) {
                    return status.getMessage();
                }
            } catch (RuntimeException notAStatus) {
                LOG.fine(() -> "The API answered " + e.getCode() + " without a Status body");
            }
        }
        return "HTTP " + e.getCode();
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

    private NetworkingV1Api networking() throws ClusterUnavailableException {
        return new NetworkingV1Api(core().getApiClient());
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
