package org.accord.gateway.config;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway sends requests (the body limit is {@code accord.max-request-size}, shared with
 * the services). The targets default to the local stack's
 * ports; {@code ACCORD_<SERVICE>_URI} variables point them elsewhere (application.yml).
 *
 * @param targets        base URI of each instance of each service (a comma-separated list where a service runs as several)
 * @param trustedProxies client addresses (a regular expression) whose X-Forwarded-* headers are believed
 */
@ConfigurationProperties("accord.gateway")
public record GatewayProperties(Targets targets, String trustedProxies) {

    public record Targets(List<URI> proposals, List<URI> comments, List<URI> voting, List<URI> publication,
                          List<URI> identity) {
    }
}
