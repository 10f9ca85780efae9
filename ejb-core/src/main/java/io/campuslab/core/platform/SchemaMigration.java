package io.campuslab.core.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date before anything else runs, then checks that the entities
 * match it: a node with a schema it does not understand refuses to start rather than corrupt data.
 * Flyway's own lock table keeps several nodes starting at once from migrating twice. Before that, a
 * real installation that still uses a secret of the local demo refuses to start ({@link DemoSecrets}).
 * A node that starts while the database is away (restarting, failing over) waits for it, asking again
 * with growing pauses for about five minutes, rather than failing its deployment at once.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    /** 1, 2, 4, 8, then every 10 s: about five minutes in all. */
    static final int CONNECT_RETRIES = 32;
    static final int LONGEST_RETRY_PAUSE_SECONDS = 10;

    @Resource(lookup = "java:jboss/datasources/CampusLabDS")
    DataSource dataSource;

    @PersistenceUnit(unitName = "campuslab")
    EntityManagerFactory entityManagerFactory;

    @Inject
    CoreSettings settings;

    @Inject
    Config config;

    @PostConstruct
    void migrate() {
        refuseDemoSecrets();
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (settings.demoData()) {
            locations.add("classpath:db/demo");
        }
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                // The EJB timer store creates its table in the same schema before this runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .connectRetries(CONNECT_RETRIES)
                .connectRetriesInterval(LONGEST_RETRY_PAUSE_SECONDS)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, demo data " + settings.demoData() + ")");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }

    private void refuseDemoSecrets() {
        Map<String, String> values = new HashMap<>();
        java.util.stream.Stream.concat(DemoSecrets.DEMO_VALUES.keySet().stream(), DemoSecrets.OPTIONAL_DEMO_VALUES.keySet().stream())
                .forEach(key -> config.getOptionalValue(key, String.class).ifPresent(value -> values.put(key, value)));
        List<String> stillDemo = DemoSecrets.stillDemo(settings.demoData(), values);
        if (!stillDemo.isEmpty()) {
            throw new IllegalStateException("CampusLab refuses to start with the local demo's secrets outside the demo: set "
                    + String.join(" and ", stillDemo) + " (environment " + String.join(", ", stillDemo.stream()
                    .map(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')).toList())
                    + ") to a secret of your own");
        }
    }
}
