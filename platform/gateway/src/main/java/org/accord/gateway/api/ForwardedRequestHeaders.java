package org.accord.gateway.api;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.accord.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells each service the address the client used, so the links it builds (feeds, {@code Location},
 * problem {@code instance}, links in JSON) work through the gateway: {@code X-Forwarded-Proto},
 * {@code -Host}, {@code -Port}, {@code -Prefix} and {@code -For}, one value each.
 *
 * <p>The prefix is what the route strips ({@code /api} of {@code /api/standards/...}), or the
 * route's {@code forwarded-prefix} metadata: the short public addresses {@code /feeds/**} and
 * {@code /observer/**} reach the publication service as it is, and say {@code /api} so that its
 * links name the API's canonical addresses. A proxy in front of the gateway whose address matches
 * {@code accord.gateway.trusted-proxies} may say its own scheme, host, port and prefix; they are
 * kept (its prefix goes before the gateway's). Anyone else's {@code X-Forwarded-*} and
 * {@code Forwarded} headers are dropped, so a client cannot choose the links others are given.
 *
 * <p>Spring Cloud Gateway's own {@code XForwardedHeadersFilter} appends lists instead (it would say
 * port 8080 behind an HTTPS proxy that names only its host) and sends nothing at all for an
 * untrusted client, so it stays off (no {@code trusted-proxies} property) and this replaces it.
 */
@Component
public class ForwardedRequestHeaders implements HttpHeadersFilter, Ordered {

    static final String PREFIX_METADATA = "forwarded-prefix";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String PREFIX = "X-Forwarded-Prefix";
    static final String FOR = "X-Forwarded-For";

    private final Pattern trustedProxies;

    ForwardedRequestHeaders(GatewayProperties properties) {
        this.trustedProxies = Pattern.compile(properties.trustedProxies());
    }

    @Override
    public int getOrder() {
        // After Spring Cloud Gateway's filters that remove Forwarded and X-Forwarded-* (order 0).
        return 10;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders received = request.getHeaders();
        HttpHeaders out = new HttpHeaders();
        input.headerSet().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-forwarded-") && !name.equals("forwarded")) {
                out.addAll(header.getKey(), header.getValue());
            }
        });
        String remote = remoteAddress(request);
        boolean trusted = remote != null && trustedProxies.matcher(remote).matches();
        String proto = trusted ? first(received, PROTO) : null;
        String host = trusted ? first(received, HOST) : null;
        String port = trusted ? first(received, PORT) : null;
        URI uri = request.getURI();
        if (proto == null && host == null && port == null) {
            port = String.valueOf(uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        }
        out.set(PROTO, proto != null ? proto : uri.getScheme());
        out.set(HOST, host != null ? host : hostOf(uri));
        if (port != null) {
            out.set(PORT, port);
        }
        String prefix = (trusted ? prefixOf(received) : "") + routePrefix(exchange);
        if (!prefix.isEmpty()) {
            out.set(PREFIX, prefix);
        }
        List<String> chain = new ArrayList<>();
        if (trusted && received.get(FOR) != null) {
            received.get(FOR).forEach(value -> chain.add(value.strip()));
        }
        if (remote != null) {
            chain.add(remote);
        }
        if (!chain.isEmpty()) {
            out.set(FOR, String.join(", ", chain));
        }
        return out;
    }

    /**
     * The gateway's own address as the client reached it, without a trailing slash: a trusted
     * proxy's scheme, host, port and prefix where it names them, otherwise the request's own
     * (e.g. {@code https://standards.example.org/accord} behind a proxy, {@code http://localhost:8080}).
     */
    public String publicBase(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        String remote = remoteAddress(request);
        boolean trusted = remote != null && trustedProxies.matcher(remote).matches();
        return trusted ? clientBase(request.getHeaders(), uri) : uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The path a trusted proxy in front puts before the gateway's own paths ({@code ""} when none). */
    public String publicPrefix(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String remote = remoteAddress(request);
        return remote != null && trustedProxies.matcher(remote).matches() ? prefixOf(request.getHeaders()) : "";
    }

    private static String clientBase(HttpHeaders received, URI uri) {
        String proto = first(received, PROTO);
        String host = first(received, HOST);
        String port = first(received, PORT);
        String scheme = proto != null ? proto.toLowerCase(Locale.ROOT) : uri.getScheme();
        boolean defaultPort = port == null || ("https".equals(scheme) && "443".equals(port)) || ("http".equals(scheme) && "80".equals(port));
        String authority;
        if (host == null) {
            authority = port == null ? uri.getRawAuthority() : uri.getHost() + (defaultPort ? "" : ":" + port);
        } else {
            authority = defaultPort || host.matches(".*:\\d+$") ? host : host + ":" + port;
        }
        return scheme + "://" + authority + prefixOf(received);
    }

    /** The path the route took away from the request, or the prefix its metadata names. */
    static String routePrefix(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null) {
            Map<String, Object> metadata = route.getMetadata();
            if (metadata.get(PREFIX_METADATA) instanceof String named) {
                return trimmed(named);
            }
        }
        LinkedHashSet<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI forwarded = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (originals == null || originals.isEmpty() || forwarded == null) {
            return "";
        }
        String original = trimmed(originals.iterator().next().getRawPath());
        String sent = trimmed(forwarded.getRawPath());
        if (!sent.isEmpty() && original.endsWith(sent) && original.length() > sent.length()) {
            return trimmed(original.substring(0, original.length() - sent.length()));
        }
        return "";
    }

    /** A trusted proxy's prefix; several values (proxies in a row) are joined in order. */
    private static String prefixOf(HttpHeaders headers) {
        List<String> values = headers.get(PREFIX);
        if (values == null) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        for (String value : values) {
            for (String part : value.split(",")) {
                String trimmed = trimmed(part.strip());
                if (!trimmed.isEmpty()) {
                    prefix.append(trimmed.startsWith("/") ? trimmed : "/" + trimmed);
                }
            }
        }
        return prefix.toString();
    }

    private static String trimmed(String path) {
        String p = path == null ? "" : path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String first(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.split(",")[0].strip();
    }

    private static String hostOf(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
