package org.accord.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.accord.events.Topics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What every Accord service gets from the platform for its events: the embedded outbox and its
 * relay, the consumer builder with idempotency and metrics, dead-letter topics named
 * {@code <topic>.<group>.dlt}, majority write and read concerns on the store
 * ({@link StoreDurability}), and a store health check that works on the embedded store.
 */
@AutoConfiguration
public class AccordMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventMetrics accordEventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    EventRecorder accordEventRecorder(@Value("${spring.application.name}") String service, Clock clock) {
        return new EventRecorder(service, clock);
    }

    /**
     * The relay's own producer: idempotent, acks from all in-sync replicas, bounded waits so a
     * missing broker fails a pass quickly (the next sweep retries) instead of blocking it.
     */
    @Bean(destroyMethod = "destroy")
    OutboxProducer accordOutboxProducer(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new OutboxProducer(factory, new KafkaTemplate<>(factory));
    }

    @Bean
    OutboxRelay accordOutboxRelay(ReactiveMongoTemplate mongo, OutboxProducer producer,
                                  @Value("${accord.outbox.sweep-interval:PT2S}") Duration sweepInterval,
                                  EventMetrics metrics, MeterRegistry registry) {
        return new OutboxRelay(mongo, producer.template(), sweepInterval, metrics, registry);
    }

    @Bean
    ConsumedEvents accordConsumedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        return new ConsumedEvents(mongo, clock);
    }

    @Bean
    EventConsumers accordEventConsumers(EventMetrics metrics, ConsumedEvents consumed,
                                        @Value("${accord.consumer.handler-timeout:PT30S}") Duration timeout) {
        return new EventConsumers(metrics, consumed, timeout);
    }

    /** Every binding's dead letters go to {@code <topic>.<group>.dlt}, counted per topic. */
    @Bean
    DlqDestinationResolver accordDeadLetterTopics(@Value("${accord.consumer.group:${spring.application.name}}") String group,
                                                   EventMetrics metrics) {
        return (record, exception) -> {
            metrics.deadLettered(record.topic(), exception);
            return Topics.deadLetter(record.topic(), group);
        };
    }

    @Bean
    StoreDurability accordStoreDurability(@Value("${spring.mongodb.uri:}") String uri) {
        return new StoreDurability(uri);
    }

    @Bean
    StoreHealthIndicator storeHealthIndicator(ReactiveMongoTemplate mongo, @Value("${spring.application.name}") String service) {
        return new StoreHealthIndicator(mongo, service);
    }

    /** The relay's producer factory and template, closed with the context. */
    public record OutboxProducer(DefaultKafkaProducerFactory<String, byte[]> factory, KafkaTemplate<String, byte[]> template) {
        public void destroy() {
            factory.destroy();
        }
    }
}
