package io.campuslab.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
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
                .orShould().haveFullyQualifiedName("io.campuslab.core.gateway.GatewayRefresh");
        rule.check(campuslab);
    }
}
