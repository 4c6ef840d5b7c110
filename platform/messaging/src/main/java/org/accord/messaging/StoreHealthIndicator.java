package org.accord.messaging;

import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Store health by a real write: {@code {ping: 1}} (which both MongoDB and the embedded Mongo-wire
 * server answer; Boot's own Mongo check sends {@code hello}, which the embedded server rejects),
 * then an upsert of one small document by {@code _id}. A ping alone passes on a store that
 * answers the wire protocol but can no longer read or write (the embedded store after an
 * OutOfMemoryError answers "This store is closed" to everything else); the write fails there, so
 * health goes DOWN at once. A store that does not answer within {@link #TIMEOUT} is DOWN too.
 */
public class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

    static final String COLLECTION = "store_health";
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ReactiveMongoTemplate mongo;
    private final String service;

    public StoreHealthIndicator(ReactiveMongoTemplate mongo, String service) {
        super("Store health check failed");
        this.mongo = mongo;
        this.service = service;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .then(mongo.upsert(Query.query(Criteria.where("_id").is(service)), new Update().set("checkedAt", new Date()),
                                COLLECTION))
                        .map(written -> builder.up().withDetail("database", db.getName()).build()))
                .timeout(TIMEOUT);
    }
}
