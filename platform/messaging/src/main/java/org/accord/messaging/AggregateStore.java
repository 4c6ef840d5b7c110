package org.accord.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.accord.problem.ConflictException;
import org.accord.problem.VersionConflictException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way an Accord service writes an aggregate: its new state and the events the change
 * causes go into the aggregate's document in ONE write (an embedded outbox), guarded by the
 * aggregate's version. No transaction spans two documents, so none is needed: the
 * {@link OutboxRelay} later publishes the pending events and removes them.
 * <p>
 * Document shape: {@code {_id, version, state: {...}, outbox: [event...], pendingOutbox: _id (while the
 * outbox holds events), slot: "<parentId>#<n>" (aggregates kept under a parent), applied: [eventId...],
 * createdAt, updatedAt}}. Queries on the state use the {@code state.} prefix.
 * <p>
 * Aggregates kept under a parent (the submissions of a comment period, the ballots of a proposal)
 * are listed by {@link #children(String)} without a filter on their state: each takes, in its own
 * insert, the first free slot {@code <parentId>#1, #2, ...} of a unique index, and a listing asks
 * that index for slots by exact key ({@code $in}), which both MongoDB and the embedded store
 * (which serves only {@code _id} and unique indexes) answer from the index: a listing examines the
 * parent's aggregates only, however many others the collection holds. See {@link ParentSlots}.
 */
public class AggregateStore<A> {

    static final String STATE = "state";
    static final String VERSION = "version";
    static final String OUTBOX = "outbox";
    static final String APPLIED = "applied";
    /** The document's own id while its outbox holds events: the relay's register of pending outboxes. */
    static final String PENDING = "pendingOutbox";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final String collection;
    private final Class<A> type;
    private final String kind;
    private final Clock clock;
    /** The slots of aggregates kept under a parent, or null for a collection without parents. */
    private final ParentSlots slots;

    public AggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay, String collection, Class<A> type, Clock clock) {
        this(mongo, relay, collection, type, clock, null);
    }

    /**
     * A store whose aggregates are kept under a parent named by the state's field
     * {@code parentField} (e.g. {@code periodId}), never changed after creation, and listed by
     * {@link #children(String)}.
     */
    public AggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay, String collection, Class<A> type, Clock clock,
                          String parentField) {
        this.mongo = mongo;
        this.relay = relay;
        this.collection = collection;
        this.type = type;
        this.kind = type.getSimpleName();
        this.clock = clock;
        this.slots = parentField == null ? null : new ParentSlots(mongo, collection, parentField);
        relay.register(collection);
        if (slots != null) {
            relay.register(slots);
        }
    }

    public String collection() {
        return collection;
    }

    public Mono<Stored<A>> find(String id) {
        return mongo.findById(id, Document.class, collection).map(this::toStored);
    }

    /** Aggregates matching criteria on their state ({@code state.committee} and the like). */
    public Flux<Stored<A>> find(Criteria criteria, Sort sort, long skip, int limit) {
        Query query = new Query(criteria).with(sort).skip(skip).limit(limit);
        return mongo.find(query, Document.class, collection).map(this::toStored);
    }

    /**
     * The ids and one instant of the aggregates matching criteria, read without their state: what
     * a {@link Deadlines} schedule rebuilds from ({@code state.deadline} of the open ones).
     */
    public Flux<Deadlines.Deadline> deadlines(Criteria criteria, String instantField) {
        Query query = new Query(criteria);
        query.fields().include(instantField);
        return mongo.find(query, Document.class, collection).mapNotNull(doc -> {
            Object value = doc;
            for (String part : instantField.split("\\.")) {
                value = value instanceof Document d ? d.get(part) : null;
            }
            return value instanceof java.util.Date due ? new Deadlines.Deadline(doc.getString("_id"), due.toInstant()) : null;
        });
    }

    public Mono<Long> count(Criteria criteria) {
        return mongo.count(new Query(criteria), collection);
    }

    /**
     * Every aggregate kept under {@code parentId}, in the order they took their slots (callers
     * order them as they need): read by exact slot keys, a page at a time.
     */
    public Flux<Stored<A>> children(String parentId) {
        if (slots == null) {
            throw new IllegalStateException(collection + " keeps no aggregates under a parent");
        }
        return slots.children(parentId).map(this::toStored);
    }

    /** Writes a new aggregate with its first events; an existing id is a 409 conflict. */
    public Mono<Stored<A>> create(String id, A state, List<OutgoingEvent> events) {
        return Mono.deferContextual(ctx -> doCreate(id, state, TraceContext.stamp(events, ctx)));
    }

    private Mono<Stored<A>> doCreate(String id, A state, List<OutgoingEvent> events) {
        Document doc = new Document("_id", id)
                .append(VERSION, 1L)
                .append(STATE, toDocument(state))
                .append(OUTBOX, OutboxDocuments.toDocuments(events, 1L))
                .append(APPLIED, new ArrayList<String>())
                .append("createdAt", java.util.Date.from(clock.instant()))
                .append("updatedAt", java.util.Date.from(clock.instant()));
        if (!events.isEmpty()) {
            doc.append(PENDING, id);
        }
        Mono<Document> insert = slots == null ? mongo.insert(doc, collection) : slots.insert(doc);
        return insert
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException("Already exists", kind + " '" + id + "' already exists"))
                .map(saved -> new Stored<>(id, 1L, state, List.of()))
                .doOnSuccess(s -> wakeRelayIf(id, events));
    }

    /**
     * Creates the aggregate unless a document with this id exists; then returns the existing one
     * unchanged. For consumers whose event names the aggregate to create (a redelivered
     * "ballot requested" opens nothing twice).
     */
    public Mono<Stored<A>> createIfAbsent(String id, A state, List<OutgoingEvent> events) {
        return create(id, state, events)
                .onErrorResume(ConflictException.class, e -> find(id));
    }

    /** Replaces the state and appends events, if the document is still at {@code current}'s version. */
    public Mono<Stored<A>> update(Stored<A> current, A newState, List<OutgoingEvent> events) {
        return update(current, newState, events, null);
    }

    /**
     * As {@link #update(Stored, Object, List)}, and records that the consumed event
     * {@code appliedEventId} has been applied, in the same write.
     */
    public Mono<Stored<A>> update(Stored<A> current, A newState, List<OutgoingEvent> events, String appliedEventId) {
        return Mono.deferContextual(ctx -> doUpdate(current, newState, TraceContext.stamp(events, ctx), appliedEventId));
    }

    private Mono<Stored<A>> doUpdate(Stored<A> current, A newState, List<OutgoingEvent> events, String appliedEventId) {
        long next = current.version() + 1;
        Query guard = Query.query(Criteria.where("_id").is(current.id()).and(VERSION).is(current.version()));
        Update update = new Update()
                .set(STATE, toDocument(newState))
                .set(VERSION, next)
                .set("updatedAt", java.util.Date.from(clock.instant()));
        if (!events.isEmpty()) {
            update.push(OUTBOX).each(OutboxDocuments.toDocuments(events, next).toArray()).set(PENDING, current.id());
        }
        List<String> applied = new ArrayList<>(current.appliedEvents());
        if (appliedEventId != null) {
            update.push(APPLIED, appliedEventId);
            applied.add(appliedEventId);
        }
        return mongo.updateFirst(guard, update, collection)
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Mono.just(new Stored<>(current.id(), next, newState, applied))
                        : Mono.error(new VersionConflictException(kind, current.id(), current.version())))
                .doOnSuccess(s -> wakeRelayIf(current.id(), events));
    }

    private void wakeRelayIf(String id, List<OutgoingEvent> events) {
        if (!events.isEmpty()) {
            relay.wake(collection, id);
        }
    }

    private Document toDocument(A state) {
        Document doc = new Document();
        mongo.getConverter().write(state, doc);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private Stored<A> toStored(Document doc) {
        Document state = doc.get(STATE, Document.class);
        A value = mongo.getConverter().read(type, state);
        Object version = doc.get(VERSION);
        List<String> applied = (List<String>) doc.getOrDefault(APPLIED, List.of());
        return new Stored<>(doc.getString("_id"), ((Number) version).longValue(), value, applied);
    }
}
