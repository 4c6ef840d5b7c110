package org.accord.comments;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.accord.events.CloudEvent;
import org.accord.events.EventFactory;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.proposals.events.Clause;
import org.accord.proposals.events.CommitteeMembershipChanged;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ReviewOpened;
import org.accord.testing.AccordServiceTest;
import org.accord.testing.TestInfrastructure;
import org.accord.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the comments service's ITs share: one Spring context on the JVM's real broker and store,
 * the proposals service's events produced onto its real topics, and tokens. Every test uses
 * fresh proposal, period and committee ids, so records of earlier tests on the shared topics are
 * harmless.
 */
@AccordServiceTest
@AutoConfigureWebTestClient
// Fails the class if the service ran a query that no index it declares serves on MongoDB.
@org.junit.jupiter.api.extension.ExtendWith(org.accord.testing.StoreQueries.Check.class)
public abstract class ServiceHarness {

    /** The clauses of the sample working draft, as the proposals service announces them. */
    protected static final List<Clause> CLAUSES = List.of(new Clause("Foreword", "Foreword"), new Clause("Introduction", "Introduction"),
            new Clause("1", "Scope"), new Clause("2", "Normative references"), new Clause("3", "Terms and definitions"),
            new Clause("3.2", "evaluation dataset"), new Clause("4.1", "Reproducibility"), new Clause("5.1", "Model identification"),
            new Clause("5.2", "Evaluation data"), new Clause("5.3", "Metrics and results"), new Clause("6.2", "Identifiers"),
            new Clause("10", "Conformance"), new Clause("Annex A", "JSON schema"), new Clause("A.1", "Schema"),
            new Clause("Bibliography", "Bibliography"));
    protected static final List<String> PARTICIPATING = List.of("CN", "US", "GB", "DE", "FR", "JP", "KE", "BR");
    protected static final List<String> OBSERVING = List.of("SE");

    private static KafkaProducer<String, byte[]> producer;
    private static final EventFactory PROPOSALS = new EventFactory("/accord/proposals", Clock.systemUTC());

    @Autowired
    protected WebTestClient http;

    @BeforeEach
    void longerTimeouts() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    protected static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "comments-it-producer-close"));
        }
        return producer;
    }

    protected static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Produces an event of the proposals service as that service would: on its topic, keyed by the aggregate. */
    protected static <T> CloudEvent publish(EventType<T> type, String key, T payload) {
        CloudEvent event = PROPOSALS.create(type, key, payload);
        republish(type, key, event);
        return event;
    }

    /** Sends exactly this event again (same id), as a redelivery after a crash would. */
    protected static void republish(EventType<?> type, String key, CloudEvent event) {
        try {
            producer().send(KafkaCloudEvents.toRecord(type.topic(), key, event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not produce " + type.name(), e);
        }
    }

    /** A committee of its own for the test, announced as the proposals service does. */
    protected static String committee() {
        String committeeId = "ACC/TC " + fresh("it");
        publish(ProposalEvents.MEMBERSHIP_CHANGED, committeeId, new CommitteeMembershipChanged(committeeId, "Test committee", "CN",
                PARTICIPATING, OBSERVING, 1, "registered", "secretariat", Instant.now()));
        return committeeId;
    }

    protected static ReviewOpened review(String proposalId, String periodId, String committeeId, Instant deadline) {
        return new ReviewOpened(proposalId, periodId, committeeId, 1, CLAUSES, deadline, "editor", Instant.now());
    }

    /** Waits until the period is open and a member national body can read it (so the membership has arrived too). */
    protected void awaitReadable(String periodId, String memberBody) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                get("/comment-periods/" + periodId, TestTokens.nationalBody(memberBody)).expectStatus().isOk());
    }

    /** Opens a review period on a new proposal of a new committee and waits until it accepts comments. */
    protected Opened openReview(Duration open) {
        String committeeId = committee();
        String proposalId = fresh("p");
        String periodId = fresh("cp");
        publish(ProposalEvents.REVIEW_OPENED, proposalId, review(proposalId, periodId, committeeId, Instant.now().plus(open)));
        awaitReadable(periodId, "KE");
        return new Opened(proposalId, periodId, committeeId);
    }

    protected record Opened(String proposalId, String periodId, String committeeId) {
    }

    protected WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> bearer(h, token)).exchange();
    }

    protected WebTestClient.ResponseSpec postJson(String path, String token, String json) {
        return http.post().uri(path).headers(h -> bearer(h, token)).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec postFile(String path, String token, String contentType, byte[] file, String idempotencyKey) {
        return http.post().uri(path).headers(h -> {
            bearer(h, token);
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        }).contentType(MediaType.parseMediaType(contentType)).bodyValue(file).exchange();
    }

    protected static String csv(String... rows) {
        return "MB/NC,Line number,Clause/ Subclause,Paragraph/ Figure/ Table,Type of comment,Comments,Proposed change,"
                + "Observations of the secretariat\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }
}
