package org.accord.systemtests.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.accord.events.AccordJson;
import org.accord.http.client.ClientCredentials;

/**
 * Accord's public API as a client sees it: every call goes to the gateway with a real token from
 * the identity service (client credentials through the gateway's {@code /oauth2/token}, {@link ClientCredentials}).
 *
 * <p>Calls survive a service that is down or restarting: a call that is safe to repeat (reads,
 * PUTs, posts with an {@code Idempotency-Key}) is repeated until it gets a real answer; a call
 * that is not is repeated only after asking the API whether the first attempt took effect, as a
 * careful client must when a request's fate is unknown.
 */
public final class AccordApi {

    /** How long a call keeps trying while a service restarts (a restart takes 15-40 s on two cores). */
    public static final Duration PATIENCE = Duration.ofSeconds(150);

    private final String base;
    private final HttpClient http;
    private final ClientCredentials tokens;

    public AccordApi(String gatewayUrl) {
        this.base = gatewayUrl;
        this.http = ClientCredentials.client();
        this.tokens = new ClientCredentials(http, gatewayUrl + "/oauth2/token", PATIENCE);
    }

    public String base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    // ---------------------------------------------------------------- who calls

    public static String editor() {
        return ClientCredentials.editorClient();
    }

    public static String secretariat() {
        return ClientCredentials.secretariatClient();
    }

    public static String nationalBody(String memberBody) {
        return ClientCredentials.nationalBodyClient(memberBody);
    }

    /**
     * A bearer token of the client from the gateway's {@code /oauth2/token}, fetched once and
     * renewed a minute before it expires; asked again while the identity service restarts.
     */
    public String token(String clientId) {
        return tokens.token(clientId);
    }

    // ---------------------------------------------------------------- calls

    /** A read, repeated while the service is unreachable. */
    public Reply get(String clientId, String path) {
        return repeat("GET " + path, () -> exchange("GET", path, clientId, null, null, Map.of()));
    }

    /** A read without a token (feeds, standards). */
    public Reply getAnonymous(String path, String accept) {
        return repeat("GET " + path, () -> exchange("GET", path, null, null, null,
                accept == null ? Map.of() : Map.of("Accept", accept)));
    }

    /** One attempt, whatever the answer: for reads that poll. */
    public Reply tryGet(String clientId, String path) {
        return exchange("GET", path, clientId, null, null, Map.of());
    }

    /** A call that is safe to repeat (PUT, or a POST carrying an Idempotency-Key). */
    public Reply idempotent(String method, String clientId, String path, Object json, Map<String, String> headers) {
        byte[] body = json == null ? null : AccordJson.mapper().writeValueAsBytes(json);
        return repeat(method + " " + path, () -> exchange(method, path, clientId, json == null ? null : "application/json",
                body, headers));
    }

    public Reply idempotentRaw(String method, String clientId, String path, String contentType, byte[] body,
                               Map<String, String> headers) {
        return repeat(method + " " + path, () -> exchange(method, path, clientId, contentType, body, headers));
    }

    /**
     * A call that must take effect once: when an attempt's fate is unknown (no answer, or the
     * gateway could not reach the service), {@code applied} is asked before the next attempt, and
     * a call that took effect is not made again. Answers with the last reply, or null when an
     * earlier attempt is known to have taken effect.
     */
    public Reply once(String method, String path, String clientId, Object json, BooleanSupplier applied) {
        byte[] body = json == null ? null : AccordJson.mapper().writeValueAsBytes(json);
        Instant deadline = Instant.now().plus(PATIENCE);
        boolean unknown = false;
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            if (unknown && appliedNow(applied)) {
                return null;
            }
            try {
                last = exchange(method, path, clientId, json == null ? null : "application/json", body, Map.of());
                if (!last.transientFailure()) {
                    return last;
                }
                // A version conflict wrote nothing; a 5xx may have.
                unknown = unknown || last.status() != 409;
            } catch (Unreachable e) {
                unknown = true;
            }
            pause();
        }
        throw new AssertionError(method + " " + path + " got no definite answer within " + PATIENCE + "; last: " + last);
    }

    private static boolean appliedNow(BooleanSupplier applied) {
        try {
            return applied.getAsBoolean();
        } catch (Unreachable | AssertionError e) {
            return false;
        }
    }

    private Reply repeat(String what, Supplier<Reply> attempt) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Reply last = null;
        RuntimeException error = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = attempt.get();
                if (!last.transientFailure()) {
                    return last;
                }
            } catch (Unreachable e) {
                error = e;
            }
            pause();
        }
        throw new AssertionError(what + " got no definite answer within " + PATIENCE + "; last: "
                + (last != null ? last : error == null ? "nothing" : error.getMessage()));
    }

    /** One HTTP exchange through the gateway; {@link Unreachable} when no answer came at all. */
    public Reply exchange(String method, String path, String clientId, String contentType, byte[] body,
                          Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(45))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (clientId != null) {
            request.header("Authorization", "Bearer " + token(clientId));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "application/json, application/problem+json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method, path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new Unreachable(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** No HTTP answer at all: the gateway itself was not reachable or the connection broke. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
