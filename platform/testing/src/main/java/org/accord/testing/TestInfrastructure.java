package org.accord.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (Apache Kafka in KRaft mode, in-process) and one Mongo-wire server
 * (mongo-java-server, memory backend, counting what queries examine: {@link ExaminedDocuments}) per test JVM, started on first use and stopped when the
 * JVM exits. Every Spring context and every plain test of the JVM shares them: starting a
 * broker per test class would cost seconds each and gains nothing, since tests isolate
 * themselves by database name and by ids.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the shared broker, e.g. {@code 127.0.0.1:41234}. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
            broker.brokerProperties(java.util.Map.of(
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "5",
                    "auto.create.topics.enable", "true"));
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-shutdown"));
        }
        return kafka.getBrokersAsString();
    }

    /** A {@code mongodb://} URI of the shared Mongo-wire server, without a database name. */
    public static synchronized String mongoUri() {
        if (mongo == null) {
            MongoServer server = new MongoServer(new ExaminedDocuments.CountingBackend());
            InetSocketAddress address = server.bind();
            mongo = server;
            mongoUri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-shutdown"));
        }
        return mongoUri;
    }

    /** The same URI with a database name, for clients that take the database from the URI. */
    public static String mongoUri(String database) {
        return mongoUri() + "/" + database;
    }
}
