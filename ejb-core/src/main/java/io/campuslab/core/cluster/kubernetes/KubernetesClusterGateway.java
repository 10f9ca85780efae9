package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.cluster.LabRefusedException;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.cluster.SchoolRefusedException;
import io.campuslab.core.cluster.LabBlueprint;
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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Reaches the cluster through the Kubernetes API, with the client {@link ApiClients} builds. */
@ApplicationScoped
public class KubernetesClusterGateway implements ClusterGateway {

    /** How often a refusal by a cache behind a fresh write is asked again (0.2, 0.4, 0.6, 0.8 s apart). */
    private static final int CACHE_ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(KubernetesClusterGateway.class.getName());

    private final CoreSettings settings;
    private volatile CoreV1Api core;
    /** The informers' caches, made with the first snapshot; null before and where there are no threads for them. */
    private volatile ClusterWatch watch;
    /** Where informers run, asked for when the first snapshot starts them; null: no informers. */
    private final Supplier<ExecutorService> watchThreads;

    @Inject
    public KubernetesClusterGateway(CoreSettings settings, ThreadsForWatches threads) {
        this.settings = settings;
        this.watchThreads = threads::pool;
    }

    /** For tests: a gateway on a given client that lists on every snapshot. */
    public KubernetesClusterGateway(ApiClient client) {
        this(client, null);
    }

    /** For tests: a gateway on a given client whose snapshots come from informers running on the given threads. */
    public KubernetesClusterGateway(ApiClient client, ExecutorService watchThreads) {
        this.settings = null;
        this.core = new CoreV1Api(client);
        this.watchThreads = watchThreads == null ? null : () -> watchThreads;
    }

    /** The informers' state, for tests: empty before the first snapshot. */
    String watchState() {
        return String.valueOf(watch);
    }

    @PreDestroy
    void stopWatching() {
        ClusterWatch running = watch;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public List<ClusterNode> listNodes() throws ClusterUnavailableException {
        try {
            return core().listNode().execute().getItems().stream().map(NodeCapacity::of).toList();
        } catch (ApiException e) {
            throw unavailable("list nodes", e);
        }
    }

    /**
     * From the informers' caches when they are fresh (no call at all), else by listing nodes, pods and
     * quotas: before the caches have listed, and while a watch is broken, so that an API server out of
     * reach is met here as such.
     */
    @Override
    public ClusterSnapshot snapshot() throws ClusterUnavailableException {
        Optional<ClusterWatch.Cached> cached = watch().flatMap(ClusterWatch::read);
        if (cached.isPresent()) {
            return snapshot(cached.get().nodes().stream().map(NodeCapacity::of).toList(), cached.get().pods(),
                    cached.get().quotas());
        }
        List<ClusterNode> nodes = listNodes();
        try {
            return snapshot(nodes, core().listPodForAllNamespaces().execute().getItems(), core()
                    .listResourceQuotaForAllNamespaces().labelSelector(LabObjects.MANAGED_BY + "=" + LabObjects.CAMPUSLAB)
                    .execute().getItems());
        } catch (ApiException e) {
            throw unavailable("list pods and quotas", e);
        }
    }

    private static ClusterSnapshot snapshot(List<ClusterNode> nodes, List<V1Pod> pods, List<V1ResourceQuota> quotas) {
        Map<String, String> policies = new HashMap<>();
        for (V1ResourceQuota quota : quotas) {
            SchoolObjects.fingerprint(quota).ifPresent(f -> policies.put(quota.getMetadata().getNamespace(), f));
        }
        return new ClusterSnapshot(nodes, PodObservation.roomForLabs(nodes, pods),
                pods.stream().map(PodObservation::lab).flatMap(Optional::stream).toList(), policies);
    }

    /** The informers, started with the first snapshot on a client of their own. */
    private Optional<ClusterWatch> watch() throws ClusterUnavailableException {
        if (watchThreads == null) {
            return Optional.empty();
        }
        ClusterWatch running = watch;
        if (running == null) {
            synchronized (this) {
                if (watch == null) {
                    ApiClient client = settings == null ? core().getApiClient()
                            : ApiClients.create(settings.kubeconfig(), settings.kubernetesCallTimeout());
                    watch = new ClusterWatch(client, watchThreads.get());
                }
                running = watch;
            }
        }
        return Optional.of(running);
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
        // the new limits first, without the fingerprint: a claim the new policy allows must not meet the
        // old quota (a school moved to claims gets the room of its file claims), and a pass cut short
        // from here on leaves a quota that says the school's objects are not complete yet
        V1ResourceQuota limitsFirst = SchoolObjects.quota(school);
        limitsFirst.getMetadata().getAnnotations().remove(SchoolObjects.POLICY);
        createOrReplace("resource quota of " + ns,
                whileCachesCatchUp(() -> api.createNamespacedResourceQuota(ns, limitsFirst).execute()),
                whileCachesCatchUp(() -> api.replaceNamespacedResourceQuota(SchoolObjects.NAME, ns, limitsFirst).execute()));
        for (V1PersistentVolumeClaim claim : SchoolObjects.claims(school)) {
            createUnlessExists("create claim " + claim.getMetadata().getName() + " of " + ns,
                    whileCachesCatchUp(() -> api.createNamespacedPersistentVolumeClaim(ns, claim).execute()));
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
    public void removeWorkspace(String namespace, String claim) throws ClusterUnavailableException {
        CoreV1Api api = core();
        deleteUnlessGone("delete workspace claim " + claim,
                () -> api.deleteNamespacedPersistentVolumeClaim(claim, namespace).execute());
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
            if (e.getCode() == 422 || e.getCode() == 403 && refusedByAdmission(String.valueOf(e.getResponseBody()))) {
                throw new LabRefusedException(statusMessage(e));
            }
            throw unavailable(what, e);
        }
    }

    /**
     * A 403 that is about the object, not the portal's rights: the namespace's quota, Pod Security,
     * or another admission plugin's refusal. Trying again would be refused again.
     */
    private static boolean refusedByAdmission(String body) {
        return body.contains("exceeded quota") || body.contains("violates PodSecurity") || body.contains("pod rejected:");
    }

    private static void createOrReplace(String what, Call create, Call replace) throws ClusterUnavailableException {
        try {
            create.run();
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw unavailableOrRefused("create " + what, e);
            }
            try {
                replace.run();
            } catch (ApiException again) {
                throw unavailableOrRefused("replace " + what, again);
            }
        }
    }

    /** A refusal of the object itself is the school's ({@link SchoolRefusedException}); anything else, the cluster's. */
    private static ClusterUnavailableException unavailableOrRefused(String what, ApiException e) {
        ClusterUnavailableException unavailable = unavailable(what, e);
        return e.getCode() == 422 || e.getCode() == 403 && refusedByAdmission(String.valueOf(e.getResponseBody()))
                ? new SchoolRefusedException(unavailable.detail() + ": " + abbreviate(statusMessage(e))) : unavailable;
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
                throw unavailableOrRefused(what, e);
            }
        }
    }

    /**
     * A call right after the school's role binding or quota was written. The API server's authorizer
     * and its quota admission judge by cached copies, which may be a moment behind the write: a
     * refusal that says "cannot" or "exceeded quota" is asked again a few times, a fraction of a
     * second apart, before it counts.
     */
    private static Call whileCachesCatchUp(Call call) {
        return () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    call.run();
                    return;
                } catch (ApiException e) {
                    String said = String.valueOf(e.getResponseBody());
                    boolean stale = e.getCode() == 403 && (said.contains("exceeded quota") || said.contains("cannot "));
                    if (!stale || attempt >= CACHE_ATTEMPTS) {
                        throw e;
                    }
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        };
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

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 500 ? line : line.substring(0, 500) + "…";
    }

    private static ClusterUnavailableException unavailable(String call, ApiException e) {
        String detail = call + ": " + (e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode());
        // what the API server said (a refused quota, a Pod Security violation) is for the operator's log
        String said = e.getCode() == 0 ? "" : " (" + abbreviate(statusMessage(e)) + ")";
        LOG.warning(() -> "Kubernetes API call failed: " + detail + said);
        return new ClusterUnavailableException(detail);
    }
}
