package org.accord.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accord.events.KafkaCloudEvents;
import org.accord.events.Topics;
import org.accord.proposals.application.ReferenceDataSeeding;
import org.accord.proposals.events.CommitteeMembershipChanged;
import org.accord.proposals.events.ProposalEvents;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Committees and member bodies: seeded once, public to read, changed by the secretariat with snapshot events. */
@ProposalsServiceTest
class CommitteesIT {

    static final String SC2 = "ACC/TC 1/SC 2";

    @Autowired
    WebTestClient client;
    @Autowired
    ReferenceDataSeeding seeding;

    WebTestClient http;
    TopicProbe committeesTopic;

    @BeforeEach
    void setUp() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        committeesTopic = TopicProbe.on(Topics.COMMITTEES);
    }

    @AfterEach
    void tearDown() {
        committeesTopic.close();
    }

    @Test
    void shouldRegisterEachReferenceCommitteeOnceEvenWhenSeededAgain() {
        CommitteeMembershipChanged registered = snapshot(committeesTopic.await(record -> "ACC/TC 1".equals(
                TopicProbe.header(record, "ce_subject")) && snapshot(record).membershipVersion() == 1, Duration.ofSeconds(30)));
        assertThat(registered.change()).isEqualTo("registered");
        assertThat(registered.participating()).hasSize(16).startsWith("CN", "US");
        assertThat(registered.observing()).hasSize(13);
        assertThat(registered.secretariat()).isEqualTo("CN");

        seeding.run(new DefaultApplicationArguments());

        List<ConsumerRecord<String, byte[]>> registrations = committeesTopic.collect(record ->
                "ACC/TC 1".equals(TopicProbe.header(record, "ce_subject")) && "registered".equals(snapshot(record).change()),
                Duration.ofSeconds(3));
        assertThat(registrations).hasSize(1);
        http.get().uri("/committees").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo("ACC/TC 1").jsonPath("$[0].slug").isEqualTo("ACC-TC-1")
                .jsonPath("$[1].id").isEqualTo(SC2).jsonPath("$[1].slug").isEqualTo("ACC-TC-1-SC-2");
    }

    @Test
    void shouldServeACommitteeToAnyoneByItsSlug() {
        http.get().uri("/committees/ACC-TC-1-SC-2").exchange().expectStatus().isOk()
                .expectHeader().exists("ETag")
                .expectBody().jsonPath("$.id").isEqualTo(SC2).jsonPath("$.secretariat").isEqualTo("FR");
        http.get().uri("/committees/ACC-TC-1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("ACC/TC 1").jsonPath("$.title").isEqualTo("Artificial intelligence");
        http.get().uri("/committees/ACC-TC-42").exchange().expectStatus().isNotFound();
        // The platform's request firewall refuses encoded slashes in paths, hence the slugs.
        http.get().uri("/committees/{id}", SC2).exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldListTheMemberBodiesToAnyone() {
        http.get().uri("/member-bodies").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(32)
                .jsonPath("$[?(@.code == 'VN')].name").isEqualTo(List.of("Directorate for Standards, Metrology and Quality (STAMEQ)"));
        http.get().uri("/member-bodies/ke").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Kenya Bureau of Standards (KEBS)");
    }

    @Test
    void shouldPublishANewSnapshotForEachMembershipChangeByTheSecretariat() {
        long version = membershipVersion();

        changeMember("MX", Map.of("status", "O"), HttpStatus.OK);
        CommitteeMembershipChanged added = awaitSnapshot(version + 1);
        assertThat(added.change()).isEqualTo("MX added as O-member");
        assertThat(added.observing()).contains("MX");
        assertThat(added.changedBy()).isEqualTo("secretariat");

        changeMember("MX", Map.of("status", "P"), HttpStatus.OK);
        CommitteeMembershipChanged moved = awaitSnapshot(version + 2);
        assertThat(moved.change()).isEqualTo("MX moved from O to P");
        assertThat(moved.participating()).contains("MX");
        assertThat(moved.observing()).doesNotContain("MX");

        changeMember("MX", Map.of("status", "P"), HttpStatus.OK);
        assertThat(membershipVersion()).as("setting the status it has changes nothing").isEqualTo(version + 2);

        http.delete().uri("/committees/ACC-TC-1-SC-2/members/MX").headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.membershipVersion").isEqualTo((int) version + 3);
        CommitteeMembershipChanged removed = awaitSnapshot(version + 3);
        assertThat(removed.change()).isEqualTo("MX removed (was P-member)");
        assertThat(removed.participating()).doesNotContain("MX");
    }

    @Test
    void shouldRefuseMembershipChangesByOthersOrThatBreakTheRules() {
        http.put().uri("/committees/ACC-TC-1-SC-2/members/MX").bodyValue(Map.of("status", "P"))
                .exchange().expectStatus().isUnauthorized();
        http.put().uri("/committees/ACC-TC-1-SC-2/members/MX").headers(h -> h.setBearerAuth(TestTokens.editor()))
                .bodyValue(Map.of("status", "P")).exchange().expectStatus().isForbidden();
        changeMember("ZZ", Map.of("status", "P"), HttpStatus.UNPROCESSABLE_CONTENT);
        changeMember("MX", Map.of("status", "X"), HttpStatus.BAD_REQUEST);
        changeMember("FR", Map.of("status", "O"), HttpStatus.CONFLICT);
        http.delete().uri("/committees/ACC-TC-1-SC-2/members/FR").headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.delete().uri("/committees/ACC-TC-1-SC-2/members/EG").headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .exchange().expectStatus().isNotFound();
        http.put().uri("/committees/ACC-TC-1-SC-2/members/MX").headers(h -> {
                    h.setBearerAuth(TestTokens.secretariat());
                    h.setIfMatch("\"0\"");
                }).bodyValue(Map.of("status", "O")).exchange().expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    private void changeMember(String code, Map<String, String> body, HttpStatus expected) {
        http.put().uri("/committees/ACC-TC-1-SC-2/members/{code}", code).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(body).exchange().expectStatus().isEqualTo(expected);
    }

    private long membershipVersion() {
        Map<?, ?> committee = http.get().uri("/committees/ACC-TC-1-SC-2").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) committee.get("membershipVersion")).longValue();
    }

    private CommitteeMembershipChanged awaitSnapshot(long membershipVersion) {
        return snapshot(committeesTopic.await(record -> SC2.equals(TopicProbe.header(record, "ce_subject"))
                && ProposalEvents.MEMBERSHIP_CHANGED.name().equals(TopicProbe.header(record, "ce_type"))
                && snapshot(record).membershipVersion() == membershipVersion, Duration.ofSeconds(30)));
    }

    private static CommitteeMembershipChanged snapshot(ConsumerRecord<String, byte[]> record) {
        return KafkaCloudEvents.fromRecord(record).payload(CommitteeMembershipChanged.class);
    }
}
