package org.accord.gateway.api;

import org.accord.http.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
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
 * {@link BodyLimit#DRAIN_AT_MOST}): a connection closed while the client still sends is reset, and a reset
 * throws away the answer the client has not read yet. The counting and dropping is
 * {@link BodyLimit}, the same as the services'.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final BodyLimit limit;
    private final GatewayProblems problems;

    RequestSizeLimit(@Value("${accord.max-request-size}") String maxRequestSize, GatewayProblems problems) {
        this.limit = new BodyLimit(DataSize.parse(maxRequestSize).toBytes(),
                () -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge()));
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (limit.declaredTooLarge(request)) {
            return limit.refuseDeclared(exchange, () -> problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge()));
        }
        if (request.getHeaders().getContentLength() >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limit.limited(super.getBody());
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private String tooLarge() {
        return "The request body is larger than the " + limit.described() + " the API accepts (accord.max-request-size)";
    }
}
