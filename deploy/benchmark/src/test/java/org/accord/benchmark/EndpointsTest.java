package org.accord.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void shouldKeepTheFixedPortsOfTheLocalStack() {
        Endpoints e = Endpoints.of("http://localhost:8080", Map.of());

        assertThat(e.identity()).isEqualTo("http://localhost:9000");
        assertThat(e.publication()).isEqualTo("http://localhost:8084");
        assertThat(e.kafka()).isEqualTo("localhost:9092");
        assertThat(e.mongo()).isEqualTo("mongodb://localhost:27017");
        assertThat(e.mongoPort()).isEqualTo(27017);
    }

    @Test
    void shouldMoveEveryPortWithTheGatewaysLikeAPortOffset() {
        Endpoints e = Endpoints.of("http://localhost:18080/", Map.of());

        assertThat(e.offset()).isEqualTo(10_000);
        assertThat(e.proposals()).isEqualTo("http://localhost:18081");
        assertThat(e.kafkaPort()).isEqualTo(19092);
        assertThat(e.mongo()).isEqualTo("mongodb://localhost:37017");
    }

    @Test
    void shouldUseTheBrokerAndStoreTheEnvironmentNames() {
        Endpoints e = Endpoints.of("http://localhost:8080", Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "MONGODB_URI", "mongodb://db:27018/?replicaSet=rs0"));

        assertThat(e.kafkaPort()).isEqualTo(29092);
        assertThat(e.mongoPort()).isEqualTo(27018);
    }
}
