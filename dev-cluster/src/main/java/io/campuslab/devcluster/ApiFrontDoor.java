package io.campuslab.devcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The port clients outside the simulator use: it passes bytes to the API server behind it, and can
 * be closed and opened again, so that "the API server is down" means what it means on a real
 * cluster: connections refused, open ones cut. The simulated kubelet talks to the server directly
 * and keeps running meanwhile, as the pods of a real cluster do.
 */
final class ApiFrontDoor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ApiFrontDoor.class.getName());

    private final int backendPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptor;
    private int lastPort;

    private ApiFrontDoor(int backendPort) {
        this.backendPort = backendPort;
    }

    /** Opens the door on the given loopback port (0 picks a free one) in front of the backend port. */
    static ApiFrontDoor open(int port, int backendPort) throws IOException {
        ApiFrontDoor door = new ApiFrontDoor(backendPort);
        door.bind(port);
        return door;
    }

    int port() {
        return lastPort;
    }

    /** Accepts connections again, on the same port. */
    synchronized void reopen() {
        if (listener == null || listener.isClosed()) {
            try {
                bind(lastPort);
            } catch (IOException e) {
                throw new UncheckedIOException("The dev-cluster's API port cannot be opened again", e);
            }
        }
    }

    /** Refuses new connections and cuts the open ones, until {@link #reopen()}. */
    synchronized void refuse() {
        if (listener != null) {
            closeQuietly(listener);
        }
        if (acceptor != null) {
            try {
                // a connection it was letting in is cut before the door counts as closed
                acceptor.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        open.forEach(ApiFrontDoor::closeQuietly);
        open.clear();
    }

    private void bind(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 128);
        listener = socket;
        lastPort = socket.getLocalPort();
        acceptor = new Thread(() -> accept(socket), "dev-cluster-front-door");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                client.setTcpNoDelay(true);
                backend.setTcpNoDelay(true);
                open.add(client);
                open.add(backend);
                if (socket.isClosed()) {
                    // the door closed while this connection was being let in: it is cut as the others were
                    closeQuietly(client);
                    closeQuietly(backend);
                    open.remove(client);
                    open.remove(backend);
                    return;
                }
                pipe(client, backend);
                pipe(backend, client);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.FINE, "A connection through the dev-cluster's front door failed", e);
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed, or the door was closed: both sockets end below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "dev-cluster-front-door-pipe");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        refuse();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.log(Level.FINEST, "Closing a front-door socket", e);
        }
    }
}
