package org.accord.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.events.AccordJson;
import org.accord.events.CloudEvent;
import org.accord.events.Topics;
import org.accord.proposals.events.PublicationApproved;
import org.accord.publication.domain.TextHash;
import org.accord.publication.events.StandardEvents;
import org.accord.publication.events.StandardPublished;
import org.accord.publication.events.StandardWithdrawn;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.TestTokens;
import org.accord.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * From a PublicationApproved on the real broker to everything an observer sees: the
 * StandardPublished event on accord.standards.v1, the standard and its texts, the Atom entry, the
 * JSON Feed item and the SSE message; then revisions, amendments, the hash chain, withdrawal,
 * redelivery and refusals.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
class PublicationFlowIT {

    static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;
    @LocalServerPort
    int port;

    @BeforeEach
    void patience() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void shouldCarryAnApprovalToTheTopicTheStandardTheAtomEntryTheJsonFeedItemAndTheSseMessage() {
        int project = Approvals.project();
        String committee = Approvals.committee("Flow");
        String text = Approvals.text(project, "first edition");
        PublicationApproved approved = Approvals.approved(project, committee, "NEW", null, text);

        try (SseClient sse = SseClient.connect(port, committee, null); TopicProbe standards = TopicProbe.on(Topics.STANDARDS)) {
            Approvals.send(approved);

            ConsumerRecord<String, byte[]> record = standards.awaitEvent(StandardEvents.PUBLISHED.name(), approved.proposalId(), WAIT);
            StandardPublished published = AccordJson.read(record.value(), StandardPublished.class);
            int year = published.publishedAt().atOffset(ZoneOffset.UTC).getYear();
            String designation = "ACC " + project + ":" + year;
            String slug = "ACC-" + project + "-" + year;
            String entryId = "urn:accord:standard:" + slug + ":edition:1";
            assertThat(record.key()).isEqualTo(approved.proposalId());
            assertThat(published.designation()).isEqualTo(designation);
            assertThat(published.edition()).isEqualTo(1);
            assertThat(published.kind()).isEqualTo("NEW");
            assertThat(published.committeeId()).isEqualTo(committee);
            assertThat(published.textSha256()).isEqualTo(TextHash.sha256(text));
            assertThat(published.previousEditionSha256()).isNull();
            assertThat(published.replaces()).isNull();

            ServerSentEvent<String> message = sse.next(WAIT);
            assertThat(message.event()).isEqualTo("standard-published");
            assertThat(Long.parseLong(message.id())).isPositive();
            assertThat(SseClient.data(message).get("designation").asString()).isEqualTo(designation);
            assertThat(SseClient.data(message).get("entryId").asString()).isEqualTo(entryId);
            assertThat(SseClient.data(message).get("textSha256").asString()).isEqualTo(TextHash.sha256(text));

            String atom = http.get().uri("/feeds/atom?committee={c}", committee).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("application/atom+xml")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(atom).contains("<id>" + entryId + "</id>").contains(designation + " — " + approved.title());
            assertThat(AtomSchema.errors(atom)).isEmpty();
            String everything = http.get().uri("/feeds/atom").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(everything).contains("<id>" + entryId + "</id>");
            assertThat(AtomSchema.errors(everything)).isEmpty();

            http.get().uri("/feeds/json?committee={c}", committee).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("application/feed+json")
                    .expectBody()
                    .jsonPath("$.version").isEqualTo("https://jsonfeed.org/version/1.1")
                    .jsonPath("$.items.length()").isEqualTo(1)
                    .jsonPath("$.items[0].id").isEqualTo(entryId)
                    .jsonPath("$.items[0].title").isEqualTo(designation + " — " + approved.title())
                    .jsonPath("$.items[0].url").value(url -> assertThat((String) url).endsWith("/standards/" + slug + "/text.html"))
                    .jsonPath("$.items[0]._accord.text_sha256").isEqualTo(TextHash.sha256(text));

            http.get().uri("/standards/{slug}", slug).exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.designation").isEqualTo(designation)
                    .jsonPath("$.status").isEqualTo("PUBLISHED")
                    .jsonPath("$.proposalId").isEqualTo(approved.proposalId())
                    .jsonPath("$.links.html").isEqualTo("http://localhost:" + port + "/standards/" + slug + "/text.html");
            // Behind a proxy (the gateway, and another in front of it) every link follows the address the client used.
            http.get().uri("/standards/{slug}", slug)
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "standards.example.org")
                    .header("X-Forwarded-Prefix", "/accord/api").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.links.html").isEqualTo("https://standards.example.org/accord/api/standards/" + slug + "/text.html")
                    .jsonPath("$.links.editions").isEqualTo("https://standards.example.org/accord/api/standards/" + slug + "/editions");
            http.get().uri("/feeds/json?committee={c}", committee)
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "standards.example.org")
                    .header("X-Forwarded-Prefix", "/accord/api").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.feed_url").value(url -> assertThat((String) url)
                            .startsWith("https://standards.example.org/accord/api/feeds/json?page=1"))
                    .jsonPath("$.home_page_url").isEqualTo("https://standards.example.org/accord/api/observer/")
                    .jsonPath("$.items[0].url").isEqualTo("https://standards.example.org/accord/api/standards/" + slug + "/text.html");
            http.get().uri("/observer/").header("X-Forwarded-Prefix", "/accord/api").exchange().expectStatus().isOk()
                    .expectBody(String.class).value(page -> assertThat(page)
                            .contains("<meta name=\"accord-api\" content=\"/accord/api/\">"));
            http.get().uri("/standards/{d}", designation).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.slug").isEqualTo(slug);
            byte[] markdown = http.get().uri("/standards/{slug}/text.md", slug).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/markdown")
                    .expectBody().returnResult().getResponseBody();
            assertThat(new String(markdown, StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(http.get().uri("/standards/{slug}/text.html", slug).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody())
                    .contains("<h1 id=\"clause-1\">1 Scope</h1>")
                    .contains("<h2 id=\"clause-3.1\">3.1 evaluation report</h2>")
                    .doesNotContain("project: " + project);
            http.get().uri("/standards?committee={c}", committee).exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(1)
                    .jsonPath("$.items[0].designation").isEqualTo(designation);
        }
    }

    @Test
    void shouldIssueOneEditionForARedeliveredApproval() {
        int project = Approvals.project();
        PublicationApproved approved = Approvals.approved(project, Approvals.committee("Redelivery"), "NEW", null,
                Approvals.text(project, "redelivered"));

        try (TopicProbe standards = TopicProbe.on(Topics.STANDARDS)) {
            CloudEvent event = Approvals.send(approved);
            Approvals.resend(event);
            // The same approval again under a new event id (the approving side published it twice).
            Approvals.send(approved);
            standards.awaitEvent(StandardEvents.PUBLISHED.name(), approved.proposalId(), WAIT);

            List<ConsumerRecord<String, byte[]>> published = standards.collect(r -> approved.proposalId().equals(r.key())
                    && StandardEvents.PUBLISHED.name().equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(4));
            Set<String> eventIds = published.stream().map(r -> TopicProbe.header(r, "ce_id")).collect(Collectors.toSet());
            assertThat(eventIds).hasSize(1);
        }
        String slug = slugOf(project);
        http.get().uri("/standards/{slug}/editions", slug).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].edition").isEqualTo(1);
    }

    @Test
    void shouldReplaceEditionOneWithARevisionAmendItAndVerifyTheChainUntilATextIsTamperedWith() {
        int project = Approvals.project();
        String committee = Approvals.committee("Chain");
        String first = Approvals.text(project, "edition 1");
        Approvals.send(Approvals.approved(project, committee, "NEW", null, first));
        String slug = slugOf(project);
        String designation = slug.replaceFirst("ACC-(\\d+)-(\\d+)", "ACC $1:$2");

        String second = Approvals.text(project, "edition 2").replace("It does not specify\nacceptance thresholds for any metric.",
                "It specifies minimum\nacceptance thresholds.");
        Approvals.send(Approvals.approved(project, committee, "REVISION", designation, second));
        await().atMost(WAIT).until(() -> editions(slug) == 2);
        String amendment = Approvals.text(project, "amendment 1");
        Approvals.send(Approvals.approved(project, committee, "AMENDMENT", null, amendment));
        await().atMost(WAIT).until(() -> editions(slug) == 3);

        // Issue 13: edition 2, published the same year as edition 1, is dated with the next year, so each designation
        // names one document (both were "ACC n:yyyy" before, and a lookup found only the newer).
        int year = Integer.parseInt(slug.substring(slug.lastIndexOf('-') + 1));
        String secondSlug = slug.substring(0, slug.lastIndexOf('-') + 1) + (year + 1);
        String secondDesignation = designation.substring(0, designation.lastIndexOf(':') + 1) + (year + 1);
        http.get().uri("/standards/{slug}", secondSlug).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.edition").isEqualTo(2)
                .jsonPath("$.designation").isEqualTo(secondDesignation)
                .jsonPath("$.replaces").isEqualTo(designation)
                .jsonPath("$.previousEditionSha256").isEqualTo(TextHash.sha256(first))
                .jsonPath("$.links.self").isEqualTo("http://localhost:" + port + "/standards/" + secondSlug);
        http.get().uri("/standards/{slug}", slug).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.edition").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("REPLACED")
                .jsonPath("$.replacedBy").isEqualTo(secondDesignation);
        String amendmentSlug = secondSlug + "-Amd-1-" + (year + 1);
        http.get().uri("/standards/{slug}", amendmentSlug).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("AMENDMENT")
                .jsonPath("$.edition").isEqualTo(2)
                .jsonPath("$.amends").isEqualTo(secondDesignation)
                .jsonPath("$.amendsSha256").isEqualTo(TextHash.sha256(second))
                .jsonPath("$.previousEditionSha256").isEqualTo(TextHash.sha256(second));

        http.get().uri("/standards/{slug}/diff?from=1&to=2", slug).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.changed").isEqualTo(1)
                .jsonPath("$.clauses[?(@.number == '1')].status").isEqualTo("CHANGED")
                .jsonPath("$.clauses[?(@.number == '5.1')].status").isEqualTo("UNCHANGED");

        http.get().uri("/standards/{slug}/verification", slug).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.editions.length()").isEqualTo(3);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(TextHash.sha256(first))),
                Update.update("text", first.replace("shall", "should")), "texts").block();

        http.get().uri("/standards/{slug}/verification", slug).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.editions[0].valid").isEqualTo(false)
                .jsonPath("$.editions[0].problems[0]").value(p -> assertThat((String) p).contains("hashes to"))
                .jsonPath("$.editions[1].valid").isEqualTo(true)
                .jsonPath("$.editions[2].valid").isEqualTo(true);
    }

    @Test
    void shouldLetOnlyTheSecretariatWithdrawAndTellTheTopicAndTheFeeds() {
        int project = Approvals.project();
        String committee = Approvals.committee("Withdrawal");
        PublicationApproved approved = Approvals.approved(project, committee, "NEW", null, Approvals.text(project, "withdrawn"));
        Approvals.send(approved);
        String slug = slugOf(project);

        http.post().uri("/standards/{slug}/withdrawal", slug).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"Superseded\"}").exchange().expectStatus().isUnauthorized();
        http.post().uri("/standards/{slug}/withdrawal", slug).headers(h -> h.setBearerAuth(TestTokens.editor()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"Superseded\"}")
                .exchange().expectStatus().isForbidden();
        http.post().uri("/standards/{slug}/withdrawal", slug).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\" \"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

        try (TopicProbe standards = TopicProbe.on(Topics.STANDARDS)) {
            http.post().uri("/standards/{slug}/withdrawal", slug).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"Superseded by ACC 7:2030\"}")
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[0].status").isEqualTo("WITHDRAWN")
                    .jsonPath("$[0].withdrawnBy").isEqualTo("secretariat");
            ConsumerRecord<String, byte[]> record = standards.awaitEvent(StandardEvents.WITHDRAWN.name(), approved.proposalId(), WAIT);
            StandardWithdrawn withdrawn = AccordJson.read(record.value(), StandardWithdrawn.class);
            assertThat(withdrawn.designation()).isEqualTo(slug.replaceFirst("ACC-(\\d+)-(\\d+)", "ACC $1:$2"));
            assertThat(withdrawn.reason()).isEqualTo("Superseded by ACC 7:2030");
        }
        http.post().uri("/standards/{slug}/withdrawal", slug).headers(h -> h.setBearerAuth(TestTokens.secretariat()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"again\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.currentStatus").isEqualTo("WITHDRAWN");
        assertThat(http.get().uri("/feeds/atom?committee={c}", committee).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("term=\"WITHDRAWN\"").contains("Superseded by ACC 7:2030");
    }

    @Test
    void shouldAnswerAnUnchangedAtomFeedWith304ByETagAndByDate() {
        String committee = Approvals.committee("Validators");
        int project = Approvals.project();
        Approvals.send(Approvals.approved(project, committee, "NEW", null, Approvals.text(project, "304")));
        slugOf(project);

        EntityExchangeResult<byte[]> first = http.get().uri("/feeds/atom?committee={c}", committee).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        String etag = first.getResponseHeaders().getETag();
        String lastModified = first.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();

        http.get().uri("/feeds/atom?committee={c}", committee).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        http.get().uri("/feeds/atom?committee={c}", committee).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                .expectStatus().isNotModified();
        http.get().uri("/feeds/json?committee={c}", committee).exchange().expectStatus().isOk();

        int another = Approvals.project();
        Approvals.send(Approvals.approved(another, committee, "NEW", null, Approvals.text(another, "changes the feed")));
        slugOf(another);
        String changed = http.get().uri("/feeds/atom?committee={c}", committee).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getETag();
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void shouldPageTheAtomFeedWithFirstPreviousNextAndLastLinks() {
        String committee = Approvals.committee("Paging");
        List<Integer> projects = List.of(Approvals.project(), Approvals.project(), Approvals.project());
        projects.forEach(p -> Approvals.send(Approvals.approved(p, committee, "NEW", null, Approvals.text(p, "paged"))));
        projects.forEach(this::slugOf);

        String first = http.get().uri("/feeds/atom?committee={c}", committee).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String second = http.get().uri("/feeds/atom?committee={c}&page=2", committee).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(AtomSchema.errors(first)).isEmpty();
        assertThat(AtomSchema.errors(second)).isEmpty();
        assertThat(first.split("<entry>", -1)).hasSize(3);
        assertThat(second.split("<entry>", -1)).hasSize(2);
        assertThat(first).contains("rel=\"next\"").contains("page=2&amp;committee=").doesNotContain("rel=\"prev");
        assertThat(second).contains("rel=\"previous\"").contains("rel=\"prev\"").contains("rel=\"first\"")
                .contains("rel=\"last\"").doesNotContain("rel=\"next\"");
        http.get().uri("/feeds/json?committee={c}", committee).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.next_url").value(url -> assertThat((String) url).contains("/feeds/json?page=2"));
        http.get().uri("/feeds/atom?committee={c}&page=3", committee).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void shouldDeadLetterAnApprovalThatCannotBePublishedAtOnce() {
        int project = Approvals.project();
        PublicationApproved revisionOfNothing = Approvals.approved(project, Approvals.committee("Refused"), "REVISION",
                "ACC " + project + ":2020", Approvals.text(project, "nothing to revise"));
        try (TopicProbe dlt = TopicProbe.on(Topics.deadLetter(Topics.PROPOSALS, "publication"))) {
            Approvals.send(revisionOfNothing);
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> revisionOfNothing.proposalId().equals(r.key()), WAIT);
            StringBuilder reason = new StringBuilder();
            dead.headers().forEach(h -> reason.append(new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(reason).contains("has no published edition");
        }
        http.get().uri("/standards/ACC-{p}-2020", project).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldRefuseBadInputWithProblemsNamingTheField() {
        http.get().uri("/standards/ISO-9001-2015").exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("designation");
        http.get().uri("/feeds/atom?page=0").exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
        http.get().uri("/feeds/atom?page=x").exchange().expectStatus().isBadRequest();
        http.get().uri("/standards?size=1000").exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        http.get().uri("/feeds/sse").header("Last-Event-ID", "yesterday").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Last-Event-ID");
        http.get().uri("/standards/ACC-1-1999").exchange().expectStatus().isNotFound();
        http.get().uri("/").exchange().expectStatus().isTemporaryRedirect().expectHeader().location("observer/");
    }

    /** Waits until the project's first edition is readable and returns its slug (published this year, or just before it). */
    private String slugOf(int project) {
        String[] slug = new String[1];
        await().atMost(WAIT).until(() -> {
            int year = java.time.Year.now(ZoneOffset.UTC).getValue();
            for (int y : new int[] {year, year - 1}) {
                String candidate = "ACC-" + project + "-" + y;
                if (http.get().uri("/standards/{slug}?edition=1", candidate).exchange().returnResult(Void.class)
                        .getStatus().is2xxSuccessful()) {
                    slug[0] = candidate;
                    return true;
                }
            }
            return false;
        });
        return slug[0];
    }

    private int editions(String slug) {
        byte[] body = http.get().uri("/standards/{slug}/editions", slug).exchange().expectBody().returnResult().getResponseBody();
        return body == null ? 0 : AccordJson.mapper().readTree(body).size();
    }
}
