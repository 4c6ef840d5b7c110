package org.accord.web;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address a client used to reach this service: scheme, host, port and path prefix as the
 * gateway (or any proxy) says them in {@code X-Forwarded-*} ({@code server.forward-headers-strategy=framework},
 * a service default). Every link a service gives out ({@code Location}, feed and JSON links) is built
 * on it, so it works where the client is, e.g. {@code http://localhost:8080/api/...}.
 */
public final class PublicAddress {

    private PublicAddress() {
    }

    /** {@code scheme://host[:port]} and the prefix of this request, without a trailing slash. */
    public static String base(ServerHttpRequest request) {
        return UriComponentsBuilder.fromUri(request.getURI()).replacePath(request.getPath().contextPath().value())
                .replaceQuery(null).fragment(null).build().toUriString();
    }

    /** An absolute link to {@code path} (starting with '/', in the service's own terms) as the client reaches it. */
    public static URI of(ServerHttpRequest request, String path) {
        return URI.create(base(request) + path);
    }
}
