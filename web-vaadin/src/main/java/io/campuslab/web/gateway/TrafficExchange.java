package io.campuslab.web.gateway;

import io.undertow.client.ClientCallback;
import io.undertow.client.ClientConnection;
import io.undertow.client.ClientExchange;
import io.undertow.client.ClientRequest;
import io.undertow.client.ClientResponse;
import io.undertow.client.ContinueNotification;
import io.undertow.client.PushCallback;
import io.undertow.util.AttachmentKey;
import io.undertow.util.AttachmentList;
import java.io.IOException;
import java.util.List;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.channels.StreamSourceChannel;

/** A request into a lab whose connection is a {@link TrafficConnection}: the proxy upgrades through it. */
final class TrafficExchange implements ClientExchange {

    private final ClientExchange delegate;
    private final TrafficConnection connection;

    TrafficExchange(ClientExchange delegate, TrafficConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    @Override
    public void setResponseListener(ClientCallback<ClientExchange> listener) {
        delegate.setResponseListener(new ClientCallback<>() {
            @Override
            public void completed(ClientExchange result) {
                listener.completed(TrafficExchange.this);
            }

            @Override
            public void failed(IOException e) {
                listener.failed(e);
            }
        });
    }

    @Override
    public void setContinueHandler(ContinueNotification handler) {
        delegate.setContinueHandler(handler);
    }

    @Override
    public void setPushHandler(PushCallback handler) {
        delegate.setPushHandler(handler);
    }

    @Override
    public StreamSinkChannel getRequestChannel() {
        return delegate.getRequestChannel();
    }

    @Override
    public StreamSourceChannel getResponseChannel() {
        return delegate.getResponseChannel();
    }

    @Override
    public ClientRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public ClientResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public ClientResponse getContinueResponse() {
        return delegate.getContinueResponse();
    }

    @Override
    public ClientConnection getConnection() {
        return connection;
    }

    @Override
    public <T> T getAttachment(AttachmentKey<T> key) {
        return delegate.getAttachment(key);
    }

    @Override
    public <T> List<T> getAttachmentList(AttachmentKey<? extends List<T>> key) {
        return delegate.getAttachmentList(key);
    }

    @Override
    public <T> T putAttachment(AttachmentKey<T> key, T value) {
        return delegate.putAttachment(key, value);
    }

    @Override
    public <T> T removeAttachment(AttachmentKey<T> key) {
        return delegate.removeAttachment(key);
    }

    @Override
    public <T> void addToAttachmentList(AttachmentKey<AttachmentList<T>> key, T value) {
        delegate.addToAttachmentList(key, value);
    }
}
