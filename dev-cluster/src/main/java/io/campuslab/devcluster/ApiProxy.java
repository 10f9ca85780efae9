package io.campuslab.devcluster;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.xnio.OptionMap;
import org.xnio.Xnio;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * What clients from outside see of a real control plane: a plain HTTP port on loopback that passes
 * each request, with its own credentials, to the API server over TLS, streaming answers and watches
 * through. On the way it counts the requests and the bytes of their answers, notes which kinds of
 * request were made, and plays the {@link Faults} tests switch on (late answers, server errors,
 * conflicts); "down" is played by the {@link ApiFrontDoor} in front of it.
 */
final class ApiProxy implements AutoCloseable {

    private final Undertow server;
    private final Faults faults;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Set<ApiAccess> accesses = ConcurrentHashMap.newKeySet();

    private ApiProxy(String backend, Faults faults) {
        this.faults = faults;
        LoadBalancingProxyClient backendClient = new LoadBalancingProxyClient()
                .addHost(URI.create(backend), new UndertowXnioSsl(Xnio.getInstance(), OptionMap.EMPTY, ControlPlane.trustingContext()))
                .setConnectionsPerThread(64).setSoftMaxConnectionsPerThread(32).setMaxQueueSize(4096)
                .setProblemServerRetry(1);
        HttpHandler proxy = ProxyHandler.builder().setProxyClient(backendClient).setMaxRequestTime(-1)
                .setRewriteHostHeader(false).setReuseXForwarded(false).build();
        this.server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, -1)
                .setWorkerThreads(64)
                .setHandler(exchange -> handle(exchange, proxy)).build();
    }

    static ApiProxy open(String backend, Faults faults) {
        ApiProxy proxy = new ApiProxy(backend, faults);
        proxy.server.start();
        return proxy;
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    long requests() {
        return requests.get();
    }

    /** The bytes of every answer so far, bodies of watches included. */
    long bytes() {
        return bytes.get();
    }

    Set<ApiAccess> accesses() {
        return Set.copyOf(accesses);
    }

    @Override
    public void close() {
        server.stop();
    }

    private void handle(HttpServerExchange exchange, HttpHandler proxy) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith("/api")) {
            proxy.handleRequest(exchange);
            return;
        }
        String query = exchange.getQueryString();
        ApiPath api = ApiPath.parse(query == null || query.isEmpty() ? path : path + "?" + query);
        boolean discovery = api.resource() == null;
        if (!discovery) {
            requests.incrementAndGet();
            accesses.add(ApiAccess.of(exchange.getRequestMethod().toString(), api));
            // counted as they go, so that a watch's events count while it is still open; a watch's headers go
            // out at once, as the API server sends them, not with its first event (which may come minutes later)
            boolean watch = api.isWatch();
            exchange.addResponseWrapper((factory, ignored) -> {
                CountingConduit conduit = new CountingConduit(factory.create(), bytes);
                if (watch) {
                    try {
                        conduit.flush();
                    } catch (IOException e) {
                        // the client went away: the exchange ends by itself
                    }
                }
                return conduit;
            });
        }
        Optional<Fault> fault = discovery ? Optional.empty()
                : faults.current().filter(f -> f.appliesTo(exchange.getRequestMethod().toString(), api));
        if (fault.isEmpty()) {
            proxy.handleRequest(exchange);
            return;
        }
        switch (fault.get().kind()) {
            case SLOW -> exchange.dispatch(SameThreadExecutor.INSTANCE, () -> exchange.getIoThread().executeAfter(
                    () -> Connectors.executeRootHandler(proxy, exchange), fault.get().delay().toMillis(), TimeUnit.MILLISECONDS));
            case CONFLICT -> status(exchange, 409, "AlreadyExists", api.resource() + " \""
                    + (api.name() == null ? "" : api.name()) + "\" already exists");
            case SERVER_ERROR -> status(exchange, 500, "InternalError", "Internal error occurred: the dev-cluster plays a server error");
            case DOWN -> exchange.getConnection().close();
        }
    }

    /** Counts the bytes of an answer's body written to the client. */
    private static final class CountingConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

        private final AtomicLong count;

        CountingConduit(StreamSinkConduit next, AtomicLong count) {
            super(next);
            this.count = count;
        }

        private <T extends Number> T counted(T written) {
            if (written.longValue() > 0) {
                count.addAndGet(written.longValue());
            }
            return written;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return counted(super.write(source));
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            return counted(super.write(sources, offset, length));
        }

        @Override
        public int writeFinal(ByteBuffer source) throws IOException {
            return counted(super.writeFinal(source));
        }

        @Override
        public long writeFinal(ByteBuffer[] sources, int offset, int length) throws IOException {
            return counted(super.writeFinal(sources, offset, length));
        }

        @Override
        public long transferFrom(FileChannel source, long position, long count) throws IOException {
            return counted(super.transferFrom(source, position, count));
        }

        @Override
        public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
            return counted(super.transferFrom(source, count, throughBuffer));
        }
    }

    private static void status(HttpServerExchange exchange, int code, String reason, String message) {
        exchange.setStatusCode(code);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":" + quote(message) + ",\"reason\":\"" + reason + "\",\"code\":" + code + "}", StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
