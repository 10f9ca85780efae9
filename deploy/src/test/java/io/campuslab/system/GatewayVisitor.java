package io.campuslab.system;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A browser of labs through the gateway: it keeps the cookies it is given and follows redirects. */
public final class GatewayVisitor {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();

    public HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies the visitor holds. */
    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** Adds a cookie by hand, as an attacker who got hold of one would. */
    public void plant(String url, String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/labs/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url), cookie);
    }

    /** The lab's key in a gateway address. */
    public static String key(String url) {
        int start = url.indexOf("/labs/") + "/labs/".length();
        return url.substring(start, start + 26);
    }

    /** A WebSocket into a lab with the visitor's cookies; what it receives, and when it closes. */
    public Socket socket(String url) throws Exception {
        String cookie = String.join("; ", cookies.getCookieStore().get(URI.create(url.replaceFirst("^ws", "http"))).stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        Socket socket = new Socket();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        socket.ws = builder.buildAsync(URI.create(url), socket).get(15, TimeUnit.SECONDS);
        return socket;
    }

    /** One WebSocket: the messages it got, and whether (and when) it closed. */
    public static final class Socket implements WebSocket.Listener {

        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        public final CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket ws;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }

        public String echo(String text) throws Exception {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
            return received.poll(10, TimeUnit.SECONDS);
        }
    }
}
