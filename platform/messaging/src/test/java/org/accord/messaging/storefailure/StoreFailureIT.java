package org.accord.messaging.storefailure;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.storefailure.DraftsApplication.Draft;
import org.accord.testing.TestInfrastructure;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A store that breaks the way the embedded store does after an OutOfMemoryError — it still
 * answers the handshake and {@code ping}, and everything else with "This store is closed" —
 * gives 503 problems with {@code Retry-After} (never 500) and DOWN health, and both recover when
 * the store does.
 */
@SpringBootTest(classes = DraftsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=store-failure-it", "accord.security.public-get-paths=/drafts/**"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = StoreFailureIT.OwnStore.class)
@DirtiesContext
class StoreFailureIT {

    /** The memory backend, closed on demand as the embedded store is after it ran out of heap. */
    static final class ClosableBackend extends MemoryBackend {
        static final Set<String> HANDSHAKE = Set.of("hello", "ismaster", "ping", "buildinfo", "endsessions", "getlasterror");
        volatile boolean closed;

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (closed && !HANDSHAKE.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalStateException("This store is closed");
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }

    static final ClosableBackend BACKEND = new ClosableBackend();
    static final MongoServer STORE = new MongoServer(BACKEND);
    static final InetSocketAddress ADDRESS = STORE.bind();

    /** The JVM's broker and token issuer, and this test's own store. */
    static final class OwnStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String brokers = TestInfrastructure.kafkaBootstrapServers();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("storeFailureIt", Map.of(
                    "spring.cloud.stream.kafka.binder.brokers", brokers,
                    "spring.kafka.bootstrap-servers", brokers,
                    "spring.mongodb.uri", "mongodb://127.0.0.1:" + ADDRESS.getPort() + "/store-failure-it",
                    "spring.mongodb.database", "store-failure-it",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer(),
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri())));
        }
    }

    @Autowired
    WebTestClient http;
    @Autowired
    AggregateStore<Draft> drafts;

    @org.junit.jupiter.api.BeforeEach
    void patient() {
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void reopen() {
        BACKEND.closed = false;
    }

    @AfterAll
    static void shutdown() {
        STORE.shutdownNow();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndGoDownWhileTheStoreIsClosedThenRecover() {
        drafts.create("d-1", new Draft("Evaluation reports"), List.of()).block();
        http.get().uri("/drafts/d-1").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        BACKEND.closed = true;

        http.get().uri("/drafts/d-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.title").isEqualTo("Store unavailable");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");

        BACKEND.closed = false;

        http.get().uri("/drafts/d-1").exchange().expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Evaluation reports");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
