package io.campuslab.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.devcluster.DevCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm chart in {@code deploy/helm/campuslab}: it lints, its schema refuses what it should, it
 * renders what a hardened cluster wants, and the real API server accepts every object it renders
 * (server-side dry run, with the real admission chain: a pod of the portal's template is admitted in
 * a namespace at the restricted Pod Security level).
 */
class ChartTest {

    private static final Path CHART = Path.of("helm", "campuslab").toAbsolutePath();
    private static final String NAMESPACE = "campuslab-system";

    static {
        // the build gives the tests a temporary folder of their own, which a clean checkout has yet to make
        new java.io.File(System.getProperty("java.io.tmpdir")).mkdirs();
    }

    private static Path helm;
    private static DevCluster cluster;
    private static KubernetesClient admin;

    @BeforeAll
    static void start(@TempDir Path folder) throws IOException {
        var binaries = DevCluster.controlPlaneBinaries();
        if (binaries.isEmpty()) {
            if (io.campuslab.devcluster.ControlPlane.buildable()) {
                throw new AssertionError("A Go toolchain is here but the control plane and helm were not built "
                        + "(dev-cluster/control-plane/build.sh)");
            }
            Assumptions.abort("No control plane and helm built (no Go toolchain)");
        }
        helm = binaries.get().resolve("helm");
        cluster = DevCluster.startReal(binaries.get(), 0, folder.resolve("kubeconfig"), Duration.ofSeconds(1),
                folder.resolve("cluster"), false);
        admin = cluster.client();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            admin.close();
            cluster.close();
        }
    }

    @Test
    void theChartLintsStrictly() throws Exception {
        Result lint = helm("lint", "--strict", CHART.toString());
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    @Test
    void itRendersAHardenedPortalWithSecretsByReference() throws Exception {
        List<HasMetadata> objects = render();

        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount", "ClusterRole",
                "ClusterRole", "ClusterRoleBinding", "StatefulSet", "Service", "Service", "Ingress",
                "PodDisruptionBudget", "NetworkPolicy");
        ClusterRoleBinding binding = only(objects, ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName()).as("the school role is never bound cluster-wide").isEqualTo("campuslab-portal");
        assertThat(binding.getSubjects()).singleElement().satisfies(s ->
                assertThat(s.getNamespace() + ":" + s.getName()).isEqualTo(NAMESPACE + ":campuslab-portal"));

        StatefulSet portal = only(objects, StatefulSet.class);
        var pod = portal.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Container container = pod.getContainers().get(0);
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/started");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("CAMPUSLAB_DB_PASSWORD")
                || e.getName().equals("CAMPUSLAB_OIDC_CLIENT_SECRET")).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.getValue()).as("a secret is never a value in the chart").isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
                });
        assertThat(container.getEnv()).as("directories are off unless the operator gives their account")
                .noneMatch(e -> e.getName().startsWith("CAMPUSLAB_DIRECTORIES_"));
        assertThat(pod.getContainers().get(0).getArgs()).contains("-b", "0.0.0.0");
        assertThat(portal.getSpec().getTemplate().getMetadata().getLabels())
                .as("the labs' NetworkPolicies admit the gateway by this label")
                .containsEntry("app.kubernetes.io/name", "campuslab-portal");

        Ingress ingress = only(objects, Ingress.class);
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("campuslab-tls"));
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
    }

    @Test
    void theSchemaRefusesAMisspeltKeyAWrongTypeAndAPlainSecret() throws Exception {
        Result misspelt = helm("template", "campuslab", CHART.toString(), "--set", "replica=3");
        assertThat(misspelt.exitCode()).isNotZero();
        assertThat(misspelt.output()).contains("replica");

        Result wrongType = helm("template", "campuslab", CHART.toString(), "--set-string", "replicas=two");
        assertThat(wrongType.exitCode()).isNotZero();
        assertThat(wrongType.output()).contains("replicas");

        Result plainPassword = helm("template", "campuslab", CHART.toString(), "--set", "database.password=secret");
        assertThat(plainPassword.exitCode()).as("only a reference to a Secret is accepted").isNotZero();

        Result directories = helm("template", "campuslab", CHART.toString(), "--set", "oidc.directories.enabled=true");
        assertThat(directories.exitCode()).as(directories.output()).isZero();
        assertThat(directories.output()).contains("CAMPUSLAB_DIRECTORIES_CLIENT_SECRET", "name: campuslab-directories")
                .doesNotContain("campuslab-dev-directories");
        Result plainDirectoriesSecret = helm("template", "campuslab", CHART.toString(), "--set",
                "oidc.directories.clientSecret=secret");
        assertThat(plainDirectoriesSecret.exitCode()).as("only a reference to a Secret is accepted").isNotZero();

        Result badUrl = helm("template", "campuslab", CHART.toString(), "--set", "database.url=http://db:3306/x");
        assertThat(badUrl.exitCode()).isNotZero();
        assertThat(badUrl.output()).contains("database");
    }

    @Test
    void theRealApiServerAcceptsEveryRenderedObjectAndAdmitsThePortalsPod() throws Exception {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .addToLabels("pod-security.kubernetes.io/enforce-version", "latest").endMetadata().build())
                .createOr(existing -> existing.patch());
        List<String> accepted = new ArrayList<>();
        for (HasMetadata object : render()) {
            // the roles exist already (the dev-cluster gave the portal's account its rights): replace them dry
            HasMetadata answer = admin.resource(object).dryRun().createOr(existing -> existing.update());
            accepted.add(answer.getKind() + "/" + answer.getMetadata().getName());
        }
        assertThat(accepted).hasSize(10).contains("StatefulSet/campuslab", "Ingress/campuslab", "NetworkPolicy/campuslab");

        // the ServiceAccount admission looks the pod's account up: it exists once the chart is installed
        admin.resource(only(render(), io.fabric8.kubernetes.api.model.ServiceAccount.class)).createOr(existing -> existing.patch());
        StatefulSet portal = only(render(), StatefulSet.class);
        Pod pod = new PodBuilder().withMetadata(portal.getSpec().getTemplate().getMetadata()).editMetadata()
                .withName("campuslab-0").withNamespace(NAMESPACE).endMetadata()
                .withSpec(portal.getSpec().getTemplate().getSpec()).build();
        Pod admitted = admin.pods().inNamespace(NAMESPACE).resource(pod).dryRun().create();
        assertThat(admitted.getSpec().getServiceAccountName()).isEqualTo("campuslab-portal");
    }

    private static List<HasMetadata> render() throws Exception {
        Result rendered = helm("template", "campuslab", CHART.toString(), "--namespace", NAMESPACE);
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        try (KubernetesClient parser = new KubernetesClientBuilder().build()) {
            return parser.load(new ByteArrayInputStream(rendered.output().getBytes(StandardCharsets.UTF_8))).items();
        }
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> matching = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result helm(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(helm.toString());
        command.addAll(List.of(arguments));
        Path home = Files.createTempDirectory("helm");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // helm keeps nothing of this machine's: its caches and settings in a folder of the test's
        builder.environment().putAll(Map.of("HELM_CACHE_HOME", home.resolve("cache").toString(),
                "HELM_CONFIG_HOME", home.resolve("config").toString(), "HELM_DATA_HOME", home.resolve("data").toString()));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
