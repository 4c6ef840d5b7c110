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

    record Deadline(Instant deadline) {
    }

    @Test
    void shouldWriteInstantsAsRfc3339AndRefuseThoseWithoutAnRfc3339Form() {
        assertThat(AccordJson.writeString(new Deadline(Instant.parse("2027-01-31T23:59:59Z"))))
                .isEqualTo("{\"deadline\":\"2027-01-31T23:59:59Z\"}");
        assertThat(AccordJson.writeString(new Deadline(Instant.parse("0001-01-01T00:00:00Z")))).contains("\"0001-01-01T00:00:00Z\"");
        assertThat(AccordJson.writeString(new Deadline(AccordJson.LATEST))).contains("9999-12-31T23:59:59.999999999Z");
        // Issue 13: "+99999-01-01T00:00:00Z" reached the events and broke their own schema (format: date-time).
        assertThatThrownBy(() -> AccordJson.write(new Deadline(Instant.parse("+99999-01-01T00:00:00Z"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccordJson.write(new Deadline(Instant.parse("-0001-01-01T00:00:00Z"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
