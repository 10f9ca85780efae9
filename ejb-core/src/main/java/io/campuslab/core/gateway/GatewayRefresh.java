package io.campuslab.core.gateway;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's {@link GatewayDirectory} true: every {@value #EVERY_MILLIS} ms it reads the
 * running labs and who may enter them, asks the cluster for the address of labs it does not know yet
 * (a lab's address does not change while it runs), closes connections that lost their right, and
 * every fifth time writes the traffic seen as the labs' activity. Every portal node runs its own: the
 * gateway scales with the nodes. No transaction is open during a call to the cluster.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Roles.PLATFORM_ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayRefresh {

    static final long EVERY_MILLIS = 3000;
    private static final Logger LOG = Logger.getLogger(GatewayRefresh.class.getName());

    @Resource
    TimerService timers;

    @Inject
    GatewayBook book;

    @Inject
    ClusterGateway cluster;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    private GatewayDirectory directory;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicInteger ticks = new AtomicInteger();

    @PostConstruct
    void start() {
        directory = new GatewayDirectory(clock);
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig("lab-gateway", false));
    }

    /** This node's directory, for the proxy. */
    @PermitAll
    public GatewayDirectory directory() {
        return directory;
    }

    @Timeout
    void onTimer() {
        refresh();
        if (ticks.incrementAndGet() % 5 == 0) {
            try {
                book.recordTraffic(directory.trafficToWrite());
            } catch (EJBException | jakarta.persistence.PersistenceException e) {
                LOG.log(Level.WARNING, "The labs' traffic could not be written; it is written with the next", e);
            }
        }
    }

    /** Brings the directory up to date now (a lab that just started is opened before the next tick). */
    @PermitAll
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!directory.ready()) {
                directory.useSecret(book.secret());
            }
            Instant now = clock.instant();
            List<LabRoute> routes = new ArrayList<>();
            for (GatewayBook.Entry entry : book.runningLabs(now)) {
                // a lab's address does not change while it runs: the cluster is asked only for new labs
                Optional<LabAccess> access = directory.routeOf(entry.labId()).map(LabRoute::access);
                if (access.isEmpty()) {
                    try {
                        access = cluster.access(entry.namespace(), entry.name());
                    } catch (ClusterUnavailableException e) {
                        LOG.fine(() -> "No address yet for " + entry.name() + ": " + e.detail());
                    }
                }
                access.ifPresent(found -> routes.add(new LabRoute(entry.labId(), entry.key(), entry.tenant(),
                        entry.ownerSubject(), entry.ports(), found, entry.teachers(), entry.admins())));
            }
            directory.replace(routes, settings.current().labDomain());
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            LOG.log(Level.WARNING, "Gateway refresh failed; the next one tries again", e);
        } finally {
            refreshing.set(false);
        }
    }
}
