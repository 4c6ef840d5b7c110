package org.accord.identity.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.springframework.core.env.Environment;

/**
 * Where a client's secret comes from, first match wins: the variable
 * {@code ACCORD_CLIENT_SECRET_<CLIENT_ID>} (upper case, {@code -} as {@code _}, e.g.
 * {@code ACCORD_CLIENT_SECRET_NB_KE}), the secrets file ({@code <client-id>=<secret>} lines), and,
 * only when development secrets are allowed, {@code <client-id>-secret}. The last is a published
 * default for the local stack and nothing else.
 */
final class ClientSecrets {

    static final String VARIABLE_PREFIX = "ACCORD_CLIENT_SECRET_";

    private final Environment environment;
    private final Properties file = new Properties();
    private final boolean developmentDefaults;

    ClientSecrets(Environment environment, Path secretsFile, boolean developmentDefaults) {
        this.environment = environment;
        this.developmentDefaults = developmentDefaults;
        if (secretsFile != null) {
            try (Reader reader = Files.newBufferedReader(secretsFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the client secrets file " + secretsFile, e);
            }
        }
    }

    static String variableName(String clientId) {
        return VARIABLE_PREFIX + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String developmentDefault(String clientId) {
        return clientId + "-secret";
    }

    /** The configured secret, or empty when there is none and development defaults are off. */
    Optional<Secret> of(String clientId) {
        String configured = environment.getProperty(variableName(clientId));
        if (configured == null || configured.isBlank()) {
            configured = file.getProperty(clientId);
        }
        if (configured != null && !configured.isBlank()) {
            // Configured or not, the published value is no secret.
            return Optional.of(new Secret(configured, configured.equals(developmentDefault(clientId))));
        }
        return developmentDefaults ? Optional.of(new Secret(developmentDefault(clientId), true)) : Optional.empty();
    }

    /** @param developmentDefault the value is the published {@code <client-id>-secret} */
    record Secret(String value, boolean developmentDefault) {
    }
}
