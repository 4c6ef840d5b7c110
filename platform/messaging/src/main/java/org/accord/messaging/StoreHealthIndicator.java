package org.accord.messaging;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * Store health by {@code {ping: 1}}, which both MongoDB and the embedded Mongo-wire server
 * answer (Boot's own Mongo check sends {@code hello}, which the embedded server rejects).
 */
public class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public StoreHealthIndicator(ReactiveMongoTemplate mongo) {
        super("Store health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .map(answer -> builder.up().withDetail("database", db.getName()).build()));
    }
}
