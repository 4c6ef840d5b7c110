package org.accord.proposals.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.accord.events.EventContracts;
import org.junit.jupiter.api.Test;

/**
 * The published contract: a JSON Schema derived from each payload record and a sample that reads
 * into it. After changing a payload, regenerate the schemas with
 * {@code ./mvnw test -pl services/proposals/proposals-events -Daccord.contracts.write=true}.
 */
class ProposalEventsContractTest {

    @Test
    void shouldPublishASchemaAndAReadableSamplePerEventType() throws Exception {
        if (Boolean.getBoolean("accord.contracts.write")) {
            EventContracts.writeSchemas(ProposalEvents.ALL, Path.of("src/main/resources"));
        }
        assertThat(EventContracts.problems(ProposalEvents.ALL, ProposalEvents.class)).isEmpty();
    }

    @Test
    void shouldNameEveryTypeAfterItsAggregateWithAMajorVersion() {
        assertThat(ProposalEvents.ALL).allSatisfy(type -> assertThat(type.name()).matches("org\\.accord\\.[a-z]+(-[a-z]+)*\\.[a-z-]+\\.v[0-9]+"));
    }
}
