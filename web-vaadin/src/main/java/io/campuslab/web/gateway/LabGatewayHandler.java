package io.campuslab.web.gateway;

import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.gateway.GatewayDirectory;
import io.campuslab.core.gateway.GatewayPasses;
import io.campuslab.core.gateway.GatewayPasses.Pass;
import io.campuslab.core.gateway.LabRoute;
import io.campuslab.web.i18n.LanguagePreference;
import io.campuslab.web.i18n.Messages;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The lab gateway in front of the portal's servlets. A lab lives at {@code /labs/<key>/} on the
 * portal's host or, when the platform names a lab domain, at {@code <key>.<domain>} (its own origin);
 * {@code <key>-<port>} reaches a port other than the first. Every request and WebSocket upgrade
 * needs the lab's HttpOnly cookie, valid for that lab and for someone who may still enter it; the
 * cookie is had once, for a one-time ticket the portal hands out at {@code _campuslab/enter}. The
 * request then goes to the lab's endpoint through Undertow's proxy handler with the lab's token and
 * without the portal's cookies; what the lab sets as cookies stays below the lab's path. Each
 * request and each WebSocket frame is the lab's activity.
 */
final class LabGatewayHandler implements HttpHandler {

    static final String PREFIX = "/labs/";
    static final String ENTER = "_campuslab/enter";
    static final String COOKIE_PREFIX = "cl_";
    static final AttachmentKey<Target> TARGET = AttachmentKey.create(Target.class);
    private static final int KEY_LENGTH = 26;
    private static final String RETRY_SECONDS = "3";
    private static final Pattern SEGMENT = Pattern.compile("[a-z2-7]{26}(-[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)?");

    /** Where one request goes: the lab, who asks, and the lab's endpoint. */
    record Target(LabRoute route, Pass pass, URI endpoint) implements io.undertow.server.handlers.proxy.ProxyClient.ProxyTarget {
    }

    private final HttpHandler next;
    private final Supplier<GatewayDirectory> directories;
    private final ProxyHandler proxy;

    /**
     * @param next        what handles everything that is not a lab: the portal's servlets
     * @param directories this node's gateway directory, once the application has made it (null before)
     */
    LabGatewayHandler(HttpHandler next, Supplier<GatewayDirectory> directories) {
        this.next = next;
        this.directories = directories;
        this.proxy = ProxyHandler.builder().setProxyClient(new LabProxyClient(directories)).setMaxRequestTime(-1)
                .setReuseXForwarded(false).setRewriteHostHeader(false).setNext(ResponseCodeHandler.HANDLE_404).build();
    }

    private GatewayDirectory directory() {
        return directories.get();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        GatewayDirectory directory = directory();
        if (directory == null) {
            next.handleRequest(exchange);
            return;
        }
        Optional<String> domain = directory.labDomain();
        String host = exchange.getHostName() == null ? "" : exchange.getHostName().toLowerCase(Locale.ROOT);
        String path = exchange.getRelativePath();
        String segment;
        String base;
        if (domain.isPresent() && host.endsWith("." + domain.get())) {
            segment = host.substring(0, host.length() - domain.get().length() - 1);
            base = "/";
        } else if (path.startsWith(PREFIX)) {
            int end = path.indexOf('/', PREFIX.length());
            segment = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
            base = PREFIX + segment + "/";
            if (domain.isPresent()) {
                deny(exchange, StatusCodes.NOT_FOUND, "gateway.on-own-hosts");
                return;
            }
            if (end < 0) {
                exchange.setStatusCode(StatusCodes.FOUND);
                exchange.getResponseHeaders().put(Headers.LOCATION, base);
                exchange.endExchange();
                return;
            }
        } else {
            next.handleRequest(exchange);
            return;
        }
        if (!SEGMENT.matcher(segment).matches()) {
            deny(exchange, StatusCodes.NOT_FOUND, "gateway.no-such-lab");
            return;
        }
        String key = segment.substring(0, KEY_LENGTH);
        String port = segment.length() > KEY_LENGTH ? segment.substring(KEY_LENGTH + 1) : null;
        Optional<LabRoute> route = directory.route(key);
        if (route.isEmpty()) {
            deny(exchange, StatusCodes.NOT_FOUND, "gateway.not-running");
            return;
        }
        boolean secure = "https".equals(exchange.getRequestScheme())
                || "https".equalsIgnoreCase(exchange.getRequestHeaders().getFirst(Headers.X_FORWARDED_PROTO));
        String cookiePath = domain.isPresent() ? "/" : PREFIX;
        if (path.equals(base + ENTER)) {
            String ticket = exchange.getQueryParameters().getOrDefault("ticket", new java.util.ArrayDeque<>()).peekFirst();
            Optional<Pass> entered = directory.redeem(ticket, route.get());
            if (entered.isEmpty()) {
                deny(exchange, StatusCodes.FORBIDDEN, "gateway.ticket-used");
                return;
            }
            setCookie(exchange, key, directory.cookie(entered.get()), cookiePath, secure);
            exchange.setStatusCode(StatusCodes.SEE_OTHER);
            exchange.getResponseHeaders().put(Headers.LOCATION, base);
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseHeaders().put(Headers.REFERRER_POLICY, "no-referrer");
            exchange.endExchange();
            return;
        }
        Cookie cookie = exchange.getRequestCookie(COOKIE_PREFIX + key);
        Optional<Pass> pass = directory.admit(cookie == null ? null : cookie.getValue(), route.get());
        if (pass.isEmpty()) {
            deny(exchange, StatusCodes.FORBIDDEN, "gateway.not-yours");
            return;
        }
        Optional<LabAccess.Endpoint> endpoint = route.get().endpoint(port);
        if (endpoint.isEmpty()) {
            deny(exchange, StatusCodes.NOT_FOUND, "gateway.no-such-port");
            return;
        }
        directory.renewal(pass.get()).ifPresent(renewed -> setCookie(exchange, key, renewed, cookiePath, secure));
        forLab(exchange, route.get().access().token());
        if (domain.isEmpty()) {
            exchange.addResponseCommitListener(committed -> keepCookiesBelow(committed, base));
        }
        directory.touch(route.get().labId());
        if (exchange.getRequestHeaders().contains(Headers.UPGRADE)) {
            // the browser's side of a WebSocket: closed, with the lab's side, when the holder may no longer be there
            directory.hold(route.get().labId(), pass.get(), exchange.getConnection());
        }
        exchange.putAttachment(TARGET, new Target(route.get(), pass.get(),
                URI.create("http://" + hostForUri(endpoint.get().host()) + ":" + endpoint.get().port())));
        // the proxy answers a bare 503 when the lab's server takes no connection (restarting, or a
        // moment late after its start): the visitor is told so, and the page tries again by itself
        exchange.addDefaultResponseListener(unanswered -> {
            if (unanswered.isResponseStarted() || unanswered.getStatusCode() != StatusCodes.SERVICE_UNAVAILABLE) {
                return false;
            }
            unanswered.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_SECONDS);
            deny(unanswered, StatusCodes.SERVICE_UNAVAILABLE, "gateway.not-answering",
                    "<meta http-equiv=\"refresh\" content=\"" + RETRY_SECONDS + "\">");
            return true;
        });
        proxy.handleRequest(exchange);
    }

    /** The lab sees its own token, not the person's credentials, and none of the portal's or the gateway's cookies. */
    private static void forLab(HttpServerExchange exchange, String token) {
        exchange.getRequestHeaders().put(Headers.AUTHORIZATION, "token " + token);
        HeaderValues cookies = exchange.getRequestHeaders().get(Headers.COOKIE);
        if (cookies == null) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String header : cookies) {
            for (String pair : header.split(";")) {
                String name = pair.strip().split("=", 2)[0];
                if (!name.isEmpty() && !name.startsWith(COOKIE_PREFIX) && !name.equalsIgnoreCase("JSESSIONID")) {
                    kept.add(pair.strip());
                }
            }
        }
        exchange.getRequestHeaders().remove(Headers.COOKIE);
        if (!kept.isEmpty()) {
            exchange.getRequestHeaders().put(Headers.COOKIE, String.join("; ", kept));
        }
    }

    /** On the portal's host a lab's cookies stay below its own path, never on the portal's. */
    private static void keepCookiesBelow(HttpServerExchange exchange, String base) {
        HeaderValues set = exchange.getResponseHeaders().get(Headers.SET_COOKIE);
        if (set == null) {
            return;
        }
        List<String> rewritten = new ArrayList<>();
        for (String header : set) {
            StringBuilder cookie = new StringBuilder();
            for (String attribute : header.split(";")) {
                String name = attribute.strip().split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (cookie.length() > 0 && (name.equals("path") || name.equals("domain"))) {
                    continue;
                }
                if (cookie.length() == 0 && (name.startsWith(COOKIE_PREFIX) || name.equals("jsessionid"))) {
                    cookie = null;
                    break;
                }
                cookie.append(cookie.length() == 0 ? "" : "; ").append(attribute.strip());
            }
            if (cookie != null && cookie.length() > 0) {
                rewritten.add(cookie + "; Path=" + base);
            }
        }
        exchange.getResponseHeaders().remove(Headers.SET_COOKIE);
        rewritten.forEach(cookie -> exchange.getResponseHeaders().add(Headers.SET_COOKIE, cookie));
    }

    private static void setCookie(HttpServerExchange exchange, String key, String value, String path, boolean secure) {
        exchange.setResponseCookie(new CookieImpl(COOKIE_PREFIX + key, value).setPath(path).setHttpOnly(true)
                .setSecure(secure).setSameSiteMode("Lax").setMaxAge((int) GatewayPasses.COOKIE_LIFE.toSeconds()));
    }

    private static String hostForUri(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static void deny(HttpServerExchange exchange, int status, String messageKey) {
        deny(exchange, status, messageKey, "");
    }

    /** A page of the gateway's own, in the visitor's language: the remembered choice, else the browser's. */
    private static void deny(HttpServerExchange exchange, int status, String messageKey, String head) {
        Cookie language = exchange.getRequestCookie(LanguagePreference.COOKIE);
        Locale locale = LanguagePreference.of(language == null ? null : language.getValue(),
                exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE));
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
                + head + "<title>CampusLab</title></head><body><h1>" + status + "</h1><p id=\"gateway-refusal\">"
                + Messages.get(locale, messageKey) + "</p></body></html>", StandardCharsets.UTF_8);
    }
}
