package io.campuslab.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.gateway.GatewayDirectory;
import io.campuslab.core.gateway.GatewayPasses.Standing;
import io.campuslab.core.gateway.LabRoute;
import io.undertow.Undertow;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of a lab, on a real Undertow server and a stand-in lab server: what the
 * visitor's ticket and cookie open, what the lab sees of the request, and what the visitor is told
 * when the lab does not answer or the way in is refused.
 */
class LabGatewayHandlerTest {

    private static final String KEY = "samslabkeyaaaaaaaaaaaaaaaa";
    private final HttpClient http = HttpClient.newHttpClient();
    private final GatewayDirectory directory = new GatewayDirectory(Clock.systemUTC());
    private Undertow lab;
    private Undertow gateway;
    private String base;

    @BeforeEach
    void start() {
        directory.useSecret("a gateway secret of thirty-two b".getBytes());
        // the lab repeats what reached it, and sets a cookie of its own on the whole host
        lab = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange -> {
            exchange.getResponseHeaders().put(Headers.SET_COOKIE, "_xsrf=abc; Path=/");
            exchange.getResponseSender().send("authorization=" + exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION)
                    + "\ncookie=" + exchange.getRequestHeaders().getFirst(Headers.COOKIE) + "\npath=" + exchange.getRequestPath());
        }).build();
        lab.start();
        gateway = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(new LabGatewayHandler(ResponseCodeHandler.HANDLE_404, () -> directory)).build();
        gateway.start();
        base = "http://127.0.0.1:" + port(gateway);
    }

    @AfterEach
    void stop() {
        gateway.stop();
        lab.stop();
    }

    @Test
    void theTicketOpensTheLabOnceAndTheLabSeesItsTokenButNoneOfThePortalsCookies() throws Exception {
        route(port(lab));
        String ticket = directory.ticket(7, "s-sam", Standing.OWNER);

        HttpResponse<String> entered = get("/labs/" + KEY + "/_campuslab/enter?ticket=" + ticket, Map.of());
        assertThat(entered.statusCode()).isEqualTo(303);
        assertThat(entered.headers().firstValue("Location")).contains("/labs/" + KEY + "/");
        String setCookie = entered.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("cl_" + KEY + "=").contains("HttpOnly").contains("Path=/labs/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = get("/labs/" + KEY + "/tree", Map.of("Cookie", cookie + "; JSESSIONID=portal; theme=dark"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("authorization=token lab-token", "cookie=theme=dark", "path=/labs/" + KEY + "/tree");
        assertThat(page.headers().allValues("Set-Cookie")).as("the lab's cookie stays below the lab")
                .contains("_xsrf=abc; Path=/labs/" + KEY + "/");

        assertThat(get("/labs/" + KEY + "/_campuslab/enter?ticket=" + ticket, Map.of()).statusCode()).as("once").isEqualTo(403);
        assertThat(get("/labs/" + KEY + "/tree", Map.of("Cookie", "cl_" + KEY + "=C.7.forged")).statusCode()).isEqualTo(403);
        assertThat(get("/labs/" + KEY + "/tree", Map.of()).statusCode()).as("no cookie").isEqualTo(403);
    }

    @Test
    void aLabThatTakesNoConnectionYetGetsAPageThatTriesAgainInTheVisitorsLanguage() throws Exception {
        int late = freePort();
        route(late);
        String cookie = enter();

        HttpResponse<String> english = get("/labs/" + KEY + "/", Map.of("Cookie", cookie));
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.headers().firstValue("Retry-After")).contains("3");
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(english.body()).contains("<meta http-equiv=\"refresh\" content=\"3\">", "The lab is not answering yet");

        HttpResponse<String> chinese = get("/labs/" + KEY + "/", Map.of("Cookie", cookie, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"));
        assertThat(chinese.statusCode()).isEqualTo(503);
        assertThat(chinese.body()).contains("lang=\"zh-CN\"", "实验环境尚未响应");

        // the lab's server comes up: the very next try reaches it, with no pause for a "failed" host
        Undertow upNow = Undertow.builder().addHttpListener(late, "127.0.0.1")
                .setHandler(exchange -> exchange.getResponseSender().send("up")).build();
        upNow.start();
        try {
            HttpResponse<String> up = get("/labs/" + KEY + "/", Map.of("Cookie", cookie));
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("up");
        } finally {
            upNow.stop();
        }
    }

    @Test
    void refusalsAreInTheVisitorsChosenLanguageAndSayNothingOfOtherLabs() throws Exception {
        route(port(lab));
        HttpResponse<String> guessed = get("/labs/" + "b".repeat(26) + "/", Map.of("Cookie", "campuslab-language=zh-CN"));
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(guessed.body()).contains("没有这个实验环境");

        HttpResponse<String> malformed = get("/labs/" + KEY.toUpperCase() + "/", Map.of("Accept-Language", "x".repeat(600)));
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).contains("No such lab.");
        assertThat(get("/labs/" + KEY + "-nope/", Map.of("Cookie", enter())).statusCode()).as("a port the lab lacks").isEqualTo(404);
        assertThat(get("/somewhere-else", Map.of()).statusCode()).as("not the gateway's").isEqualTo(404);
    }

    private void route(int labPort) {
        directory.replace(List.of(new LabRoute(7, KEY, "north-high", "s-sam", List.of("http"),
                new LabAccess(Map.of("http", new LabAccess.Endpoint("127.0.0.1", labPort)), "lab-token"), Set.of(), Set.of())),
                Optional.empty());
    }

    /** The owner's cookie, had for a ticket. */
    private String enter() throws Exception {
        HttpResponse<String> entered = get("/labs/" + KEY + "/_campuslab/enter?ticket=" + directory.ticket(7, "s-sam", Standing.OWNER), Map.of());
        String setCookie = entered.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** A port nothing listens on: a lab server not up yet. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
