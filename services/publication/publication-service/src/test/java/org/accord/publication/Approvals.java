package org.accord.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import org.accord.events.CloudEvent;
import org.accord.events.EventFactory;
import org.accord.events.KafkaCloudEvents;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.PublicationApproved;
import org.accord.publication.domain.TextHash;
import org.accord.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * PublicationApproved events as the proposals service would publish them, sent to the real
 * broker. Every test takes a project number and a committee of its own: topics and the store are
 * shared by the tests of the JVM. Texts are the reference working draft, made unique per project
 * in its front matter (which is no clause) so that tampering with one stored text touches no other test.
 */
public final class Approvals {

    private static final EventFactory EVENTS = new EventFactory("/accord/proposals", Clock.systemUTC());
    private static KafkaProducer<String, byte[]> producer;
    private static String draft;

    private Approvals() {
    }

    public static int project() {
        return ThreadLocalRandom.current().nextInt(100_000, 99_999_999);
    }

    public static String committee(String purpose) {
        return "IT/" + purpose + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The reference draft as the text of {@code project}, with a line that makes it that project's own. */
    public static String text(int project, String change) {
        return draft().replace("project: 42", "project: " + project + "\nnote: " + change);
    }

    public static PublicationApproved approved(int project, String committee, String kind, String basedOn, String text) {
        return new PublicationApproved(UUID.randomUUID().toString(), project, committee,
                "Artificial intelligence — Evaluation reports (" + project + ")", kind, basedOn, 2, text, TextHash.sha256(text),
                java.time.Instant.now(), "b-" + project);
    }

    public static CloudEvent send(PublicationApproved approved) {
        CloudEvent event = EVENTS.create(ProposalEvents.PUBLICATION_APPROVED, approved.proposalId(), approved);
        resend(event);
        return event;
    }

    /** Sends the very same event again (same id), as a redelivery would. */
    public static void resend(CloudEvent event) {
        try {
            producer().send(KafkaCloudEvents.toRecord(ProposalEvents.PUBLICATION_APPROVED.topic(), event.subject(), event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "approvals-producer-close"));
        }
        return producer;
    }

    private static synchronized String draft() {
        if (draft == null) {
            try (InputStream in = Approvals.class.getResourceAsStream("/texts/draft-acc-tc1-wd-42.md")) {
                draft = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return draft;
    }
}
