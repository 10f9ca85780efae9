package io.campuslab.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.FileReader;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dev-cluster refuses what a real API server refuses, with the same status and words. */
@ExtendWith(DevClusterExtension.class)
class ApiAdmissionTest {

    private static final String NAMESPACE = "cl-admission-test";
    private CoreV1Api api;

    @BeforeEach
    void namespace(DevCluster cluster) throws Exception {
        try (FileReader reader = new FileReader(cluster.kubeconfig().toFile())) {
            ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
            api = new CoreV1Api(client);
        }
        if (api.listNamespace().execute().getItems().stream().noneMatch(n -> NAMESPACE.equals(n.getMetadata().getName()))) {
            api.createNamespace(new V1Namespace().apiVersion("v1").kind("Namespace")
                    .metadata(new V1ObjectMeta().name(NAMESPACE))).execute();
            api.createNamespacedResourceQuota(NAMESPACE, new V1ResourceQuota().apiVersion("v1").kind("ResourceQuota")
                    .metadata(new V1ObjectMeta().name("campuslab"))
                    .spec(new V1ResourceQuotaSpec().hard(Map.of("requests.nvidia.com/gpu", Quantity.fromString("2"),
                            "limits.memory", Quantity.fromString("16Gi"))))).execute();
        }
    }

    @Test
    void aPodBeyondTheNamespacesQuotaIsForbidden() throws Exception {
        api.createNamespacedPod(NAMESPACE, pod("quota-first", 2, "4Gi")).execute();

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> api.createNamespacedPod(NAMESPACE, pod("quota-second", 1, "4Gi")).execute());

        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getResponseBody()).contains("\"reason\":\"Forbidden\"")
                .contains("exceeded quota: campuslab, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=2,"
                        + " limited: requests.nvidia.com/gpu=2");
        api.deleteNamespacedPod("quota-first", NAMESPACE).execute();
        api.createNamespacedPod(NAMESPACE, pod("quota-second", 1, "4Gi")).execute();
        api.deleteNamespacedPod("quota-second", NAMESPACE).execute();
    }

    @Test
    void namesAndLabelsFollowTheApisSyntax() {
        ApiException badName = catchThrowableOfType(ApiException.class,
                () -> api.createNamespacedPod(NAMESPACE, pod("Lab_1", 0, "1Gi")).execute());
        V1Pod badLabel = pod("labelled", 0, "1Gi");
        badLabel.getMetadata().putLabelsItem("campuslab.io/owner", "sam smith");
        ApiException badValue = catchThrowableOfType(ApiException.class,
                () -> api.createNamespacedPod(NAMESPACE, badLabel).execute());

        assertThat(badName.getCode()).isEqualTo(422);
        assertThat(badName.getResponseBody()).contains("Pod \\\"Lab_1\\\" is invalid: metadata.name");
        assertThat(badValue.getCode()).isEqualTo(422);
        assertThat(badValue.getResponseBody()).contains("metadata.labels: Invalid value");
    }

    @Test
    void objectsNeedTheirNamespace() {
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> api.createNamespacedPod("cl-nowhere", pod("lost", 0, "1Gi")).execute());

        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseBody()).contains("namespaces \\\"cl-nowhere\\\" not found");
    }

    @Test
    void aPodsImagesMayChange() throws Exception {
        api.createNamespacedPod(NAMESPACE, pod("fixed", 0, "1Gi")).execute();

        V1Pod newImage = withNewImage("fixed", "busybox:1.37");

        assertThat(newImage.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:1.37");
        api.deleteNamespacedPod("fixed", NAMESPACE).execute();
    }

    @Test
    void aPodsSpecChangesOnlyInItsImages() throws Exception {
        api.createNamespacedPod(NAMESPACE, pod("sized", 0, "1Gi")).execute();
        V1Pod stored = api.readNamespacedPod("sized", NAMESPACE).execute();
        stored.getSpec().getContainers().get(0).getResources().putLimitsItem("memory", Quantity.fromString("2Gi"));
        // without a version the replacement is not checked against what changed since, only against the rules
        stored.getMetadata().setResourceVersion(null);

        ApiException resized = catchThrowableOfType(ApiException.class,
                () -> api.replaceNamespacedPod("sized", NAMESPACE, stored).execute());

        assertThat(resized.getCode()).isEqualTo(422);
        assertThat(resized.getResponseBody()).contains("pod updates may not change fields other than");
        api.deleteNamespacedPod("sized", NAMESPACE).execute();
    }

    @Test
    void aReplacementOfAnObjectThatChangedSinceIsAConflict() throws Exception {
        api.createNamespacedPod(NAMESPACE, pod("moving", 0, "1Gi")).execute();
        V1Pod first = api.readNamespacedPod("moving", NAMESPACE).execute();
        withNewImage("moving", "busybox:1.37");
        first.getSpec().getContainers().get(0).setImage("busybox:1.36");

        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> api.replaceNamespacedPod("moving", NAMESPACE, first).execute());

        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(stale.getResponseBody()).contains("the object has been modified");
        assertThat(api.readNamespacedPod("moving", NAMESPACE).execute().getSpec().getContainers().get(0).getImage())
                .isEqualTo("busybox:1.37");
        api.deleteNamespacedPod("moving", NAMESPACE).execute();
    }

    /** Changes the pod's image as a client does: read, change, replace, and again if it changed meanwhile. */
    private V1Pod withNewImage(String name, String image) throws Exception {
        for (int attempt = 0; ; attempt++) {
            V1Pod current = api.readNamespacedPod(name, NAMESPACE).execute();
            current.getSpec().getContainers().get(0).setImage(image);
            try {
                return api.replaceNamespacedPod(name, NAMESPACE, current).execute();
            } catch (ApiException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static V1Pod pod(String name, int gpus, String memory) {
        V1ResourceRequirements resources = new V1ResourceRequirements()
                .putRequestsItem("cpu", Quantity.fromString("100m"))
                .putLimitsItem("memory", Quantity.fromString(memory));
        if (gpus > 0) {
            resources.putRequestsItem("nvidia.com/gpu", Quantity.fromString(Integer.toString(gpus)))
                    .putLimitsItem("nvidia.com/gpu", Quantity.fromString(Integer.toString(gpus)));
        }
        return new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).namespace(NAMESPACE))
                .spec(new V1PodSpec().addContainersItem(new V1Container().name("lab").image("busybox:1.36")
                        .resources(resources)));
    }
}
