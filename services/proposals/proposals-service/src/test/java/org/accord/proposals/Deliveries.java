package org.accord.proposals;

import static org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.accord.events.CloudEvent;
import org.accord.events.EventFactory;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts the other services' events on the shared broker, as those services would, keyed by proposal id. */
final class Deliveries {

    private static KafkaProducer<String, byte[]> producer;

    private Deliveries() {
    }

    static <T> CloudEvent event(String service, EventType<T> type, String key, T payload) {
        return new EventFactory("/accord/" + service, Clock.systemUTC()).create(type, key, payload);
    }

    /** Sends the event (again, when called twice with the same one: same id, same record). */
    static void deliver(EventType<?> type, String key, CloudEvent event) {
        try {
            producer().send(KafkaCloudEvents.toRecord(type.topic(), key, event)).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not deliver " + event, e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "deliveries-shutdown"));
        }
        return producer;
    }
}
