package org.accord.testing;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires a Spring Boot test context to the JVM's shared broker and Mongo-wire server by
 * properties only: the Kafka binder's and spring-kafka's bootstrap servers, and a Mongo URI
 * with a database of its own per context, so cached contexts never see each other's documents,
 * and the resource server to the JVM's test token issuer ({@link TestTokens}); the context's Mongo
 * client records the queries it sends ({@link StoreQueries}).
 */
public class AccordInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String brokers = TestInfrastructure.kafkaBootstrapServers();
        String app = context.getEnvironment().getProperty("spring.application.name", "accord");
        String database = (app + "-" + UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^A-Za-z0-9-]", "-");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("accordTestInfrastructure", Map.of(
                "spring.cloud.stream.kafka.binder.brokers", brokers,
                "spring.kafka.bootstrap-servers", brokers,
                "spring.mongodb.uri", TestInfrastructure.mongoUri(database),
                "spring.mongodb.database", database,
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri())));
        context.getBeanFactory().registerSingleton("accordStoreQueries",
                (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(StoreQueries.LISTENER));
    }
}
