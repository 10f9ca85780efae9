package io.campuslab.system.services;

import io.campuslab.devstack.LocalStack;
import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application an in-container test runs in: the built EAR's EJB module and libraries — the
 * services exactly as they ship — without the web module (the running portal serves the site), with
 * a test module holding the test classes. It runs beside the portal as a second node would: on the
 * same database and cluster, its scheduler switched off, so that the portal's scheduler alone runs
 * the labs.
 */
public final class ServicesArchive {

    static final String NAME = "campuslab-services-test";

    private ServicesArchive() {
    }

    public static EnterpriseArchive with(Class<?>... testClasses) {
        EnterpriseArchive built = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, LocalStack.ear().toFile());
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, NAME + ".ear");
        for (var entry : built.getContent().entrySet()) {
            ArchivePath path = entry.getKey();
            Node node = entry.getValue();
            if (node.getAsset() != null && (path.get().startsWith("/lib/") || path.get().equals("/campuslab-core.jar"))) {
                ear.add(node.getAsset(), path);
            }
        }
        ear.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "services-test-settings.jar")
                .addAsResource(new StringAsset("campuslab.scheduler.enabled=false\n"), "META-INF/microprofile-config.properties"));
        WebArchive tests = ShrinkWrap.create(WebArchive.class, NAME + ".war")
                .addClasses(testClasses)
                .addClasses(ServicesTest.class, StackFirst.class, Person.class)
                .addAsLibrary(jarOf(Assertions.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsModule(tests);
        ear.setApplicationXML(new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                  <initialize-in-order>true</initialize-in-order>
                  <module><ejb>campuslab-core.jar</ejb></module>
                  <module><web><web-uri>%s.war</web-uri><context-root>/%s</context-root></web></module>
                  <library-directory>lib</library-directory>
                </application>
                """.formatted(NAME, NAME)));
        ear.addAsManifestResource(new StringAsset("""
                <?xml version="1.0" encoding="UTF-8"?>
                <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.3">
                  <sub-deployment name="%s.war">
                    <dependencies>
                      <module name="org.wildfly.security.elytron-base"/>
                    </dependencies>
                  </sub-deployment>
                </jboss-deployment-structure>
                """.formatted(NAME)), "jboss-deployment-structure.xml");
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
