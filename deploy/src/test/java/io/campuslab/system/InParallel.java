package io.campuslab.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many people at once: one step for each of many items, a few at a time or all released together; the first failure fails the whole. */
public final class InParallel {

    @FunctionalInterface
    public interface Step<T> {
        void run(T item) throws Exception;
    }

    @FunctionalInterface
    public interface Call<T, R> {
        R run(T item) throws Exception;
    }

    private InParallel() {
    }

    public static <T> void forEach(Iterable<T> items, int threads, Step<T> step) throws Exception {
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

    /**
     * One call for each item, all released at the same moment from one latch (a burst), on one thread
     * each up to {@code threads}; the answers in the order of the items.
     */
    public static <T, R> List<R> atOnce(Iterable<T> items, int threads, Call<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<R>> calls = new ArrayList<>();
            for (T item : items) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return call.run(item);
                }));
            }
            start.countDown();
            List<R> answers = new ArrayList<>();
            for (Future<R> answer : calls) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
