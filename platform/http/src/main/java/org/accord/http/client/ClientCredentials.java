package org.accord.http.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the identity service: the client-credentials grant with the published
 * development secrets ({@code <client-id>-secret}), one token per client kept until a minute
 * before it expires (a run lasts longer than one token). The one token client of the identity
 * service's tests, the system tests (through the gateway's {@code /oauth2/token}) and the
 * benchmark (straight to the identity service).
 *
 * <p>With a {@code patience}, a grant that meets a service that is down or restarting (no answer,
 * or 500/502/503/504) is asked again until the patience is spent; without one it is asked once.
 */
public final class ClientCredentials {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PAUSE = Duration.ofMillis(300);

    private record Token(String value, Instant renewAt) {
    }

    private final HttpClient http;
    private final String tokenUrl;
    private final Duration patience;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** Tokens from {@code tokenUrl} ({@code http://localhost:8080/oauth2/token}), each grant asked once. */
    public ClientCredentials(String tokenUrl) {
        this(client(), tokenUrl, Duration.ZERO);
    }

    public ClientCredentials(HttpClient http, String tokenUrl, Duration patience) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.patience = patience;
    }

    /** The HTTP client the tools use: HTTP/1.1, three seconds to connect. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    }

    // ---------------------------------------------------------------- who calls

    public static String editorClient() {
        return "editor";
    }

    public static String secretariatClient() {
        return "secretariat";
    }

    /** The client of a member body's national body, e.g. {@code KE} -> {@code nb-ke}. */
    public static String nationalBodyClient(String memberBody) {
        return "nb-" + memberBody.toLowerCase(Locale.ROOT);
    }

    /** The published development secret of a client. */
    public static String developmentSecret(String clientId) {
        return clientId + "-secret";
    }

    /** {@code Authorization} header for a token. */
    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public String editor() {
        return token(editorClient());
    }

    public String secretariat() {
        return token(secretariatClient());
    }

    public String nationalBody(String memberBody) {
        return token(nationalBodyClient(memberBody));
    }

    // ---------------------------------------------------------------- tokens

    /** A bearer token of the client (development secret), fetched once and renewed a minute before it expires. */
    public String token(String clientId) {
        Token cached = tokens.get(clientId);
        if (cached != null && Instant.now().isBefore(cached.renewAt())) {
            return cached.value();
        }
        HttpResponse<String> response = patiently(clientId);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + tokenUrl + " for " + clientId + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        long lifetime = body.path("expires_in").asLong(300);
        Token token = new Token(body.path("access_token").asString(), Instant.now().plusSeconds(Math.max(30, lifetime - 60)));
        tokens.put(clientId, token);
        return token.value();
    }

    private HttpResponse<String> patiently(String clientId) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            HttpResponse<String> response = null;
            IOException error = null;
            try {
                response = request(http, tokenUrl, clientId, developmentSecret(clientId));
                if (!unavailable(response.statusCode())) {
                    return response;
                }
            } catch (IOException e) {
                error = e;
            }
            if (!Instant.now().plus(PAUSE).isBefore(deadline)) {
                if (response != null) {
                    return response;
                }
                throw new IllegalStateException("POST " + tokenUrl + " for " + clientId + " got no answer within "
                        + patience + ": " + error, error);
            }
            pause();
        }
    }

    /**
     * One client-credentials grant, whatever the answer: {@code grant_type=client_credentials}
     * with the client's id and secret as HTTP Basic credentials.
     */
    public static HttpResponse<String> request(HttpClient http, String tokenUrl, String clientId, String secret)
            throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(45))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** What a service that is down or restarting answers through the gateway. */
    private static boolean unavailable(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }
}
