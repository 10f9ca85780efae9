package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterUnavailableException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the API client the way an operator expects: an explicit kubeconfig file if configured,
 * else the standard discovery ({@code $KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster
 * service account). Timeouts are always set: the client's default read timeout waits forever.
 */
final class ApiClients {

    private ApiClients() {
    }

    static ApiClient create(Optional<String> kubeconfig, Duration callTimeout) throws ClusterUnavailableException {
        try {
            ApiClient client = kubeconfig.isPresent() ? fromFile(Path.of(kubeconfig.get())) : ClientBuilder.standard().build();
            int millis = Math.toIntExact(callTimeout.toMillis());
            client.setConnectTimeout(millis);
            client.setReadTimeout(millis);
            client.setWriteTimeout(millis);
            return client;
        } catch (IOException | RuntimeException e) {
            throw new ClusterUnavailableException("cannot configure the Kubernetes client: " + e.getMessage());
        }
    }

    /**
     * The same connection settings without a read timeout, for watches: a watch is one long read that
     * the API server ends itself (after its timeoutSeconds), and the call timeout would cut it.
     */
    static ApiClient forWatches(ApiClient calls, okhttp3.Interceptor interceptor) {
        ApiClient client = new ApiClient(calls.getHttpClient().newBuilder()
                .readTimeout(java.time.Duration.ZERO).callTimeout(java.time.Duration.ZERO)
                .addInterceptor(interceptor).build());
        client.setBasePath(calls.getBasePath());
        // a token from a kubeconfig is an API key of the client; the in-cluster token file and client
        // certificates live in the HTTP client, which the copy shares
        if (calls.getAuthentication("BearerToken") instanceof io.kubernetes.client.openapi.auth.ApiKeyAuth key
                && key.getApiKey() != null) {
            client.setApiKey(key.getApiKey());
            client.setApiKeyPrefix(key.getApiKeyPrefix());
        }
        return client;
    }

    private static ApiClient fromFile(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            config.setFile(file.toFile());
            return ClientBuilder.kubeconfig(config).build();
        }
    }
}
