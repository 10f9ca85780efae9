package io.campuslab.core.lab;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every portal node reads the database's change counter every {@value #EVERY_MILLIS} ms, one
 * primary-key read, and tells its open pages when another node changed labs: a page shows a change
 * made through any node within about a second, without sticky sessions or a message broker.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeWatch {

    static final long EVERY_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(ChangeWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ChangeCounter counter;

    @Inject
    LabSignals signals;

    @PostConstruct
    void start() {
        signals.observed(counter.current());
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("change-watch", false));
    }

    @Timeout
    void onTimer() {
        try {
            signals.observed(counter.current());
        } catch (EJBException | PersistenceException e) {
            LOG.log(Level.FINE, "The change counter could not be read; the next tick tries again", e);
        }
    }
}
