package io.campuslab.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One step for each of many items, a few at a time, as a crowd signing in would: the first failure fails the whole. */
final class InParallel {

    @FunctionalInterface
    interface Step<T> {
        void run(T item) throws Exception;
    }

    private InParallel() {
    }

    static <T> void forEach(Iterable<T> items, int threads, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> {
                    step.run(item);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
