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
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date before anything else runs, then checks that the entities
 * match it: a node with a schema it does not understand refuses to start rather than corrupt data.
 * Flyway's own lock table keeps several nodes starting at once from migrating twice.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/CampusLabDS")
    DataSource dataSource;

    @PersistenceUnit(unitName = "campuslab")
    EntityManagerFactory entityManagerFactory;

    @Inject
    CoreSettings settings;

    @PostConstruct
    void migrate() {
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
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, demo data " + settings.demoData() + ")");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    }
}
