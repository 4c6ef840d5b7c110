package org.accord.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.events.KafkaCloudEvents;
import org.accord.events.Topics;
import org.accord.proposals.application.ReferenceDataSeeding;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.MemberBodyAdmitted;
import org.accord.proposals.events.MemberBodyCategoryChanged;
import org.accord.proposals.events.MemberBodyResigned;
import org.accord.proposals.events.MemberBodySuspended;
import org.accord.proposals.events.ProposalEvents;
import org.accord.testing.StoreSnapshot;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The member-body register: seeded once from the one list, public to read, changed only by the
 * secretariat, each change one event on {@code accord.member-bodies.v1}; committees and ballot
 * electorates follow it. Each test uses codes no other test of the module uses.
 */
@ProposalsServiceTest
class MemberBodiesIT {

    static final String SC2 = "ACC-TC-1-SC-2";

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ReferenceDataSeeding seeding;

    WebTestClient http;
    TopicProbe register;

    @BeforeEach
    void setUp() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        register = TopicProbe.on(Topics.MEMBER_BODIES);
    }

    @AfterEach
    void tearDown() {
        register.close();
    }

    @Test
    void shouldSeedTheRegisterOnceFromTheSeededListAsAdmissions() {
        MemberBodyAdmitted kenya = payload(register.awaitEvent(ProposalEvents.MEMBER_BODY_ADMITTED.name(), "KE",
                Duration.ofSeconds(30)), MemberBodyAdmitted.class);
        assertThat(kenya.admittedBy()).isEqualTo("reference-data");
        assertThat(kenya.category()).isEqualTo("member");

        seeding.run(new DefaultApplicationArguments());

        assertThat(register.collect(record -> "KE".equals(TopicProbe.header(record, "ce_subject")), Duration.ofSeconds(3)))
                .as("a second start admits nothing again").hasSize(1);
        http.get().uri("/member-bodies").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == 'DE')].localName").isEqualTo(List.of("Deutsches Institut für Normung"))
                .jsonPath("$[?(@.code == 'DE')].status").isEqualTo(List.of("active"));
    }

    @Test
    void shouldAdmitAMemberBodyWithItsEventAndServeItToAnyone() {
        http.post().uri("/member-bodies").headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .bodyValue(Map.of("code", "lu", "name", "Luxembourg Institute of Standardization (ILNAS)",
                        "localName", "Institut luxembourgeois de la normalisation", "category", "correspondent"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/member-bodies/LU")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.code").isEqualTo("LU").jsonPath("$.status").isEqualTo("active")
                .jsonPath("$.category").isEqualTo("correspondent").jsonPath("$.revision").isEqualTo(1);

        MemberBodyAdmitted admitted = payload(register.awaitEvent(ProposalEvents.MEMBER_BODY_ADMITTED.name(), "LU",
                Duration.ofSeconds(30)), MemberBodyAdmitted.class);
        assertThat(admitted.localName()).isEqualTo("Institut luxembourgeois de la normalisation");
        assertThat(admitted.admittedBy()).isEqualTo("secretariat");
        http.get().uri("/member-bodies/lu").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Luxembourg Institute of Standardization (ILNAS)");
        http.get().uri("/member-bodies/XK").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void shouldRefuseASecondAdmissionOfACodeAndStoreNothing() {
        admit("MT", "member");
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of(), "member_register/MT", "member_register/KE");

        admitExpecting(Map.of("code", "MT", "name", "Malta again", "localName", "Malta", "category", "member"),
                HttpStatus.CONFLICT).jsonPath("$.title").isEqualTo("Member body already admitted");
        admitExpecting(Map.of("code", "KE", "name", "Kenya again", "localName", "Kenya", "category", "member"),
                HttpStatus.CONFLICT);

        assertThat(StoreSnapshot.of(mongo, Set.of(), "member_register/MT", "member_register/KE").differencesFrom(before)).isEmpty();
        assertThat(register.collect(record -> "MT".equals(TopicProbe.header(record, "ce_subject")), Duration.ofSeconds(2)))
                .hasSize(1);
    }

    @Test
    void shouldRefuseCodesThatAreNotCountriesAndUnknownCategoriesNamingTheField() {
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of());
        for (String code : new String[] {"XX", "LUX", "L", "", "12"}) {
            admitExpecting(Map.of("code", code, "name", "Body", "localName", "Body", "category", "member"),
                    HttpStatus.UNPROCESSABLE_CONTENT).jsonPath("$.errors[0].field").isEqualTo("code");
        }
        admitExpecting(Map.of("code", "CY", "name", "Cyprus Organisation for Standardisation (CYS)", "localName", "Κυπριακός Οργανισμός Τυποποίησης",
                "category", "observer"), HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[0].field").isEqualTo("category");
        admitExpecting(Map.of("code", "CY", "name", " ", "category", "member"), HttpStatus.UNPROCESSABLE_CONTENT)
                .jsonPath("$.errors[*].field").isEqualTo(List.of("name", "localName"));
        admitExpecting(Map.of("code", "CY", "name", "Cyprus", "localName", "Κύπρος", "category", "member", "country", "Cyprus"),
                HttpStatus.BAD_REQUEST);
        send(http.put().uri("/member-bodies/KE/suspension").bodyValue(Map.of("reason", " ")), TestTokens.secretariat())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(StoreSnapshot.of(mongo, Set.of()).differencesFrom(before)).isEmpty();

        admit("CY", "member");
        send(http.put().uri("/member-bodies/CY/category").bodyValue(Map.of("category", "P-member")), TestTokens.secretariat())
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("category");
        send(http.put().uri("/member-bodies/ZZ/category").bodyValue(Map.of("category", "member")), TestTokens.secretariat())
                .expectStatus().isNotFound();
    }

    @Test
    void shouldSuspendAndReinstateOnceEachEvenWhenRetried() {
        admit("EE", "member");
        for (int attempt = 0; attempt < 2; attempt++) {
            send(http.put().uri("/member-bodies/EE/suspension").bodyValue(Map.of("reason", "fees unpaid")), TestTokens.secretariat())
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("suspended")
                    .jsonPath("$.reason").isEqualTo("fees unpaid").jsonPath("$.revision").isEqualTo(2);
        }
        MemberBodySuspended suspended = payload(register.awaitEvent(ProposalEvents.MEMBER_BODY_SUSPENDED.name(), "EE",
                Duration.ofSeconds(30)), MemberBodySuspended.class);
        assertThat(suspended.reason()).isEqualTo("fees unpaid");

        send(http.put().uri("/committees/{c}/members/EE", SC2).bodyValue(Map.of("status", "O")), TestTokens.secretariat())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.title").isEqualTo("Member body suspended");

        for (int attempt = 0; attempt < 2; attempt++) {
            send(http.delete().uri("/member-bodies/EE/suspension"), TestTokens.secretariat())
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("active").jsonPath("$.revision").isEqualTo(3);
        }
        register.awaitEvent(ProposalEvents.MEMBER_BODY_REINSTATED.name(), "EE", Duration.ofSeconds(30));
        assertThat(register.collect(record -> "EE".equals(TopicProbe.header(record, "ce_subject")), Duration.ofSeconds(2)))
                .extracting(record -> TopicProbe.header(record, "ce_type"))
                .containsExactly(ProposalEvents.MEMBER_BODY_ADMITTED.name(), ProposalEvents.MEMBER_BODY_SUSPENDED.name(),
                        ProposalEvents.MEMBER_BODY_REINSTATED.name());
        send(http.put().uri("/member-bodies/EE/suspension").headers(h -> h.setIfMatch("\"1\"")).bodyValue(Map.of("reason", "again")),
                TestTokens.secretariat())
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void shouldLeaveASuspendedBodyOutOfTheElectorateOfBallotsRequestedMeanwhile() {
        admit("LV", "member");
        new ProposalsApi(http).setMember(SC2, "LV", "P");
        try {
            send(http.put().uri("/member-bodies/LV/suspension").bodyValue(Map.of("reason", "fees unpaid")), TestTokens.secretariat()).expectStatus().isOk();
            TopicProbe proposals = TopicProbe.on(Topics.PROPOSALS);
            try {
                String id = (String) send(http.post().uri("/proposals").bodyValue(Map.of("committee", "ACC/TC 1/SC 2",
                        "title", "Register: electorate", "scope", "Scope.", "text", ProposalsApi.DRAFT)), TestTokens.editor())
                        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
                send(http.post().uri("/proposals/{id}/ballots", id).bodyValue(Map.of("type", "DIS",
                        "deadline", Instant.now().plus(84, ChronoUnit.DAYS).toString())), TestTokens.editor())
                        .expectStatus().isOk();
                BallotRequested requested = payload(proposals.awaitEvent(ProposalEvents.BALLOT_REQUESTED.name(), id,
                        Duration.ofSeconds(30)), BallotRequested.class);
                assertThat(requested.participatingMembers()).contains("FR", "KE").doesNotContain("LV");
            } finally {
                proposals.close();
            }
        } finally {
            send(http.delete().uri("/member-bodies/LV/suspension"), TestTokens.secretariat()).expectStatus().isOk();
            new ProposalsApi(http).removeMember(SC2, "LV");
        }
    }

    @Test
    void shouldKeepCorrespondentsAndSubscribersOutOfParticipatingMembership() {
        admit("LT", "correspondent");
        try {
            send(http.put().uri("/committees/{c}/members/LT", SC2).bodyValue(Map.of("status", "P")), TestTokens.secretariat())
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.title").isEqualTo("Only members are P-members");
            new ProposalsApi(http).setMember(SC2, "LT", "O");
            changeCategory("LT", "member", HttpStatus.OK);
            new ProposalsApi(http).setMember(SC2, "LT", "P");

            send(http.put().uri("/member-bodies/LT/category").bodyValue(Map.of("category", "subscriber")), TestTokens.secretariat())
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ACC/TC 1/SC 2"));
            new ProposalsApi(http).setMember(SC2, "LT", "O");
            changeCategory("LT", "subscriber", HttpStatus.OK);
            changeCategory("LT", "subscriber", HttpStatus.OK);

            MemberBodyCategoryChanged last = payload(register.await(record -> "LT".equals(TopicProbe.header(record, "ce_subject"))
                    && payloadText(record).contains("\"subscriber\""), Duration.ofSeconds(30)), MemberBodyCategoryChanged.class);
            assertThat(last.previousCategory()).isEqualTo("member");
            assertThat(last.revision()).isEqualTo(3);
        } finally {
            new ProposalsApi(http).removeMember(SC2, "LT");
        }
    }

    @Test
    void shouldRecordAResignationForGood() {
        admit("IE", "member");
        for (int attempt = 0; attempt < 2; attempt++) {
            send(http.put().uri("/member-bodies/IE/resignation").bodyValue(Map.of("reason", "letter of 2026-12-01")),
                    TestTokens.secretariat()).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("resigned");
        }
        MemberBodyResigned resigned = payload(register.awaitEvent(ProposalEvents.MEMBER_BODY_RESIGNED.name(), "IE",
                Duration.ofSeconds(30)), MemberBodyResigned.class);
        assertThat(resigned.revision()).isEqualTo(2);
        assertThat(resigned.reason()).isEqualTo("letter of 2026-12-01");

        send(http.delete().uri("/member-bodies/IE/suspension"), TestTokens.secretariat())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.title").isEqualTo("Member body resigned");
        send(http.put().uri("/member-bodies/IE/suspension").bodyValue(Map.of("reason", "late")), TestTokens.secretariat()).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        changeCategory("IE", "correspondent", HttpStatus.CONFLICT);
        send(http.put().uri("/committees/{c}/members/IE", SC2).bodyValue(Map.of("status", "O")), TestTokens.secretariat())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody().jsonPath("$.title").isEqualTo("Member body resigned");
        http.get().uri("/member-bodies/IE").exchange().expectStatus().isOk().expectBody().jsonPath("$.revision").isEqualTo(2);
    }

    @Test
    void shouldLetOnlyTheSecretariatChangeTheRegister() {
        admit("PT", "member");
        StoreSnapshot before = StoreSnapshot.of(mongo, Set.of(), "member_register/PT");
        for (String token : new String[] {null, TestTokens.editor(), TestTokens.nationalBody("PT"), TestTokens.nationalBody("KE")}) {
            HttpStatus expected = token == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
            send(http.post().uri("/member-bodies").bodyValue(Map.of("code", "NO", "name", "Standards Norway",
                    "localName", "Standard Norge", "category", "member")), token).expectStatus().isEqualTo(expected);
            send(http.put().uri("/member-bodies/PT/category").bodyValue(Map.of("category", "correspondent")), token)
                    .expectStatus().isEqualTo(expected);
            send(http.put().uri("/member-bodies/PT/suspension").bodyValue(Map.of("reason", "fees")), token).expectStatus().isEqualTo(expected);
            send(http.delete().uri("/member-bodies/PT/suspension"), token).expectStatus().isEqualTo(expected);
            send(http.put().uri("/member-bodies/PT/resignation").bodyValue(Map.of("reason", "letter")), token).expectStatus().isEqualTo(expected);
        }
        assertThat(StoreSnapshot.of(mongo, Set.of(), "member_register/PT").differencesFrom(before)).isEmpty();
    }

    private void admit(String code, String category) {
        admitExpecting(Map.of("code", code, "name", "Standards body of " + code, "localName", "Normes " + code,
                "category", category), HttpStatus.CREATED);
    }

    private void changeCategory(String code, String category, HttpStatus expected) {
        send(http.put().uri("/member-bodies/{code}/category", code).bodyValue(Map.of("category", category)),
                TestTokens.secretariat()).expectStatus().isEqualTo(expected);
    }

    private WebTestClient.BodyContentSpec admitExpecting(Map<String, String> body, HttpStatus expected) {
        return send(http.post().uri("/member-bodies").bodyValue(body), TestTokens.secretariat())
                .expectStatus().isEqualTo(expected).expectBody();
    }

    private static WebTestClient.ResponseSpec send(WebTestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return request.exchange();
    }

    private static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return KafkaCloudEvents.fromRecord(record).payload(type);
    }

    private static String payloadText(ConsumerRecord<String, byte[]> record) {
        return TopicProbe.value(record);
    }
}
