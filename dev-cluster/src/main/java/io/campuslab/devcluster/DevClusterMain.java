package io.campuslab.devcluster;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the dev-cluster as a process: {@code DevClusterMain [--port 6443] [--kubeconfig FILE]}.
 * Prints one line "dev-cluster ready at URL" once it serves, and stops on SIGTERM or Ctrl-C.
 */
public final class DevClusterMain {

    private DevClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 6443;
        Path kubeconfig = Path.of(".campuslab", "kubeconfig");
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--kubeconfig" -> kubeconfig = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --port N and --kubeconfig FILE)");
            }
        }
        DevCluster cluster = DevCluster.start(port, kubeconfig);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "dev-cluster-shutdown"));
        System.out.println("dev-cluster ready at " + cluster.url() + ": " + cluster.describe() + " (kubeconfig "
                + kubeconfig.toAbsolutePath() + ")");
        stopped.await();
    }
}
