package org.accord.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.handler.codec.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Real access tokens from the identity service (client-credentials grant with the published
 * development secrets {@code <client-id>-secret}), kept until shortly before they expire: a run
 * lasts longer than one token.
 */
public final class Tokens {

    private record Token(String value, Instant expires) {
    }

    private final Http http;
    private final String tokenUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public Tokens(Http http, String identity) {
        this.http = http;
        this.tokenUrl = identity + "/oauth2/token";
    }

    public String editor() {
        return token("editor");
    }

    public String secretariat() {
        return token("secretariat");
    }

    /** The national body of a member body, e.g. {@code KE} -> client {@code nb-ke}. */
    public String nationalBody(String memberBody) {
        return token("nb-" + memberBody.toLowerCase(Locale.ROOT));
    }

    /** {@code Authorization} header for a token. */
    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    public String token(String clientId) {
        Token cached = tokens.get(clientId);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.value();
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
        Http.Response response = http.send(HttpMethod.POST, tokenUrl,
                Map.of("Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded",
                        "Accept", "application/json"),
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)).requireOk();
        JsonNode body = response.json();
        long lifetime = body.path("expires_in").asLong(300);
        // Renewed a minute early, so no request of a long measurement meets an expiry.
        Token token = new Token(body.path("access_token").asString(), Instant.now().plusSeconds(Math.max(30, lifetime - 60)));
        tokens.put(clientId, token);
        return token.value();
    }
}
