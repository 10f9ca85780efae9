package io.campuslab.web.gateway;

import io.campuslab.core.gateway.GatewayDirectory;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyCallback;
import io.undertow.server.handlers.proxy.ProxyClient;
import io.undertow.server.handlers.proxy.ProxyConnection;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.UndertowClient;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.xnio.IoUtils;
import org.xnio.OptionMap;

/**
 * Chooses the lab's endpoint for each request (the gateway handler found it) and keeps a pool of
 * connections per endpoint. A WebSocket gets a connection of its own, wrapped so that its frames count
 * as the lab's activity and the gateway can close it when its holder may no longer be there.
 */
final class LabProxyClient implements ProxyClient {

    private final Supplier<GatewayDirectory> directory;
    private final Map<URI, LoadBalancingProxyClient> pools = new ConcurrentHashMap<>();

    LabProxyClient(Supplier<GatewayDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public ProxyTarget findTarget(HttpServerExchange exchange) {
        return exchange.getAttachment(LabGatewayHandler.TARGET);
    }

    @Override
    public void getConnection(ProxyTarget target, HttpServerExchange exchange, ProxyCallback<ProxyConnection> callback,
                              long timeout, TimeUnit unit) {
        LabGatewayHandler.Target lab = (LabGatewayHandler.Target) target;
        LoadBalancingProxyClient pool = pools.computeIfAbsent(lab.endpoint(),
                endpoint -> new LoadBalancingProxyClient().setConnectionsPerThread(8).setMaxQueueSize(100).addHost(endpoint));
        ProxyTarget host = pool.findTarget(exchange);
        if (host == null) {
            callback.couldNotResolveBackend(exchange);
            return;
        }
        // a WebSocket's handshake (isUpgrade() only says so once the answer is 101)
        if (!exchange.getRequestHeaders().contains(io.undertow.util.Headers.UPGRADE)) {
            pool.getConnection(host, exchange, callback, timeout, unit);
            return;
        }
        // A WebSocket gets a connection of its own, never one of the pool: the upgrade owns it for its
        // whole life, its frames are counted, and the gateway can close it.
        UndertowClient.getInstance().connect(new ClientCallback<>() {
            @Override
            public void completed(ClientConnection connection) {
                exchange.addExchangeCompleteListener((done, next) -> {
                    if (done.getStatusCode() != StatusCodes.SWITCHING_PROTOCOLS) {
                        IoUtils.safeClose(connection);
                    }
                    next.proceed();
                });
                callback.completed(exchange, new ProxyConnection(new TrafficConnection(connection, lab, directory.get()), ""));
            }

            @Override
            public void failed(IOException e) {
                callback.failed(exchange);
            }
        }, lab.endpoint(), exchange.getIoThread(), exchange.getConnection().getByteBufferPool(), OptionMap.EMPTY);
    }
}
