package io.campuslab.devcluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The portal's identity on a real control plane, as the chart makes it: the ServiceAccount
 * {@value #NAMESPACE}/{@value #NAME} bound to the role {@code campuslab-portal}, with the roles of
 * the chart's {@code files/roles.yaml} (copied into this module's resources by the build, so that
 * there is one file), and a token for it from the TokenRequest API, as a projected token of the
 * portal's pod would be.
 */
final class PortalAccount {

    static final String NAMESPACE = "campuslab";
    static final String NAME = "campuslab-portal";
    private static final String MANIFEST = "roles.yaml";

    private PortalAccount() {
    }

    /** Creates or updates the namespace, the account, the roles and the binding of the first. */
    static void apply(KubernetesClient admin) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
                .createOr(existing -> existing.patch());
        admin.serviceAccounts().inNamespace(NAMESPACE).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName(NAME).endMetadata().build()).createOr(existing -> existing.patch());
        for (HasMetadata object : manifest(admin)) {
            admin.resource(object).createOr(existing -> existing.update());
        }
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(NAME)
                .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName(NAME).endRoleRef().addNewSubject().withKind("ServiceAccount").withName(NAME)
                .withNamespace(NAMESPACE).endSubject().build()).createOr(existing -> existing.update());
    }

    /** A fresh token of the portal's account, valid for the given time. */
    static String token(KubernetesClient admin, Duration validity) {
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(validity.toSeconds())
                .endSpec().build();
        TokenRequest answer = admin.serviceAccounts().inNamespace(NAMESPACE).withName(NAME).tokenRequest(request);
        return answer.getStatus().getToken();
    }

    private static List<HasMetadata> manifest(KubernetesClient admin) {
        try (InputStream in = PortalAccount.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " is missing from the dev-cluster's resources");
            }
            return admin.load(in).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
