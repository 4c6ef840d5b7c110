package org.accord.voting;

import java.time.Clock;
import java.util.Map;

import org.accord.events.CloudEvent;
import org.accord.events.EventFactory;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ProposalWithdrawn;
import org.accord.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the proposals service: publishes its events (proposals and the member-body register) on the real broker, as it would. */
final class ProposalsTopic {

    private static KafkaProducer<String, byte[]> producer;
    private static final EventFactory EVENTS = new EventFactory("/accord/proposals", Clock.systemUTC());

    private ProposalsTopic() {
    }

    static CloudEvent ballotRequested(BallotRequested request) {
        return EVENTS.create(ProposalEvents.BALLOT_REQUESTED, request.proposalId(), request);
    }

    static CloudEvent publish(ProposalWithdrawn withdrawal) {
        return publish(EVENTS.create(ProposalEvents.WITHDRAWN, withdrawal.proposalId(), withdrawal));
    }

    static CloudEvent publish(BallotRequested request) {
        return publish(ballotRequested(request));
    }

    /** Publishes a new event of the type on its own topic (the register's on accord.member-bodies.v1), keyed by {@code key}. */
    static <T> CloudEvent publish(EventType<T> type, String key, T payload) {
        return republish(type, EVENTS.create(type, key, payload));
    }

    /** Sends exactly this event again on the type's topic (same id), as a redelivery after a crash would. */
    static CloudEvent republish(EventType<?> type, CloudEvent event) {
        try {
            producer().send(KafkaCloudEvents.toRecord(type.topic(), event.subject(), event)).get();
            return event;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the event as it is: publishing one twice is a redelivery (same event id). */
    static CloudEvent publish(CloudEvent event) {
        return republish(ProposalEvents.BALLOT_REQUESTED, event);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-proposals-producer-close"));
        }
        return producer;
    }
}
