package org.accord.identity.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class ClientSecretsTest {

    @TempDir
    Path directory;

    @Test
    void shouldNameTheVariableAfterTheClientIdInUpperCase() {
        assertThat(ClientSecrets.variableName("nb-ke")).isEqualTo("ACCORD_CLIENT_SECRET_NB_KE");
        assertThat(ClientSecrets.variableName("secretariat")).isEqualTo("ACCORD_CLIENT_SECRET_SECRETARIAT");
    }

    @Test
    void shouldPreferTheVariableThenTheFileThenTheDevelopmentDefault() throws Exception {
        Path file = directory.resolve("secrets.properties");
        Files.writeString(file, "nb-ke=from-file\nnb-de=also-from-file\n");
        MockEnvironment environment = new MockEnvironment().withProperty("ACCORD_CLIENT_SECRET_NB_KE", "from-variable");

        ClientSecrets secrets = new ClientSecrets(environment, file, true);

        assertThat(secrets.of("nb-ke")).contains(new ClientSecrets.Secret("from-variable", false));
        assertThat(secrets.of("nb-de")).contains(new ClientSecrets.Secret("also-from-file", false));
        assertThat(secrets.of("nb-fr")).contains(new ClientSecrets.Secret("nb-fr-secret", true));
    }

    @Test
    void shouldGiveNoSecretWhenDevelopmentDefaultsAreOff() {
        ClientSecrets secrets = new ClientSecrets(new MockEnvironment(), null, false);

        assertThat(secrets.of("nb-fr")).isEmpty();
    }

    @Test
    void shouldMarkAConfiguredSecretThatIsThePublishedOneAsADevelopmentDefault() {
        MockEnvironment environment = new MockEnvironment().withProperty("ACCORD_CLIENT_SECRET_NB_KE", "nb-ke-secret");

        ClientSecrets secrets = new ClientSecrets(environment, null, false);

        assertThat(secrets.of("nb-ke")).contains(new ClientSecrets.Secret("nb-ke-secret", true));
    }
}
