package org.accord.web;

import java.util.concurrent.atomic.AtomicBoolean;

import org.accord.http.BodyLimit;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

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
public class RequestBodyLimit extends BodyLimit {

    public RequestBodyLimit(DataSize maxRequestSize) {
        super(maxRequestSize.toBytes());
    }

    @Override
    protected Mono<Void> refuse(ServerWebExchange exchange) {
        return ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body is larger than this endpoint accepts: " + tooLarge().getMessage());
    }

    @Override
    protected DataBufferLimitException tooLarge() {
        return new DataBufferLimitException("more than " + described() + " (accord.max-request-size)");
    }

    @Override
    protected Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        AtomicBoolean read = new AtomicBoolean();
        // A refusal written before anyone read the body (a 401 to a large upload): read it first, for the same reason.
        exchange.getResponse().beforeCommit(() -> read.get() || !hasBody(request) ? Mono.empty() : drain(request.getBody()));
        return chain.filter(exchange.mutate().request(counting(request, () -> read.set(true))).build());
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
