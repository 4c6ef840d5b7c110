package org.accord.gateway.api;

import org.accord.http.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

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
class RequestSizeLimit extends BodyLimit {

    private final GatewayProblems problems;

    RequestSizeLimit(@Value("${accord.max-request-size}") String maxRequestSize, GatewayProblems problems) {
        super(DataSize.parse(maxRequestSize).toBytes());
        this.problems = problems;
    }

    @Override
    protected Mono<Void> refuse(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, detail());
    }

    @Override
    protected Throwable tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail());
    }

    /** A declared Content-Length within the limit is forwarded as it is: only chunked bodies are counted. */
    @Override
    protected Mono<Void> pass(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getRequest().getHeaders().getContentLength() >= 0 ? chain.filter(exchange) : super.pass(exchange, chain);
    }

    private String detail() {
        return "The request body is larger than the " + described() + " the API accepts (accord.max-request-size)";
    }
}
