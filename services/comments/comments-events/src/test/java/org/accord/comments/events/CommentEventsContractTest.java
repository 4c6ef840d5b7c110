package org.accord.comments.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.accord.events.EventContracts;
import org.junit.jupiter.api.Test;

/**
 * The published contract: a JSON Schema derived from each payload record and a sample that reads
 * into it. After changing a payload, regenerate the schemas with
 * {@code ./mvnw test -pl services/comments/comments-events -Daccord.contracts.write=true}.
 */
class CommentEventsContractTest {

    @Test
    void shouldPublishASchemaAndAReadableSamplePerEventType() throws Exception {
        if (Boolean.getBoolean("accord.contracts.write")) {
            EventContracts.writeSchemas(CommentEvents.ALL, Path.of("src/main/resources"));
        }
        assertThat(EventContracts.problems(CommentEvents.ALL, CommentEvents.class)).isEmpty();
    }

    @Test
    void shouldNameEveryTypeAfterItsAggregateWithAMajorVersion() {
        assertThat(CommentEvents.ALL).allSatisfy(type -> assertThat(type.name()).matches("org\\.accord\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }
}
