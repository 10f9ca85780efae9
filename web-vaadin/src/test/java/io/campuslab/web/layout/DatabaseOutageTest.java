package io.campuslab.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;

/** What counts as the database being out of reach, however deep the server wrapped it. */
class DatabaseOutageTest {

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        assertThat(DatabaseOutage.causes(new EJBTransactionRolledbackException("Unable to acquire JDBC Connection",
                new PersistenceException(new ResourceException("IJ000453: Unable to get managed connection"))))).isTrue();
    }

    @Test
    void aBrokenLinkToTheServerIsAnOutage() {
        assertThat(DatabaseOutage.causes(new PersistenceException(new SQLRecoverableException("Communications link failure"))))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causes(new PersistenceException(new SQLException("Duplicate entry", "23000")))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("a defect"))).isFalse();
    }
}
