package org.accord.systemtests.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.accord.events.EventType;
import org.accord.events.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/asyncapi.yaml is what the event catalogues say today. Run with
 * {@code -Daccord.asyncapi.write=true} to rewrite it after a catalogue changed.
 */
public class AsyncApiDocumentTest {

    public static final Path ROOT = Path.of(System.getProperty("accord.root", "../..")).toAbsolutePath().normalize();
    public static final Path DOCUMENT = ROOT.resolve("deploy/asyncapi.yaml");

    @Test
    void shouldMatchTheCommittedDocumentGeneratedFromTheEventCatalogues() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean("accord.asyncapi.write")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        assertThat(DOCUMENT).as("deploy/asyncapi.yaml; regenerate with -Daccord.asyncapi.write=true").exists();
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                .as("deploy/asyncapi.yaml is stale; regenerate with -Daccord.asyncapi.write=true")
                .isEqualTo(generated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryTopicAndEveryEventTypeWithItsPayloadSchema() {
        Map<String, Object> doc = new Yaml().load(AsyncApiDocument.yaml());
        assertThat(doc).containsEntry("asyncapi", "3.0.0");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        assertThat(channels.values()).extracting(c -> c.get("address")).containsAll(Topics.ALL);
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) components.get("messages");
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.get("schemas");
        List<EventType<?>> all = AsyncApiDocument.allTypes();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(AsyncApiDocument.duplicateMessageIds()).isEmpty();
        for (EventType<?> type : all) {
            String id = AsyncApiDocument.messageId(type);
            assertThat(messages.get(id)).as(type.name()).containsEntry("name", type.name());
            assertThat(schemas.get(id)).as(type.name()).containsEntry("$id", "urn:accord:event:" + type.name());
            Map<String, Object> channel = channels.get(AsyncApiDocument.channelId(type.topic()));
            assertThat((Map<String, Object>) channel.get("messages")).as(type.name()).containsKey(id);
        }
        assertThat(channels.values()).extracting(c -> c.get("address"))
                .contains(Topics.deadLetter(Topics.PROPOSALS, "voting"), Topics.deadLetter(Topics.COMMITTEES, "comments"),
                        Topics.deadLetter(Topics.STANDARDS, "proposals"));
    }
}
