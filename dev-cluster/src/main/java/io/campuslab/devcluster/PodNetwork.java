package io.campuslab.devcluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The addresses of the simulated pods on a real control plane: 198.18.0.0/15, the range set aside
 * for network tests (RFC 2544), on this machine's loopback interface. Loopback's own 127.0.0.0/8
 * will not do: the API server refuses loopback addresses in EndpointSlices, where the lab gateway
 * looks for a lab's pod. Adding the range needs the right to configure the network (root); where the
 * range is not there and cannot be added, the dev-cluster serves its simulated API instead and says why.
 */
final class PodNetwork {

    private static final Logger LOG = Logger.getLogger(PodNetwork.class.getName());
    static final String RANGE = "198.18.0.0/15";
    private static final String FIRST = "198.18.0.1";
    private static volatile Optional<String> problem;

    private PodNetwork() {
    }

    /** Empty when pods can have addresses of the range here (adding it to loopback if need be), else why not. */
    static synchronized Optional<String> problem() {
        if (problem == null) {
            problem = prepare();
            problem.ifPresent(why -> LOG.warning("No pod network for a real control plane: " + why));
        }
        return problem;
    }

    /** The n-th pod address (n from 0): .2 to .254 of each of the range's 512 blocks of 256. */
    static String address(int n) {
        int block = n / 253;
        if (n < 0 || block >= 512) {
            throw new IllegalStateException("No pod address left in " + RANGE);
        }
        return "198." + (18 + block / 256) + "." + (block % 256) + "." + (2 + n % 253);
    }

    private static Optional<String> prepare() {
        if (bindable()) {
            return Optional.empty();
        }
        try {
            Process add = new ProcessBuilder("ip", "address", "add", FIRST + "/15", "dev", "lo").redirectErrorStream(true).start();
            String output = new String(add.getInputStream().readAllBytes()).strip();
            if (add.waitFor() != 0) {
                return Optional.of("'ip address add " + FIRST + "/15 dev lo' failed (" + output + "); run it once as root");
            }
        } catch (IOException e) {
            return Optional.of("the 'ip' command is missing (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        LOG.info("Added " + RANGE + " to the loopback interface for the dev-cluster's pods ('ip address del " + FIRST
                + "/15 dev lo' removes it)");
        return bindable() ? Optional.empty() : Optional.of(RANGE + " is on loopback but cannot be bound");
    }

    private static boolean bindable() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("198.18.0.2"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
