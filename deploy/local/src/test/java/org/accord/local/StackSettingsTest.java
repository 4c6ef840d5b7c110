package org.accord.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Where a stack's processes listen, and what each service is told about the others. */
class StackSettingsTest {

    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void shouldKeepTheFixedPortsWithoutAnOffset() {
        StackSettings settings = StackSettings.from(Map.of("ACCORD_HOME", ROOT.toString()), List.of());
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.mongoUri()).isEqualTo("mongodb://localhost:27017");
        assertThat(settings.urlOf("gateway")).isEqualTo("http://localhost:8080");
        assertThat(settings.urlOf("identity")).isEqualTo("http://localhost:9000");
    }

    @Test
    void shouldMoveEveryPortByTheOffsetUnlessAPortIsNamed() {
        StackSettings settings = StackSettings.from(Map.of("ACCORD_HOME", ROOT.toString(), "ACCORD_PORT_OFFSET", "20000",
                "ACCORD_STORE_PORT", "37017"), List.of());
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:29092");
        assertThat(settings.controllerPort()).isEqualTo(29093);
        assertThat(settings.mongoUri()).isEqualTo("mongodb://localhost:37017");
        assertThat(settings.urlOf("publication")).isEqualTo("http://localhost:28084");
        assertThat(StackSettings.from(Map.of("ACCORD_HOME", ROOT.toString()), List.of("--port-offset=500")).urlOf("proposals"))
                .isEqualTo("http://localhost:8581");
    }

    @Test
    void shouldTellTheGatewayAndEveryServiceWhereTheOthersAreWithTheOffset() {
        StackSettings settings = StackSettings.everything(ROOT, ROOT.resolve("target/settings-test"), 20000);
        LocalStack stack = new LocalStack(settings, new PrintStream(new ByteArrayOutputStream()));
        Map<String, String> gateway = stack.serviceEnvironment(ServiceCatalogue.spec("gateway"));
        assertThat(gateway).containsEntry("SERVER_PORT", "28080")
                .containsEntry("ACCORD_PROPOSALS_URI", "http://localhost:28081")
                .containsEntry("ACCORD_COMMENTS_URI", "http://localhost:28082")
                .containsEntry("ACCORD_VOTING_URI", "http://localhost:28083")
                .containsEntry("ACCORD_PUBLICATION_URI", "http://localhost:28084")
                .containsEntry("ACCORD_IDENTITY_URI", "http://localhost:29000")
                .containsEntry("ACCORD_ISSUER_URI", "http://localhost:29000")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:29092")
                .containsEntry("MONGODB_URI", "mongodb://localhost:47017");
        assertThat(stack.serviceEnvironment(ServiceCatalogue.spec("identity"))).containsEntry("SERVER_PORT", "29000")
                .containsEntry("ACCORD_ISSUER_URI", "http://localhost:29000")
                .containsEntry("ACCORD_DEVELOPMENT_SECRETS", System.getenv().getOrDefault("ACCORD_DEVELOPMENT_SECRETS", "true"));
        assertThat(gateway).doesNotContainKey("ACCORD_DEVELOPMENT_SECRETS");
    }

    @Test
    void shouldRefuseAnOffsetThatIsNotAWholeNumber() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("ACCORD_HOME", ROOT.toString(), "ACCORD_PORT_OFFSET", "lots"), List.of()))
                .hasMessageContaining("ACCORD_PORT_OFFSET");
    }
}
