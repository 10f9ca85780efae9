package io.campuslab.devstack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./campuslab run [--nodes N]}: starts the whole stack, with N portal nodes (default 1) on one
 * database, prints where everything is and the demo logins, and runs until Ctrl-C or
 * {@code ./campuslab stop} (SIGTERM), then stops everything it started.
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        int nodes;
        try {
            nodes = nodes(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
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
            stack.startServices().startPortal(nodes).supervise();
        } catch (StackException e) {
            System.err.println("CampusLab did not start: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException | LinkageError e) {
            System.err.println("CampusLab did not start because of a defect in the launcher:");
            e.printStackTrace();
            System.exit(1);
        }
        String cluster = stack.devCluster().map(io.campuslab.devcluster.DevCluster::describe)
                .orElse("the cluster of " + settings.kubeconfig());
        System.out.print(Banner.text(settings, nodes, (System.nanoTime() - started) / 1_000_000_000L, cluster));
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The number of portal nodes the arguments ask for: {@code --nodes N}, 1 to {@value PortalNode#MOST}. */
    static int nodes(String[] args) {
        if (args.length == 0) {
            return 1;
        }
        if (args.length == 2 && args[0].equals("--nodes") && args[1].matches("[1-9]")) {
            int nodes = Integer.parseInt(args[1]);
            if (nodes <= PortalNode.MOST) {
                return nodes;
            }
        }
        throw new IllegalArgumentException("Usage: ./campuslab run [--nodes N], N from 1 to " + PortalNode.MOST
                + " (the portal's WildFly servers on one database)");
    }
}
