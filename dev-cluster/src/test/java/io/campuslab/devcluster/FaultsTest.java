package io.campuslab.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.FileReader;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tests switch failures of the API on and off; the simulator's own parts are not affected. */
@ExtendWith(DevClusterExtension.class)
class FaultsTest {

    private DevCluster cluster;
    private CoreV1Api api;

    @BeforeEach
    void client(DevCluster devCluster) throws Exception {
        cluster = devCluster;
        try (FileReader reader = new FileReader(cluster.kubeconfig().toFile())) {
            ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
            api = new CoreV1Api(client);
        }
    }

    @AfterEach
    void healthy() {
        cluster.faults().clear();
    }

    @Test
    void aDownApiRefusesConnectionsUntilItIsBack() throws Exception {
        cluster.faults().inject(Fault.down());

        ApiException refused = catchThrowableOfType(ApiException.class, () -> api.listNode().execute());
        int nodesSeenInside = cluster.client().nodes().list().getItems().size();
        cluster.faults().clear();

        assertThat(refused.getCode()).as(refused.getResponseBody() + " " + refused.getMessage()).isZero();
        assertThat(refused).hasRootCauseInstanceOf(ConnectException.class);
        assertThat(nodesSeenInside).isEqualTo(4);
        assertThat(api.listNode().execute().getItems()).hasSize(4);
    }

    @Test
    void aServerErrorCanBeNarrowedToOneKindOfCall() throws Exception {
        cluster.faults().inject(Fault.serverError().on("POST", "namespaces"));

        ApiException failed = catchThrowableOfType(ApiException.class, () -> api.createNamespace(namespace("cl-faulty")).execute());

        assertThat(failed.getCode()).isEqualTo(500);
        assertThat(failed.getResponseBody()).contains("\"reason\":\"InternalError\"");
        assertThat(api.listNode().execute().getItems()).hasSize(4);
    }

    @Test
    void aConflictFaultAnswersEveryCreateWith409() {
        cluster.faults().inject(Fault.conflict());

        ApiException conflict = catchThrowableOfType(ApiException.class, () -> api.createNamespace(namespace("cl-taken")).execute());

        assertThat(conflict.getCode()).isEqualTo(409);
        assertThat(cluster.client().namespaces().withName("cl-taken").get()).isNull();
    }

    @Test
    void aSlowApiAnswersLate() throws Exception {
        cluster.faults().inject(Fault.slow(Duration.ofMillis(700)));

        long started = System.nanoTime();
        api.listNode().execute();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    private static V1Namespace namespace(String name) {
        return new V1Namespace().apiVersion("v1").kind("Namespace").metadata(new V1ObjectMeta().name(name));
    }
}
