package org.accord.gateway.api;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Errors the gateway itself raises become problem+json: no route (404), a service that cannot be
 * reached (503), one that breaks off or answers too late (502, 504). Ahead of Boot's handler,
 * which would answer with its own JSON shape. Responses from the services pass through untouched.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    static final String RETRY_AFTER_SECONDS = "2";

    private final GatewayProblems problems;

    GatewayErrorHandler(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String service = GatewayProblems.service(exchange);
        String path = exchange.getRequest().getPath().value();
        if (error instanceof NotFoundException) {
            // Every instance of the service failed its last health check (LoadBalancedTargets).
            log.warn("No instance of the {} service is available for {}", service, path);
            return unavailable(exchange, "No instance of the " + service + " service is available; try again shortly");
        }
        if (error instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND && service == null) {
                return problems.write(exchange, status, "Nothing is served at " + path);
            }
            if (status == HttpStatus.GATEWAY_TIMEOUT) {
                return problems.write(exchange, status, "The " + service + " service did not answer in time");
            }
            if (status != null) {
                String detail = response.getBody().getDetail();
                return problems.write(exchange, status, detail == null ? status.getReasonPhrase() : detail);
            }
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, ConnectTimeoutException.class)
                || causedBy(error, UnknownHostException.class)) {
            log.warn("The {} service is not reachable for {}: {}", service, path, error.toString());
            return unavailable(exchange, "The " + service + " service is not reachable; try again shortly");
        }
        if (causedBy(error, TimeoutException.class)) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "The " + service + " service did not answer in time");
        }
        if (causedBy(error, PrematureCloseException.class)) {
            log.warn("The {} service broke off the response to {}: {}", service, path, error.toString());
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, "The " + service + " service broke off its response");
        }
        log.error("Gateway failure on {} {}", exchange.getRequest().getMethod(), path, error);
        return problems.write(exchange, service == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_GATEWAY,
                service == null ? "The gateway failed on this request" : "The " + service + " service could not be reached properly");
    }

    /** 503, with the time after which a retry may find an instance again (the health checks run every 2 s). */
    private Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
