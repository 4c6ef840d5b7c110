package org.accord.web;

import java.util.concurrent.atomic.AtomicBoolean;

import org.accord.http.BodyLimit;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one body limit of the whole path ({@code accord.max-request-size}, which the gateway
 * enforces too), answered with 413 problem+json for declared and chunked bodies alike.
 *
 * <p>A service closes each connection after its response (see {@code accord.web.keep-alive}).
 * Closing a socket whose peer is still sending makes the kernel answer with a reset, and a reset
 * throws away the answer the peer has not read yet: the gateway then sees a broken-off response
 * (502). So the refusal is written only once the body has been read to its end and discarded
 * (up to {@link BodyLimit#DRAIN_AT_MOST}; a client sending more than that is cut off), and the codecs
 * never see more than the limit: the part past it is dropped here. A response written before
 * anyone read the body (a 401 or 404 to an upload) waits for the body in the same way. The counting
 * and dropping is {@link BodyLimit}, the same as the gateway's.
 */
public class RequestBodyLimit implements WebFilter, Ordered {

    private final BodyLimit limit;

    public RequestBodyLimit(DataSize maxRequestSize) {
        this.limit = new BodyLimit(maxRequestSize.toBytes(), this::tooLarge);
    }

    @Override
    public int getOrder() {
        // Ahead of security: an oversized body with a bad token is drained too, not cut off by a 401.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (limit.declaredTooLarge(request)) {
            return limit.refuseDeclared(exchange, () -> ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large", "The request body is larger than this endpoint accepts: " + tooLarge().getMessage()));
        }
        AtomicBoolean read = new AtomicBoolean();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                read.set(true);
                return limit.limited(super.getBody());
            }
        };
        // A refusal written before anyone read the body (a 401 to a large upload): read it first, for the same reason.
        exchange.getResponse().beforeCommit(() -> read.get() || !hasBody(request) ? Mono.empty() : BodyLimit.drain(request.getBody()));
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private DataBufferLimitException tooLarge() {
        return new DataBufferLimitException("more than " + limit.described() + " (accord.max-request-size)");
    }
}
