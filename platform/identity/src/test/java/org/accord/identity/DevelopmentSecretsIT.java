package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.accord.http.client.ClientCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The published development secrets ({@code <client-id>-secret}) work only where they are asked
 * for by name: a production start without secrets of its own, or with a published one configured,
 * does not come up, and says what to set.
 */
class DevelopmentSecretsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void shouldRefuseToStartInProductionWithNoSecretsConfigured() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod"))
                .rootCause()
                .hasMessageContaining("no client has a secret")
                .hasMessageContaining("ACCORD_CLIENT_SECRETS_FILE")
                .hasMessageContaining("ACCORD_DEVELOPMENT_SECRETS=true");
    }

    @Test
    void shouldRefuseToStartWhenAConfiguredSecretIsThePublishedOne() throws Exception {
        Path secrets = directory.resolve("secrets.properties");
        Files.writeString(secrets, "editor=editor-secret\nsecretariat=a-real-secret\n");

        assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--accord.identity.secrets-file=" + secrets))
                .rootCause()
                .hasMessageContaining("[editor] would accept the published development secret")
                .hasMessageContaining("ACCORD_CLIENT_SECRETS_FILE");
    }

    @Test
    void shouldStartWithThePublishedSecretsWhenTheFlagAsksForThem() throws Exception {
        try (ConfigurableApplicationContext identity = start("--spring.profiles.active=prod",
                "--accord.identity.development-secrets=true")) {
            assertThat(requestToken(identity, "nb-ke", "nb-ke-secret").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldServeOnlyTheConfiguredSecretsInProduction() throws Exception {
        Path secrets = directory.resolve("secrets.properties");
        Files.writeString(secrets, "editor=a-long-editor-secret\n");

        try (ConfigurableApplicationContext identity = start("--spring.profiles.active=prod",
                "--accord.identity.secrets-file=" + secrets)) {
            assertThat(requestToken(identity, "editor", "a-long-editor-secret").statusCode()).isEqualTo(200);
            assertThat(requestToken(identity, "editor", "editor-secret").statusCode()).isEqualTo(401);
            assertThat(requestToken(identity, "nb-ke", "nb-ke-secret").statusCode()).isEqualTo(401);
        }
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--accord.identity.key-file=" + directory.resolve("identity/jwk.json")));
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(IdentityApplication.class).run(args.toArray(String[]::new));
    }

    private static HttpResponse<String> requestToken(ConfigurableApplicationContext identity, String clientId, String secret)
            throws Exception {
        String issuer = "http://localhost:" + identity.getEnvironment().getProperty("local.server.port");
        return ClientCredentials.request(HTTP, issuer + "/oauth2/token", clientId, secret);
    }
}
