package org.accord.web;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * (up to {@link #DRAIN_AT_MOST}; a client sending more than that is cut off), and the codecs
 * never see more than the limit: the part past it is dropped here. A response written before
 * anyone read the body (a 401 or 404 to an upload) waits for the body in the same way.
 */
public class RequestBodyLimit implements WebFilter, Ordered {

    /** How much of a refused body is read and thrown away, so the refusal reaches the client. */
    static final long DRAIN_AT_MOST = DataSize.ofMegabytes(64).toBytes();

    private final long maxBytes;

    public RequestBodyLimit(DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    public int getOrder() {
        // Ahead of security: an oversized body with a bad token is drained too, not cut off by a 401.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            Mono<Void> drained;
            if (request.getHeaders().getFirst(HttpHeaders.EXPECT) != null) {
                // The client waits for "100 Continue" before it sends the body: refusing, it sends none.
                exchange.getResponse().getHeaders().setConnection("close");
                drained = Mono.empty();
            } else {
                drained = drain(request.getBody());
            }
            return drained.then(Mono.defer(() -> ProblemWriter.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large", "The request body is larger than this endpoint accepts: " + tooLarge().getMessage())));
        }
        AtomicBoolean read = new AtomicBoolean();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                read.set(true);
                return limited(super.getBody());
            }
        };
        // A refusal written before anyone read the body (a 401 to a large upload): read it first, for the same reason.
        exchange.getResponse().beforeCommit(() -> read.get() || !hasBody(request) ? Mono.empty() : drain(request.getBody()));
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The body up to the limit; past it the rest is read and dropped, then the body fails as too large. */
    private Flux<DataBuffer> limited(Flux<DataBuffer> body) {
        AtomicLong received = new AtomicLong();
        return body.<DataBuffer>handle((buffer, sink) -> {
            long total = received.addAndGet(buffer.readableByteCount());
            if (total > maxBytes) {
                DataBufferUtils.release(buffer);
                if (total > maxBytes + DRAIN_AT_MOST) {
                    sink.error(tooLarge());
                }
            } else {
                sink.next(buffer);
            }
        }).concatWith(Mono.defer(() -> received.get() > maxBytes ? Mono.error(tooLarge()) : Mono.empty()));
    }

    private static Mono<Void> drain(Flux<DataBuffer> body) {
        AtomicLong read = new AtomicLong();
        return body.map(buffer -> {
            long total = read.addAndGet(buffer.readableByteCount());
            DataBufferUtils.release(buffer);
            return total;
        }).takeWhile(total -> total <= DRAIN_AT_MOST).then();
    }

    private DataBufferLimitException tooLarge() {
        return new DataBufferLimitException("more than " + describe(maxBytes) + " (accord.max-request-size)");
    }

    /** 4194304 as "4 MB": how the limit is stated in refusals. */
    public static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
