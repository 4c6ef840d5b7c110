package org.accord.gateway.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the gateway sends requests and what it accepts. The targets default to the local stack's
 * ports; {@code ACCORD_<SERVICE>_URI} variables point them elsewhere (application.yml).
 *
 * @param targets        base URI of each service
 * @param maxRequestSize bodies above this are refused with 413 before reaching a service
 * @param trustedProxies client addresses (a regular expression) whose X-Forwarded-* headers are believed
 */
@ConfigurationProperties("accord.gateway")
public record GatewayProperties(Targets targets, DataSize maxRequestSize, String trustedProxies) {

    public record Targets(URI proposals, URI comments, URI voting, URI publication, URI identity) {
    }
}
