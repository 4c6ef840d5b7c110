package org.accord.gateway.api;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above {@code accord.max-request-size}, the one limit the services read
 * too, with 413 problem+json. A declared Content-Length is refused before anything is forwarded;
 * a chunked body is counted as it streams, and once past the limit nothing more is forwarded (the
 * service's request is cut off, so it never sees a complete oversized body) and the 413 follows.
 *
 * <p>Either way the rest of the body is read and dropped before the answer (up to
 * {@link #DRAIN_AT_MOST}): a connection closed while the client still sends is reset, and a reset
 * throws away the answer the client has not read yet.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    /** How much of a refused body is read and thrown away, so the refusal reaches the client. */
    static final long DRAIN_AT_MOST = DataSize.ofMegabytes(64).toBytes();

    private final long maxBytes;
    private final GatewayProblems problems;

    RequestSizeLimit(@Value("${accord.max-request-size}") String maxRequestSize, GatewayProblems problems) {
        this.maxBytes = DataSize.parse(maxRequestSize).toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
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
            return drained.then(Mono.defer(() -> problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge())));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody());
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    /** The body up to the limit; past it the rest is read and dropped, then the body fails with 413. */
    private Flux<DataBuffer> limited(Flux<DataBuffer> body) {
        AtomicLong received = new AtomicLong();
        return body.<DataBuffer>handle((buffer, sink) -> {
            long total = received.addAndGet(buffer.readableByteCount());
            if (total > maxBytes) {
                DataBufferUtils.release(buffer);
                if (total > maxBytes + DRAIN_AT_MOST) {
                    sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge()));
                }
            } else {
                sink.next(buffer);
            }
        }).concatWith(Mono.defer(() -> received.get() > maxBytes
                ? Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge())) : Mono.empty()));
    }

    private static Mono<Void> drain(Flux<DataBuffer> body) {
        AtomicLong read = new AtomicLong();
        return body.map(buffer -> {
            long total = read.addAndGet(buffer.readableByteCount());
            DataBufferUtils.release(buffer);
            return total;
        }).takeWhile(total -> total <= DRAIN_AT_MOST).then();
    }

    private String tooLarge() {
        String limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB"
                : maxBytes % 1024 == 0 ? maxBytes / 1024 + " KB" : maxBytes + " bytes";
        return "The request body is larger than the " + limit + " the API accepts (accord.max-request-size)";
    }
}
