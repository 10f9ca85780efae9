package io.campuslab.core.cluster.kubernetes;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads the informers run on: made by the server's managed thread factory (so they carry the
 * application's context and the server knows them), in a pool of their own, since each watch holds a
 * thread for as long as the portal runs.
 */
@ApplicationScoped
public class ThreadsForWatches {

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ExecutorService pool;

    synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newCachedThreadPool(threads);
        }
        return pool;
    }

    @PreDestroy
    synchronized void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
