package io.campuslab.devstack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./campuslab run}: starts the whole stack, prints where everything is and the demo logins,
 * and runs until Ctrl-C or {@code ./campuslab stop} (SIGTERM), then stops everything it started.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        LocalStack stack = new LocalStack(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping CampusLab ...");
            stack.close();
            stopped.countDown();
        }, "campuslab-stop"));
        long started = System.nanoTime();
        try {
            stack.startServices().startPortal().supervise();
        } catch (StackException e) {
            System.err.println("CampusLab did not start: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("CampusLab did not start because of a defect in the launcher:");
            e.printStackTrace();
            System.exit(1);
        }
        System.out.print(Banner.text(settings, (System.nanoTime() - started) / 1_000_000_000L));
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
