package org.accord.testing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What a service's database holds, to show that a refused request stored nothing: the number of
 * documents of every collection, and for the documents a test names, their version and state
 * (what an aggregate write changes; the outbox relay only removes relayed events, so a snapshot
 * taken while events are still being relayed stays equal).
 */
public record StoreSnapshot(Map<String, Long> counts, Map<String, Object> documents) {

    /** Collections every service writes on its own (consumer idempotency, store health checks), left out of the counts. */
    public static final Set<String> ALWAYS_EXCLUDED = Set.of("consumed_events", "store_health");

    /**
     * Counts every collection except {@link #ALWAYS_EXCLUDED} and {@code excluded}, and reads the
     * named documents, each given as {@code collection/id}.
     */
    public static StoreSnapshot of(ReactiveMongoTemplate mongo, Set<String> excluded, String... documents) {
        Map<String, Long> counts = new TreeMap<>();
        Set<String> names = new TreeSet<>(mongo.getCollectionNames().collectList().block());
        for (String name : names) {
            if (ALWAYS_EXCLUDED.contains(name) || excluded.contains(name) || name.startsWith("system.")) {
                continue;
            }
            counts.put(name, mongo.count(new Query(), name).block());
        }
        Map<String, Object> read = new TreeMap<>();
        for (String address : documents) {
            read.put(address, document(mongo, address));
        }
        return new StoreSnapshot(counts, read);
    }

    /**
     * The version and state of one aggregate document ({@code collection/id}, the id may contain
     * {@code /}), or {@code "absent"}. Documents that are not aggregates are returned whole.
     */
    public static Object document(ReactiveMongoTemplate mongo, String address) {
        int slash = address.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("A document is named collection/id, not " + address);
        }
        Document doc = mongo.findById(address.substring(slash + 1), Document.class, address.substring(0, slash)).block();
        if (doc == null) {
            return "absent";
        }
        if (doc.containsKey("state")) {
            return new Document("version", doc.get("version")).append("state", doc.get("state"));
        }
        return doc;
    }

    /** What differs from {@code earlier}, in words; empty when nothing does. */
    public String differencesFrom(StoreSnapshot earlier) {
        StringBuilder out = new StringBuilder();
        Set<String> collections = new TreeSet<>(earlier.counts.keySet());
        collections.addAll(counts.keySet());
        for (String name : collections) {
            long before = earlier.counts.getOrDefault(name, 0L);
            long after = counts.getOrDefault(name, 0L);
            if (before != after) {
                out.append(name).append(": ").append(before).append(" -> ").append(after).append(" documents; ");
            }
        }
        for (Map.Entry<String, Object> entry : documents.entrySet()) {
            Object before = earlier.documents.get(entry.getKey());
            if (before != null && !before.equals(entry.getValue())) {
                out.append(entry.getKey()).append(" changed; ");
            }
        }
        return out.toString();
    }
}
