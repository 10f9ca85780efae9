package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.domain.platform.EgressRanges;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1IPBlock;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LimitRange;
import io.kubernetes.client.openapi.models.V1LimitRangeItem;
import io.kubernetes.client.openapi.models.V1LimitRangeSpec;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A school's objects on the cluster, built from its {@link SchoolPolicy}: the namespace, the
 * ResourceQuota that mirrors the school's quota, the LimitRange that sizes a container nobody sized,
 * and the NetworkPolicies: nothing is allowed by default, labs accept connections only from the
 * portal's pods (the lab gateway) and reach only the cluster's DNS and the allowed networks, less the closed ranges. Pure, compared with golden files by the tests.
 */
public final class SchoolObjects {

    /** The name of the quota, the limit range and the prefix of the policies in every school namespace. */
    public static final String NAME = "campuslab";
    /** The label every portal pod carries (deploy/), by which lab NetworkPolicies admit the gateway. */
    public static final String PORTAL_POD_LABEL = "app.kubernetes.io/name";
    public static final String PORTAL_POD_VALUE = "campuslab-portal";
    /** The annotation on the quota with the fingerprint of the policy the objects were written from. */
    public static final String POLICY = "campuslab.io/policy";

    private SchoolObjects() {
    }

    /**
     * The school's namespace with its Pod Security Admission labels: it enforces the level every lab pod
     * of the platform meets, and warns and audits at {@code restricted}, so that the cluster's audit log
     * and every client show what keeps a pod from the strictest level.
     */
    public static V1Namespace namespace(SchoolPolicy school) {
        return new V1Namespace().apiVersion("v1").kind("Namespace")
                .metadata(metadata(school, school.namespace()).labels(namespaceLabels(school)));
    }

    /**
     * The claims of the school's files (cluster storage): ReadWriteMany, annotated with the folder
     * below the storage root where the provisioner is to place them. Created once, never deleted by
     * the portal: the files outlive every lab.
     */
    public static List<V1PersistentVolumeClaim> claims(SchoolPolicy school) {
        List<V1PersistentVolumeClaim> claims = new ArrayList<>();
        for (SchoolClaim claim : school.claims()) {
            V1ObjectMeta metadata = metadata(school, claim.name());
            metadata.setAnnotations(Map.of(SchoolClaim.STORAGE_PATH, claim.storagePath()));
            claims.add(new V1PersistentVolumeClaim().apiVersion("v1").kind("PersistentVolumeClaim").metadata(metadata)
                    .spec(new V1PersistentVolumeClaimSpec().accessModes(List.of("ReadWriteMany"))
                            .storageClassName(claim.storageClassOrNull())
                            .resources(new V1VolumeResourceRequirements()
                                    .requests(Map.of("storage", Quantity.fromString(claim.sizeGib() + "Gi"))))));
        }
        return claims;
    }

    /** The namespace's labels, also patched onto a namespace that exists already. */
    public static Map<String, String> namespaceLabels(SchoolPolicy school) {
        Map<String, String> labels = new LinkedHashMap<>(metadata(school, school.namespace()).getLabels());
        labels.put(PodSecurity.ENFORCE, school.podSecurity());
        labels.put(PodSecurity.ENFORCE + "-version", "latest");
        labels.put(PodSecurity.WARN, PodSecurity.Level.RESTRICTED.label());
        labels.put(PodSecurity.WARN + "-version", "latest");
        labels.put(PodSecurity.AUDIT, PodSecurity.Level.RESTRICTED.label());
        labels.put(PodSecurity.AUDIT + "-version", "latest");
        return labels;
    }

    /** The role that holds what the portal does inside a school's namespace, bound there to its service account. */
    public static final String SCHOOL_ROLE = "campuslab-school";

    /**
     * The binding that gives the portal's service account the school role in the school's namespace:
     * the portal's rights in a namespace exist only where CampusLab made the namespace.
     *
     * @param serviceAccount the account's namespace and name
     */
    public static V1RoleBinding roleBinding(SchoolPolicy school, String[] serviceAccount) {
        return new V1RoleBinding().apiVersion("rbac.authorization.k8s.io/v1").kind("RoleBinding")
                .metadata(metadata(school, "campuslab-portal").namespace(school.namespace()))
                .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(SCHOOL_ROLE))
                .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").namespace(serviceAccount[0]).name(serviceAccount[1])));
    }

    public static V1ResourceQuota quota(SchoolPolicy school) {
        Map<String, Quantity> hard = new TreeMap<>();
        school.hard().forEach((resource, amount) -> hard.put(resource, Quantity.fromString(amount)));
        V1ObjectMeta metadata = metadata(school, NAME).namespace(school.namespace())
                .putAnnotationsItem(POLICY, school.fingerprint());
        return new V1ResourceQuota().apiVersion("v1").kind("ResourceQuota").metadata(metadata)
                .spec(new V1ResourceQuotaSpec().hard(hard));
    }

    public static V1LimitRange limitRange(SchoolPolicy school) {
        return new V1LimitRange().apiVersion("v1").kind("LimitRange")
                .metadata(metadata(school, NAME).namespace(school.namespace()))
                .spec(new V1LimitRangeSpec().addLimitsItem(new V1LimitRangeItem().type("Container")
                        .putDefaultItem("cpu", Quantity.fromString(school.defaultCpuMillis() + "m"))
                        .putDefaultItem("memory", Quantity.fromString(school.defaultMemoryMib() + "Mi"))
                        .putDefaultRequestItem("cpu", Quantity.fromString(school.defaultCpuRequestMillis() + "m"))
                        .putDefaultRequestItem("memory", Quantity.fromString(school.defaultMemoryRequestMib() + "Mi"))));
    }

    /**
     * Nothing in the namespace talks or is talked to unless a policy allows it; labs are reached only
     * from the portal's pods (the lab gateway) and reach only the cluster's DNS and the allowed networks, less the ranges
     * they must never reach ({@link EgressRanges}).
     */
    public static List<V1NetworkPolicy> networkPolicies(SchoolPolicy school) {
        V1NetworkPolicy denyAll = policy(school, NAME + "-default-deny", new V1NetworkPolicySpec()
                .podSelector(new V1LabelSelector()).policyTypes(List.of("Ingress", "Egress")));
        V1LabelSelector labs = new V1LabelSelector().putMatchLabelsItem(LabObjects.MANAGED_BY, LabObjects.CAMPUSLAB);
        // only the portal's pods (the lab gateway) connect to labs; no portal namespace: nobody
        V1NetworkPolicySpec fromGateway = new V1NetworkPolicySpec().podSelector(labs).policyTypes(List.of("Ingress"));
        if (!school.portalNamespace().isEmpty()) {
            fromGateway.addIngressItem(new V1NetworkPolicyIngressRule().addFromItem(new V1NetworkPolicyPeer()
                    .namespaceSelector(new V1LabelSelector().putMatchLabelsItem("kubernetes.io/metadata.name", school.portalNamespace()))
                    .podSelector(new V1LabelSelector().putMatchLabelsItem(PORTAL_POD_LABEL, PORTAL_POD_VALUE))));
        }
        V1NetworkPolicy ingress = policy(school, NAME + "-ingress", fromGateway);
        List<V1NetworkPolicyEgressRule> egress = new ArrayList<>();
        egress.add(new V1NetworkPolicyEgressRule()
                .addToItem(new V1NetworkPolicyPeer()
                        .namespaceSelector(new V1LabelSelector().putMatchLabelsItem("kubernetes.io/metadata.name", "kube-system"))
                        .podSelector(new V1LabelSelector().putMatchLabelsItem("k8s-app", "kube-dns")))
                .ports(List.of(new V1NetworkPolicyPort().protocol("UDP").port(new IntOrString(53)),
                        new V1NetworkPolicyPort().protocol("TCP").port(new IntOrString(53)))));
        List<EgressRanges.Block> allowed = EgressRanges.of(school.egressCidrs(), school.clusterCidrs());
        if (!allowed.isEmpty()) {
            egress.add(new V1NetworkPolicyEgressRule().to(allowed.stream().map(block -> new V1NetworkPolicyPeer()
                    .ipBlock(new V1IPBlock().cidr(block.cidr()).except(block.except().isEmpty() ? null : block.except())))
                    .toList()));
        }
        V1NetworkPolicy out = policy(school, NAME + "-egress", new V1NetworkPolicySpec().podSelector(labs)
                .policyTypes(List.of("Egress")).egress(egress));
        return List.of(denyAll, ingress, out);
    }

    /** The fingerprint written on an observed quota, if it is CampusLab's. */
    public static Optional<String> fingerprint(V1ResourceQuota quota) {
        V1ObjectMeta metadata = quota.getMetadata();
        if (metadata == null || !NAME.equals(metadata.getName()) || metadata.getLabels() == null
                || !LabObjects.CAMPUSLAB.equals(metadata.getLabels().get(LabObjects.MANAGED_BY))) {
            return Optional.empty();
        }
        return Optional.ofNullable(metadata.getAnnotations() == null ? null : metadata.getAnnotations().get(POLICY));
    }

    private static V1NetworkPolicy policy(SchoolPolicy school, String name, V1NetworkPolicySpec spec) {
        return new V1NetworkPolicy().apiVersion("networking.k8s.io/v1").kind("NetworkPolicy")
                .metadata(metadata(school, name).namespace(school.namespace())).spec(spec);
    }

    private static V1ObjectMeta metadata(SchoolPolicy school, String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LabObjects.MANAGED_BY, LabObjects.CAMPUSLAB);
        labels.put(LabObjects.TENANT, school.tenant());
        return new V1ObjectMeta().name(name).labels(labels);
    }
}
