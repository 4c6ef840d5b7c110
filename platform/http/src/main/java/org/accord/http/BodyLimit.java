package org.accord.http;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one request body limit of the whole path ({@code accord.max-request-size}), counted and
 * dropped the same way by the gateway ({@code RequestSizeLimit}) and every service
 * ({@code RequestBodyLimit}); each side writes its own 413 problem+json ({@link #refuse}) and
 * raises its own error for a streamed body past the limit ({@link #tooLarge}).
 *
 * <p>A refused body is read to its end and thrown away before the answer (up to
 * {@link #DRAIN_AT_MOST}; a client sending more than that is cut off): closing a socket whose
 * peer is still sending makes the kernel answer with a reset, and a reset throws away the answer
 * the peer has not read yet. A body not declared too large is passed on up to the limit only:
 * the part past it is dropped here, so the reader never sees a complete oversized body.
 */
public abstract class BodyLimit implements WebFilter, Ordered {

    /** How much of a refused body is read and thrown away, so the refusal reaches the client. */
    public static final long DRAIN_AT_MOST = DataSize.ofMegabytes(64).toBytes();

    private final long maxBytes;

    protected BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        // Ahead of security and routing: an oversized body with a bad token is drained too, not cut off by a 401.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public final Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() <= maxBytes) {
            return pass(exchange, chain);
        }
        Mono<Void> drained;
        if (request.getHeaders().getFirst(HttpHeaders.EXPECT) != null) {
            // The client waits for "100 Continue" before it sends the body: refusing, it sends none.
            exchange.getResponse().getHeaders().setConnection("close");
            drained = Mono.empty();
        } else {
            drained = drain(request.getBody());
        }
        return drained.then(Mono.defer(() -> refuse(exchange)));
    }

    /** This side's 413 problem+json to a body declared too large, written once the body is drained. */
    protected abstract Mono<Void> refuse(ServerWebExchange exchange);

    /** The error a counted body fails with once past the limit (each side maps it to its 413). */
    protected abstract Throwable tooLarge();

    /** A request not declared too large: passed on with its body counted. */
    protected Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange.mutate().request(counting(exchange.getRequest(), () -> { })).build());
    }

    /** The request with its body passed on up to the limit; {@code whenRead} runs when someone reads the body. */
    protected final ServerHttpRequest counting(ServerHttpRequest request, Runnable whenRead) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                whenRead.run();
                return limited(super.getBody());
            }
        };
    }

    /** The body up to the limit; past it the rest is read and dropped, then the body fails with {@link #tooLarge}. */
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

    /** Reads a body and throws it away, up to {@link #DRAIN_AT_MOST}. */
    protected static Mono<Void> drain(Flux<DataBuffer> body) {
        AtomicLong read = new AtomicLong();
        return body.map(buffer -> {
            long total = read.addAndGet(buffer.readableByteCount());
            DataBufferUtils.release(buffer);
            return total;
        }).takeWhile(total -> total <= DRAIN_AT_MOST).then();
    }

    /** The limit as refusals state it ({@code 4 MB}). */
    protected final String described() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB"
                : maxBytes % 1024 == 0 ? maxBytes / 1024 + " KB" : maxBytes + " bytes";
    }
}
