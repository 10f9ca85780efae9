package io.campuslab.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build left the WildFly server, the EAR and the Keycloak distribution. */
record Artifacts(Path wildfly, Path ear, Path keycloakDist, String keycloakVersion) {

    static Artifacts fromBuild() {
        Properties properties = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream("artifacts.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Artifacts(Path.of(properties.getProperty("wildfly.dir")), Path.of(properties.getProperty("ear")),
                Path.of(properties.getProperty("keycloak.dist")), properties.getProperty("keycloak.version"));
    }

    void requirePresent() throws StackException {
        for (Path path : new Path[] {wildfly.resolve("bin/standalone.sh"), ear, keycloakDist}) {
            if (!Files.exists(path)) {
                throw new StackException("Missing " + path + ": build first with ./mvnw install -DskipTests");
            }
        }
    }
}
