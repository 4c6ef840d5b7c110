package org.accord.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Carries the W3C trace context of a request into everything it causes: the incoming
 * {@code traceparent} (or a new one when the caller sent none or an invalid one) is put into the
 * Reactor context, where the outbox picks it up for the events the request records, so a trace
 * continues across Kafka. It is echoed in the response so a caller can quote it.
 */
public class TraceContextFilter implements WebFilter, Ordered {

    public static final String HEADER = "traceparent";
    public static final String CONTEXT_KEY = "accord.traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String traceparent = incoming != null && VALID.matcher(incoming).matches() ? childOf(incoming) : newTrace();
        exchange.getResponse().getHeaders().set(HEADER, traceparent);
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(CONTEXT_KEY, traceparent));
    }

    /** Same trace id, new span id: this service's span is a child of the caller's. */
    public static String childOf(String parent) {
        return "00-" + parent.substring(3, 35) + "-" + hex(8) + "-" + parent.substring(53, 55);
    }

    public static String newTrace() {
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
