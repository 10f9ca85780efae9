package io.campuslab.bench;

import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.gateway.GatewayDirectory;
import io.campuslab.core.gateway.GatewayPasses.Standing;
import io.campuslab.core.gateway.LabRoute;
import io.campuslab.web.gateway.GatewayExtension;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.util.Headers;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab gateway's cost, measured on loopback: the same handler the portal puts in front of its
 * servlets, on its own Undertow, in front of a lab that answers HTTP and echoes WebSocket messages
 * (and insists on its token, as the dev-cluster's labs do).
 * <ol>
 *   <li>latency added per proxied request: the same GET sent 20,000 times straight to the lab (with
 *       its token) and through the gateway (with the lab's cookie), p50 and p99 of each;</li>
 *   <li>300 WebSockets held open through the gateway with messages flowing for 30 s: how many stay
 *       open, frames sent and echoed, and the heap the JVM holds beyond its start (gateway, lab and
 *       clients all in this one JVM: an upper bound for the gateway's share).</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:exec
 * -Dbench.main=io.campuslab.bench.GatewayBench -Dbench.args=}
 */
public final class GatewayBench {

    private static final String KEY = "benchlabkeyaaaaaaaaaaaaaaa";
    private static final String TOKEN = "bench-lab-token";
    private static final int REQUESTS = 20_000;
    private static final int SOCKETS = 300;

    private GatewayBench() {
    }

    public static void main(String[] args) throws Exception {
        Undertow lab = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
            if (!("token " + TOKEN).equals(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
                exchange.setStatusCode(403);
                exchange.endExchange();
                return;
            }
            if (exchange.getRelativePath().endsWith("/echo")) {
                Handlers.websocket((handshake, channel) -> {
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override
                        protected void onFullTextMessage(WebSocketChannel socket, BufferedTextMessage message) {
                            WebSockets.sendText(message.getData(), socket, null);
                        }
                    });
                    channel.resumeReceives();
                }).handleRequest(exchange);
                return;
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html");
            exchange.getResponseSender().send("<html><body><h1>a lab page of about a hundred bytes</h1></body></html>");
        }).build();
        lab.start();
        int labPort = ((InetSocketAddress) lab.getListenerInfo().get(0).getAddress()).getPort();

        GatewayDirectory directory = new GatewayDirectory(Clock.systemUTC());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        directory.useSecret(secret);
        LabRoute route = new LabRoute(1, KEY, "bench", "s-bench", List.of("http"),
                new LabAccess(Map.of("http", new LabAccess.Endpoint("127.0.0.1", labPort)), TOKEN), Set.of(), Set.of());
        directory.replace(List.of(route), Optional.empty());
        Undertow gateway = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(GatewayExtension.gateway(ResponseCodeHandler.HANDLE_404, () -> directory)).build();
        gateway.start();
        int gatewayPort = ((InetSocketAddress) gateway.getListenerInfo().get(0).getAddress()).getPort();
        String cookie = "cl_" + KEY + "=" + directory.cookie(directory.redeem(directory.ticket(1, "s-bench", Standing.OWNER), route)
                .orElseThrow());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest direct = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + labPort + "/labs/" + KEY + "/tree"))
                .header("Authorization", "token " + TOKEN).build();
        HttpRequest proxied = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/labs/" + KEY + "/tree"))
                .header("Cookie", cookie).build();
        time(http, direct, 5000);
        time(http, proxied, 5000);
        long[] straight = time(http, direct, REQUESTS);
        long[] through = time(http, proxied, REQUESTS);
        System.out.printf("requests: %d each, sequential, HTTP/1.1 keep-alive, loopback%n", REQUESTS);
        System.out.printf("straight to the lab   p50 %7.3f ms   p99 %7.3f ms%n", ms(straight, 50), ms(straight, 99));
        System.out.printf("through the gateway   p50 %7.3f ms   p99 %7.3f ms%n", ms(through, 50), ms(through, 99));
        System.out.printf("added by the gateway  p50 %7.3f ms   p99 %7.3f ms%n", ms(through, 50) - ms(straight, 50),
                ms(through, 99) - ms(straight, 99));

        System.gc();
        Thread.sleep(500);
        long heapBefore = usedHeap();
        AtomicLong echoed = new AtomicLong();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < SOCKETS; i++) {
            sockets.add(http.newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(URI.create("ws://127.0.0.1:" + gatewayPort + "/labs/" + KEY + "/api/kernels/" + i + "/echo"),
                            new WebSocket.Listener() {
                                @Override
                                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                    if (last) {
                                        echoed.incrementAndGet();
                                    }
                                    socket.request(1);
                                    return null;
                                }
                            }).get(10, TimeUnit.SECONDS));
        }
        long sent = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            for (WebSocket socket : sockets) {
                socket.sendText("{\"msg_type\": \"execute_request\", \"code\": \"print(1)\"}", true).get(5, TimeUnit.SECONDS);
                sent++;
            }
            Thread.sleep(100);
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (echoed.get() < sent && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        long open = sockets.stream().filter(s -> !s.isInputClosed() && !s.isOutputClosed()).count();
        System.gc();
        Thread.sleep(500);
        long heapAfter = usedHeap();
        System.out.printf("websockets: %d opened through the gateway, %d still open after 30 s; frames sent %d, echoed %d, lost %d;"
                + " held by the gateway %d%n", SOCKETS, open, sent, echoed.get(), sent - echoed.get(), directory.heldConnections());
        System.out.printf("heap beyond the start with %d sockets open: %.1f MB (gateway, lab and clients in one JVM)%n",
                SOCKETS, (heapAfter - heapBefore) / 1024.0 / 1024.0);
        sockets.forEach(WebSocket::abort);
        gateway.stop();
        lab.stop();
        System.exit(0);
    }

    private static long[] time(HttpClient http, HttpRequest request, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + request.uri());
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1_000_000.0;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
