package io.campuslab.core.cluster.kubernetes;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaList;
import io.kubernetes.client.util.CallGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nodes, pods and CampusLab's quotas as the API server last told them, kept by informers: one
 * list each, then a watch that brings every change. A scheduler pass reads them from here instead of
 * listing the whole cluster; an expired watch (410 Gone, after the API server compacted its history)
 * lists again by itself.
 *
 * <p>A cache is only as good as its watch: the caches count as fresh only while each informer's
 * latest list succeeded and its watch is open (seen on the wire, by an interceptor of the informers'
 * HTTP client: the informers themselves retry a refused connection quietly). Otherwise {@link #read()}
 * says so, and the caller lists directly and meets the API server's state, or its absence, itself.
 */
final class ClusterWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterWatch.class.getName());

    /** The cluster as the caches hold it. */
    record Cached(List<V1Node> nodes, List<V1Pod> pods, List<V1ResourceQuota> quotas) {
    }

    private final SharedInformerFactory factory;
    private final SharedIndexInformer<V1Node> nodes;
    private final SharedIndexInformer<V1Pod> pods;
    private final SharedIndexInformer<V1ResourceQuota> quotas;
    /** Per API path (nodes, pods, quotas): whether its latest list succeeded or its watch is open now. */
    private final Map<String, Boolean> open = new ConcurrentHashMap<>();
    /** The read timeout of a list: the portal's call timeout (a watch has none). */
    private final int listTimeoutMillis;

    /**
     * @param calls   the portal's client; the informers get a copy without a read timeout (a watch is
     *                one long read) that notes which watches are open
     * @param threads where the informers run
     */
    ClusterWatch(ApiClient calls, ExecutorService threads) {
        this.listTimeoutMillis = calls.getHttpClient().readTimeoutMillis();
        ApiClient client = ApiClients.forWatches(calls, this::noteOpen);
        CoreV1Api api = new CoreV1Api(client);
        this.factory = new SharedInformerFactory(client, threads, false);
        this.nodes = informer(V1Node.class, V1NodeList.class, params -> api.listNode()
                .resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds).watch(params.watch)
                .allowWatchBookmarks(true).buildCall(null));
        this.pods = informer(V1Pod.class, V1PodList.class, params -> api.listPodForAllNamespaces()
                .resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds).watch(params.watch)
                .allowWatchBookmarks(true).buildCall(null));
        this.quotas = informer(V1ResourceQuota.class, V1ResourceQuotaList.class, params -> api.listResourceQuotaForAllNamespaces()
                .labelSelector(LabObjects.MANAGED_BY + "=" + LabObjects.CAMPUSLAB)
                .resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds).watch(params.watch)
                .allowWatchBookmarks(true).buildCall(null));
        // what a pass never reads is not kept: the managed fields are most of an object's size
        for (SharedIndexInformer<?> informer : List.of(nodes, pods, quotas)) {
            informer.setTransform(object -> {
                if (object.getMetadata() != null) {
                    object.getMetadata().setManagedFields(null);
                }
                return object;
            });
        }
        factory.startAllRegisteredInformers();
    }

    /** What the caches hold, if every informer has listed and is watching now. */
    Optional<Cached> read() {
        if (!nodes.hasSynced() || !pods.hasSynced() || !quotas.hasSynced() || open.size() < 3
                || open.containsValue(Boolean.FALSE)) {
            return Optional.empty();
        }
        return Optional.of(new Cached(nodes.getIndexer().list(), pods.getIndexer().list(), quotas.getIndexer().list()));
    }

    /**
     * Watches every request the informers make: a list that succeeds or a watch that opens makes its
     * path fresh; a refused or failed request, or a watch whose stream ends, makes it stale.
     */
    private Response noteOpen(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        boolean watch = "true".equals(request.url().queryParameter("watch"));
        Response response;
        try {
            // a list waits no longer than any call; a watch is one long read
            response = (watch || listTimeoutMillis == 0 ? chain : chain.withReadTimeout(listTimeoutMillis, TimeUnit.MILLISECONDS))
                    .proceed(request);
        } catch (IOException e) {
            open.put(path, false);
            throw e;
        }
        if (!response.isSuccessful()) {
            open.put(path, false);
            return response;
        }
        open.put(path, true);
        if (!watch || response.body() == null) {
            return response;
        }
        return response.newBuilder().body(new EndNoticingBody(response.body(), () -> open.put(path, false))).build();
    }

    /** A response body that says when its stream ends: read to its end, failed, or closed. */
    private static final class EndNoticingBody extends ResponseBody {

        private final ResponseBody body;
        private final BufferedSource source;

        EndNoticingBody(ResponseBody body, Runnable ended) {
            this.body = body;
            this.source = Okio.buffer(new ForwardingSource(body.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    try {
                        long read = super.read(sink, byteCount);
                        if (read == -1) {
                            ended.run();
                        }
                        return read;
                    } catch (IOException e) {
                        ended.run();
                        throw e;
                    }
                }

                @Override
                public void close() throws IOException {
                    ended.run();
                    super.close();
                }
            });
        }

        @Override
        public MediaType contentType() {
            return body.contentType();
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }

    /** Which informers have listed and which watches are open, for logs and tests. */
    @Override
    public String toString() {
        return "synced nodes=" + nodes.hasSynced() + " pods=" + pods.hasSynced() + " quotas=" + quotas.hasSynced() + ", open " + open;
    }

    @Override
    public void close() {
        factory.stopAllRegisteredInformers(true);
    }

    private <T extends KubernetesObject, L extends KubernetesListObject> SharedIndexInformer<T> informer(
            Class<T> type, Class<L> listType, CallGenerator call) {
        return factory.sharedIndexInformerFor(call, type, listType, 0L, (failed, error) ->
                LOG.log(Level.FINE, "The watch of " + failed.getSimpleName() + " failed; it lists again", error));
    }
}
