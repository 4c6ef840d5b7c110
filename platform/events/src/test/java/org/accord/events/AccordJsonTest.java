package org.accord.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AccordJsonTest {

    record Fact(String id, Instant time) {
    }

    @Test
    void shouldIgnoreUnknownFieldsSoAdditiveChangesKeepTheVersion() {
        Fact fact = AccordJson.read("{\"id\":\"a\",\"time\":\"2026-01-02T03:04:05Z\",\"addedLater\":[1,2]}", Fact.class);
        assertThat(fact).isEqualTo(new Fact("a", Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void shouldWriteInstantsAsUtcIsoStrings() {
        assertThat(AccordJson.writeString(new Fact("a", Instant.parse("2026-01-02T03:04:05Z"))))
                .isEqualTo("{\"id\":\"a\",\"time\":\"2026-01-02T03:04:05Z\"}");
    }

    @Test
    void shouldLeaveNullsOut() {
        assertThat(AccordJson.writeString(new Fact("a", null))).isEqualTo("{\"id\":\"a\"}");
    }

    @Test
    void shouldReportAPayloadThatIsNotJsonAsMalformed() {
        assertThatThrownBy(() -> AccordJson.read("not json", Fact.class)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void shouldRefuseEventTypeNamesThatLookLikeJavaClasses() {
        assertThatThrownBy(() -> EventType.of("org.accord.proposals.ProposalSubmitted", Topics.PROPOSALS, Fact.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EventType.of("org.accord.proposal.submitted.v1", Topics.PROPOSALS, Fact.class).name())
                .isEqualTo("org.accord.proposal.submitted.v1");
    }

    @Test
    void shouldNameTheDeadLetterTopicAfterTopicAndGroup() {
        assertThat(Topics.deadLetter("accord.proposals.v1", "comments")).isEqualTo("accord.proposals.v1.comments.dlt");
    }
}
