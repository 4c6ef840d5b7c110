package org.accord.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one request body limit of the whole path ({@code accord.max-request-size}), counted and
 * dropped the same way by the gateway ({@code RequestSizeLimit}) and every service
 * ({@code RequestBodyLimit}); each answers the refusal with its own 413 problem+json.
 *
 * <p>A refused body is read to its end and thrown away before the answer (up to
 * {@link #DRAIN_AT_MOST}; a client sending more than that is cut off): closing a socket whose
 * peer is still sending makes the kernel answer with a reset, and a reset throws away the answer
 * the peer has not read yet. A streamed (chunked) body is passed on up to the limit only: the part
 * past it is dropped here, so the reader never sees a complete oversized body.
 */
public final class BodyLimit {

    /** How much of a refused body is read and thrown away, so the refusal reaches the client. */
    public static final long DRAIN_AT_MOST = DataSize.ofMegabytes(64).toBytes();

    private final long maxBytes;
    private final Supplier<? extends Throwable> tooLarge;

    /**
     * @param maxBytes the limit
     * @param tooLarge the error a counted body fails with once past the limit (each side maps it to its 413)
     */
    public BodyLimit(long maxBytes, Supplier<? extends Throwable> tooLarge) {
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The limit as refusals state it ({@code 4 MB}). */
    public String described() {
        return describe(maxBytes);
    }

    /** Whether the request declares (Content-Length) a body over the limit. */
    public boolean declaredTooLarge(ServerHttpRequest request) {
        return request.getHeaders().getContentLength() > maxBytes;
    }

    /**
     * The refusal of a body declared too large: the body is drained first, then {@code answer}
     * is written. A client that waits for "100 Continue" before it sends the body sends none
     * when refused, so nothing is drained and the connection is closed after the answer.
     */
    public Mono<Void> refuseDeclared(ServerWebExchange exchange, Supplier<Mono<Void>> answer) {
        ServerHttpRequest request = exchange.getRequest();
        Mono<Void> drained;
        if (request.getHeaders().getFirst(HttpHeaders.EXPECT) != null) {
            exchange.getResponse().getHeaders().setConnection("close");
            drained = Mono.empty();
        } else {
            drained = drain(request.getBody());
        }
        return drained.then(Mono.defer(answer));
    }

    /** The body up to the limit; past it the rest is read and dropped, then the body fails with {@code tooLarge}. */
    public Flux<DataBuffer> limited(Flux<DataBuffer> body) {
        AtomicLong received = new AtomicLong();
        return body.<DataBuffer>handle((buffer, sink) -> {
            long total = received.addAndGet(buffer.readableByteCount());
            if (total > maxBytes) {
                DataBufferUtils.release(buffer);
                if (total > maxBytes + DRAIN_AT_MOST) {
                    sink.error(tooLarge.get());
                }
            } else {
                sink.next(buffer);
            }
        }).concatWith(Mono.defer(() -> received.get() > maxBytes ? Mono.error(tooLarge.get()) : Mono.empty()));
    }

    /** Reads a body and throws it away, up to {@link #DRAIN_AT_MOST}. */
    public static Mono<Void> drain(Flux<DataBuffer> body) {
        AtomicLong read = new AtomicLong();
        return body.map(buffer -> {
            long total = read.addAndGet(buffer.readableByteCount());
            DataBufferUtils.release(buffer);
            return total;
        }).takeWhile(total -> total <= DRAIN_AT_MOST).then();
    }

    /** 4194304 as "4 MB": how the limit is stated in refusals. */
    public static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
