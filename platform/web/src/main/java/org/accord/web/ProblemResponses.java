package org.accord.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.problem.FieldError;
import org.accord.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every refusal as an RFC 9457 {@code application/problem+json} document: domain problems with
 * their status and members, bean validation and malformed bodies as 400 with an {@code errors}
 * list that names each field, bodies over the size limit as 413, an unavailable store as 503 with
 * {@code Retry-After}. A bad request is never a 5xx.
 */
@RestControllerAdvice
@Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    /** What a 503 for an unavailable store asks the caller to wait: about what a store restart takes. */
    static final int STORE_RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler(ProblemException.class)
    public Mono<ResponseEntity<Object>> handleProblem(ProblemException ex, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(ex.status()), ex.detail());
        body.setTitle(ex.title());
        ex.properties().forEach(body::setProperty);
        return handleExceptionInternal(ex, body, null, HttpStatusCode.valueOf(ex.status()), exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> handleTooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than this endpoint accepts: " + ex.getMessage());
        body.setTitle("Request body too large");
        return handleExceptionInternal(ex, body, null, HttpStatus.CONTENT_TOO_LARGE, exchange);
    }

    /** What WebFlux makes of a body past the codecs' limit (or past {@link RequestBodyLimit}'s, chunked). */
    @ExceptionHandler(ContentTooLargeException.class)
    public Mono<ResponseEntity<Object>> handleContentTooLarge(ContentTooLargeException ex, ServerWebExchange exchange) {
        DataBufferLimitException cause = findCause(ex, DataBufferLimitException.class) instanceof DataBufferLimitException limit
                ? limit : new DataBufferLimitException(ex.getReason() == null ? "the limit" : ex.getReason());
        return handleTooLarge(cause, exchange);
    }

    /** Parameters checked by a {@code @Validated} controller's proxy rather than by WebFlux itself. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    public Mono<ResponseEntity<Object>> handleConstraintViolation(jakarta.validation.ConstraintViolationException ex,
                                                                  ServerWebExchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        ex.getConstraintViolations().forEach(violation -> {
            String field = null;
            for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                field = node.getName();
            }
            errors.add(FieldError.of(field == null ? "parameter" : field, violation.getMessage()));
        });
        return invalid(ex, errors, null, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        ex.getFieldErrors().forEach(e -> errors.add(FieldError.of(e.getField(), e.getDefaultMessage())));
        ex.getGlobalErrors().forEach(e -> errors.add(FieldError.of(e.getObjectName(), e.getDefaultMessage())));
        return invalid(ex, errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(e ->
                errors.add(FieldError.of(parameterName(result.getMethodParameter()), e.getDefaultMessage()))));
        return invalid(ex, errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(
            org.springframework.web.server.MissingRequestValueException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        return invalid(ex, List.of(FieldError.of(ex.getName(), "is required (" + ex.getLabel() + ")")), headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        if (findCause(ex, DataBufferLimitException.class) instanceof DataBufferLimitException tooLarge) {
            return handleTooLarge(tooLarge, exchange);
        }
        JacksonException json = findCause(ex, JacksonException.class) instanceof JacksonException j ? j : null;
        if (json instanceof StrictTextDeserializer.UnacceptableText text) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    jsonField(text) + ": " + text.getOriginalMessage());
            body.setTitle("Invalid request");
            body.setProperty("errors", List.of(FieldError.of(jsonField(text), text.getOriginalMessage())));
            return handleExceptionInternal(ex, body, headers, HttpStatus.UNPROCESSABLE_CONTENT, exchange);
        }
        if (json != null) {
            return invalid(ex, List.of(FieldError.of(jsonField(json), jsonMessage(json))), headers, exchange);
        }
        if (ex.getMethodParameter() != null && !(ex.getCause() instanceof DecodingException)) {
            String name = parameterName(ex.getMethodParameter());
            return invalid(ex, List.of(FieldError.of(name, ex.getReason())), headers, exchange);
        }
        return invalid(ex, List.of(FieldError.of("body", ex.getReason())), headers, exchange);
    }

    private Mono<ResponseEntity<Object>> invalid(Exception ex, List<FieldError> errors, HttpHeaders headers,
                                                 ServerWebExchange exchange) {
        String detail = errors.isEmpty() ? "The request is invalid"
                : errors.get(0).field() + ": " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /**
     * The store failed, cannot be reached or did not answer in time (a primary failover, a store
     * restarting, a broken store answering "This store is closed"): nothing the caller did, and
     * nothing was acknowledged, so a 503 that says when to try again (with the same
     * Idempotency-Key where it has one) rather than a 500. Conflicts and duplicates are not here:
     * they are answered where they occur.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, UncategorizedDataAccessException.class})
    public Mono<ResponseEntity<Object>> handleStoreUnavailable(DataAccessException ex, ServerWebExchange exchange) {
        return storeUnavailable(ex, exchange);
    }

    /** Driver exceptions that reach here untranslated and mean the same: the store is not answering now. */
    static final java.util.Set<String> UNAVAILABLE = java.util.Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.dao.QueryTimeoutException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoExecutionTimeoutException",
            "com.mongodb.MongoWriteConcernException");

    private Mono<ResponseEntity<Object>> storeUnavailable(Exception ex, ServerWebExchange exchange) {
        log.warn("Store unavailable on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex.toString());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service's store is unavailable (it may be restarting or electing a new primary); nothing was "
                        + "acknowledged by this request. Send it again in " + STORE_RETRY_AFTER_SECONDS
                        + " seconds (with the same Idempotency-Key where it has one).");
        body.setTitle("Store unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(STORE_RETRY_AFTER_SECONDS));
        return handleExceptionInternal(ex, body, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        if (unavailable(ex)) {
            return storeUnavailable(ex, exchange);
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle this request; nothing was changed by it if it was refused here.");
        body.setTitle("Internal error");
        return handleExceptionInternal(ex, body, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    static String jsonField(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (json instanceof UnrecognizedPropertyException unknown && path.isEmpty()) {
            return unknown.getPropertyName();
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String jsonMessage(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (json instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + echo(format.getValue()) + "' is not one of " + List.of(target.getEnumConstants());
            }
            return "'" + echo(format.getValue()) + "' is not a valid " + (target == null ? "value" : target.getSimpleName());
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType());
        }
        return "malformed JSON: " + json.getOriginalMessage();
    }

    /** A rejected value as the answer repeats it: never the whole of a 4 MB string. */
    private static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " characters)";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date and time as a string, e.g. 2027-03-01T12:00:00Z";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a " + type.getSimpleName() + " object";
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        String name = parameter.getParameterName();
        for (var annotation : parameter.getParameterAnnotations()) {
            Map<String, Object> attributes = org.springframework.core.annotation.AnnotationUtils.getAnnotationAttributes(annotation);
            Object value = attributes.get("name");
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
            value = attributes.get("value");
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return name == null ? "parameter" : name;
    }

    /** Whether the failure, or one of its causes, is of an unavailable store (by class name: no store on this classpath). */
    static boolean unavailable(Throwable ex) {
        int depth = 0;
        for (Throwable cause = ex; cause != null && depth++ < 32; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (UNAVAILABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable findCause(Throwable ex, Class<? extends Throwable> type) {
        Throwable cause = ex;
        while (cause != null) {
            if (type.isInstance(cause)) {
                return cause;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return null;
    }
}
