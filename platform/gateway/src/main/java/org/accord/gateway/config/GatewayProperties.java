package org.accord.gateway.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway sends requests (the body limit is {@code accord.max-request-size}, shared with
 * the services). The targets default to the local stack's
 * ports; {@code ACCORD_<SERVICE>_URI} variables point them elsewhere (application.yml).
 *
 * @param targets        base URI of each service
 * @param trustedProxies client addresses (a regular expression) whose X-Forwarded-* headers are believed
 */
@ConfigurationProperties("accord.gateway")
public record GatewayProperties(Targets targets, String trustedProxies) {

    public record Targets(URI proposals, URI comments, URI voting, URI publication, URI identity) {
    }
}
