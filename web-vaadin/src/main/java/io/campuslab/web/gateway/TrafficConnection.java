package io.campuslab.web.gateway;

import io.campuslab.core.gateway.GatewayDirectory;
import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientStatistics;
import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.xnio.ChannelListener;
import org.xnio.Option;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A connection into a lab for a WebSocket: as the proxy turns it into a raw stream, every read and
 * write on it (a frame either way) counts as the lab's activity, and the gateway holds it to close
 * it when the lab stops or its holder may no longer be there. Everything else is the pooled connection's.
 */
final class TrafficConnection implements ClientConnection {

    private final ClientConnection delegate;
    private final LabGatewayHandler.Target lab;
    private final GatewayDirectory directory;

    TrafficConnection(ClientConnection delegate, LabGatewayHandler.Target lab, GatewayDirectory directory) {
        this.delegate = delegate;
        this.lab = lab;
        this.directory = directory;
    }

    @Override
    public void sendRequest(ClientRequest request, ClientCallback<ClientExchange> callback) {
        delegate.sendRequest(request, new ClientCallback<>() {
            @Override
            public void completed(ClientExchange exchange) {
                callback.completed(new TrafficExchange(exchange, TrafficConnection.this));
            }

            @Override
            public void failed(IOException e) {
                callback.failed(e);
            }
        });
    }

    @Override
    public StreamConnection performUpgrade() throws IOException {
        StreamConnection upgraded = delegate.performUpgrade();
        long labId = lab.route().labId();
        StreamSourceConduit source = upgraded.getSourceChannel().getConduit();
        upgraded.getSourceChannel().setConduit(new AbstractStreamSourceConduit<>(source) {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                return counted(next.read(dst));
            }

            @Override
            public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
                return counted(next.read(dsts, offset, length));
            }
        });
        StreamSinkConduit sink = upgraded.getSinkChannel().getConduit();
        upgraded.getSinkChannel().setConduit(new AbstractStreamSinkConduit<>(sink) {
            @Override
            public int write(ByteBuffer src) throws IOException {
                return counted(next.write(src));
            }

            @Override
            public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
                return counted(next.write(srcs, offset, length));
            }
        });
        directory.hold(labId, lab.pass(), upgraded);
        return upgraded;
    }

    private int counted(int bytes) {
        if (bytes > 0) {
            directory.touch(lab.route().labId());
        }
        return bytes;
    }

    private long counted(long bytes) {
        if (bytes > 0) {
            directory.touch(lab.route().labId());
        }
        return bytes;
    }

    @Override
    public ByteBufferPool getBufferPool() {
        return delegate.getBufferPool();
    }

    @Override
    public SocketAddress getPeerAddress() {
        return delegate.getPeerAddress();
    }

    @Override
    public <A extends SocketAddress> A getPeerAddress(Class<A> type) {
        return delegate.getPeerAddress(type);
    }

    @Override
    public ChannelListener.Setter<? extends ClientConnection> getCloseSetter() {
        return delegate.getCloseSetter();
    }

    @Override
    public SocketAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public <A extends SocketAddress> A getLocalAddress(Class<A> type) {
        return delegate.getLocalAddress(type);
    }

    @Override
    public XnioWorker getWorker() {
        return delegate.getWorker();
    }

    @Override
    public XnioIoThread getIoThread() {
        return delegate.getIoThread();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public boolean supportsOption(Option<?> option) {
        return delegate.supportsOption(option);
    }

    @Override
    public <T> T getOption(Option<T> option) throws IOException {
        return delegate.getOption(option);
    }

    @Override
    public <T> T setOption(Option<T> option, T value) throws IOException {
        return delegate.setOption(option, value);
    }

    @Override
    public boolean isUpgraded() {
        return delegate.isUpgraded();
    }

    @Override
    public boolean isPushSupported() {
        return delegate.isPushSupported();
    }

    @Override
    public boolean isMultiplexingSupported() {
        return delegate.isMultiplexingSupported();
    }

    @Override
    public ClientStatistics getStatistics() {
        return delegate.getStatistics();
    }

    @Override
    public boolean isUpgradeSupported() {
        return delegate.isUpgradeSupported();
    }

    @Override
    public void addCloseListener(ChannelListener<ClientConnection> listener) {
        delegate.addCloseListener(listener);
    }
}
