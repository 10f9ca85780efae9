package io.campuslab.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.identity.DirectoryConnections;
import io.campuslab.core.identity.IdentityDirectory;
import io.campuslab.core.identity.ProviderConnections;
import io.campuslab.core.lab.LabBooks;
import io.campuslab.core.lab.LabScheduler;
import io.campuslab.core.lab.SchedulerPass;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/architecture.md, checked on the compiled classes of all three modules. */
class ArchitectureTest {

    private static JavaClasses campuslab;

    @BeforeAll
    static void importClasses() {
        campuslab = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.campuslab.domain", "io.campuslab.core", "io.campuslab.web");
    }

    @Test
    void persistenceKnowsNothingOfServicesUiOrKubernetes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.campuslab.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.campuslab.core..", "io.campuslab.web..", "jakarta.ejb..", "com.vaadin..", "io.kubernetes..");
        rule.check(campuslab);
    }

    @Test
    void uiNeverTouchesEntityManagerEntitiesOrKubernetes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.campuslab.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.kubernetes..",
                        "io.campuslab.core.cluster.kubernetes..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class);
        rule.check(campuslab);
    }

    /**
     * Screens and resources speak the services' language: the services' own types and, of the domain,
     * only its enums, its immutable values (records) and the role names. Never an entity, an
     * embeddable, a repository or another class of the persistence module.
     */
    @Test
    void screensAndResourcesUseTheDomainsValuesOnly() {
        com.tngtech.archunit.base.DescribedPredicate<JavaClass> beyondValues = com.tngtech.archunit.base.DescribedPredicate
                .describe("are domain classes other than enums, records and the role names", type ->
                        type.getPackageName().startsWith("io.campuslab.domain") && !type.isEnum() && !type.isRecord()
                                && !type.isEquivalentTo(io.campuslab.domain.identity.Roles.class)
                                && !(type.getEnclosingClass().isPresent() && type.getEnclosingClass().get().isEnum()));
        noClasses().that().resideInAPackage("io.campuslab.web..")
                .should().dependOnClassesThat(beyondValues).check(campuslab);
    }

    /** The services never reach up into the screens or the REST resources. */
    @Test
    void servicesKnowNothingOfScreensOrResources() {
        noClasses().that().resideInAPackage("io.campuslab.core..")
                .should().dependOnClassesThat().resideInAPackage("io.campuslab.web..").check(campuslab);
    }

    /** The services' packages (lab, cluster, audit, identity, ...) depend on each other one way only. */
    @Test
    void theServicesPackagesHaveNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.campuslab.core.(*)..").should().beFreeOfCycles().check(campuslab);
    }

    @Test
    void onlyTheKubernetesAdapterImportsTheKubernetesClient() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.campuslab.core.cluster.kubernetes..")
                .should().dependOnClassesThat().resideInAPackage("io.kubernetes..");
        rule.check(campuslab);
    }

    @Test
    void everyPublicServiceMethodDeclaresWhoMayCallIt() {
        ArchRule rule = methods().that().arePublic()
                .and().areDeclaredInClassesThat().areAnnotatedWith(Stateless.class)
                .and().areDeclaredInClassesThat().resideInAPackage("io.campuslab.core..")
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class);
        rule.check(campuslab);
    }

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        ArchRule rule = classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(DenyAll.class);
        rule.check(campuslab);
    }

    @Test
    void singletonsAreFewAndDeliberate() {
        ArchRule rule = classes().that().areAnnotatedWith(Singleton.class)
                .should().haveFullyQualifiedName("io.campuslab.core.platform.SchemaMigration")
                .orShould().haveFullyQualifiedName("io.campuslab.core.lab.LabScheduler")
                .orShould().haveFullyQualifiedName("io.campuslab.core.gateway.GatewayRefresh")
                .orShould().haveFullyQualifiedName("io.campuslab.core.lab.ChangeWatch");
        rule.check(campuslab);
    }

    /**
     * No remote call while a database transaction is open: a slow cluster or directory would hold
     * rows (a school's bookings, a roster) for every other caller. The cluster and the directory are
     * called only from EJB methods that run without a transaction, or from the scheduler's pure
     * pass, which only the scheduler (without a transaction) runs.
     */
    @Test
    void theClusterAndTheDirectoryAreCalledOnlyWithoutATransaction() {
        ArchRule remoteCalls = classes().that().resideInAPackage("io.campuslab..")
                .and().areNotAssignableTo(ClusterGateway.class).and().areNotAssignableTo(IdentityDirectory.class)
                .and().areNotAssignableTo(ProviderConnections.class).and().areNotAssignableTo(DirectoryConnections.class)
                .should(new ArchCondition<JavaClass>("call the cluster and the directory only without a transaction") {
                    @Override
                    public void check(JavaClass caller, ConditionEvents events) {
                        for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                            JavaClass target = call.getTargetOwner();
                            boolean remote = target.isAssignableTo(ClusterGateway.class)
                                    || target.isAssignableTo(IdentityDirectory.class)
                                    || target.isAssignableTo(ProviderConnections.class)
                                    || target.isAssignableTo(DirectoryConnections.class);
                            if (remote && !runsWithoutTransaction(call.getOrigin())) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()
                                        + " while a transaction may be open"));
                            }
                        }
                    }
                });
        remoteCalls.check(campuslab);

        ArchRule passes = noClasses().that().doNotHaveFullyQualifiedName(LabScheduler.class.getName())
                .should().callConstructor(SchedulerPass.class, LabBooks.class, ClusterGateway.class,
                        AdmissionPolicy.class, java.util.function.Supplier.class, java.util.concurrent.Executor.class);
        passes.check(campuslab);
    }

    private static boolean runsWithoutTransaction(JavaCodeUnit method) {
        JavaClass owner = method.getOwner();
        if (owner.isEquivalentTo(SchedulerPass.class)) {
            return true;
        }
        boolean bean = owner.isAnnotatedWith(Stateless.class) || owner.isAnnotatedWith(Singleton.class);
        if (!bean) {
            return false;
        }
        if (method.getModifiers().contains(JavaModifier.PRIVATE) && !method.getName().startsWith("lambda$")) {
            // a private helper runs in its callers' transaction, or in none if none of them has one
            return !method.getAccessesToSelf().isEmpty()
                    && method.getAccessesToSelf().stream().allMatch(call -> runsWithoutTransaction(call.getOrigin()));
        }
        // a lambda's body runs in the method that made it, which ArchUnit cannot tell: the class's attribute decides
        java.util.Optional<TransactionAttribute> declared = method.tryGetAnnotationOfType(TransactionAttribute.class)
                .or(() -> owner.tryGetAnnotationOfType(TransactionAttribute.class));
        return declared.map(a -> a.value() == TransactionAttributeType.NOT_SUPPORTED
                || a.value() == TransactionAttributeType.NEVER).orElse(false);
    }
}
