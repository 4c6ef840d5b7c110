package org.accord.publication.persistence;

import java.time.Instant;
import java.util.Date;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.publication.domain.Standard;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read side of the standards' documents: pages for the list, the most recently changed
 * standards for the feeds, the changes after a feed sequence for the live feed, and the figures
 * that make the feeds' validators. A committee filter is on the committee responsible for the standard.
 */
@Repository
public class StandardQueries {

    static final String LAST_SEQUENCE = "state.lastSequence";
    static final String COMMITTEE = "state.committeeId";

    private final AggregateStore<Standard> standards;
    private final ReactiveMongoTemplate mongo;

    public StandardQueries(AggregateStore<Standard> standards, ReactiveMongoTemplate mongo) {
        this.standards = standards;
        this.mongo = mongo;
    }

    /** What a feed's validators derive from: how many publications, the latest sequence and change. */
    public record FeedFigures(long publications, long maxSequence, Instant lastChangedAt) {
        public static final FeedFigures NONE = new FeedFigures(0, 0, null);
    }

    public Flux<Stored<Standard>> mostRecent(String committee, int limit) {
        return standards.find(committee(committee), Sort.by(Sort.Direction.DESC, LAST_SEQUENCE), 0, limit);
    }

    public Flux<Stored<Standard>> page(String committee, long skip, int limit) {
        return standards.find(committee(committee), Sort.by(Sort.Direction.DESC, LAST_SEQUENCE).and(Sort.by("_id")), skip, limit);
    }

    public Mono<Long> count(String committee) {
        return standards.count(committee(committee));
    }

    /** Standards with a feed event after {@code sequence}, oldest change first. */
    public Flux<Stored<Standard>> changedAfter(long sequence, String committee) {
        Criteria criteria = Criteria.where(LAST_SEQUENCE).gt(sequence);
        if (committee != null) {
            criteria = criteria.and(COMMITTEE).is(committee);
        }
        return standards.find(criteria, Sort.by(Sort.Direction.ASC, LAST_SEQUENCE), 0, Integer.MAX_VALUE);
    }

    public Mono<FeedFigures> figures(String committee) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(committee(committee)),
                Aggregation.group()
                        .sum("state.publicationCount").as("publications")
                        .max(LAST_SEQUENCE).as("maxSequence")
                        .max("state.lastChangedAt").as("lastChangedAt"));
        return mongo.aggregate(aggregation, standards.collection(), Document.class).next()
                .map(doc -> new FeedFigures(number(doc.get("publications")), number(doc.get("maxSequence")),
                        doc.get("lastChangedAt") instanceof Date date ? date.toInstant() : null))
                .defaultIfEmpty(FeedFigures.NONE);
    }

    private static Criteria committee(String committee) {
        return committee == null ? new Criteria() : Criteria.where(COMMITTEE).is(committee);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
