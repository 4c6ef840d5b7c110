package org.accord.identity.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of the identity service; the defaults (application.yml) run the local stack.
 *
 * @param issuer            the {@code iss} of every token and the base of the discovery documents;
 *                          the services' {@code issuer-uri} must name the same URL
 * @param keyFile           where the RSA signing key is kept (created at first start) so tokens
 *                          stay valid across restarts
 * @param memberBodies      CSV ({@code code,...}; platform/reference's list by default) of the member bodies that get a client
 * @param tokenTimeToLive   lifetime of an access token
 * @param secretsFile       optional properties file of {@code <client-id>=<secret>} lines; blank for none
 * @param developmentSecrets whether a client without a configured secret gets the published development
 *                          default {@code <client-id>-secret} (a local stack only); when false such a
 *                          client is not registered, and a configured secret equal to it stops the start
 */
@ConfigurationProperties("accord.identity")
public record IdentityProperties(String issuer, Path keyFile, Resource memberBodies, Duration tokenTimeToLive,
                                 String secretsFile, boolean developmentSecrets) {

    Path secretsFilePath() {
        return secretsFile == null || secretsFile.isBlank() ? null : Path.of(secretsFile.trim());
    }
}
