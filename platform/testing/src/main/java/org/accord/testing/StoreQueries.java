package org.accord.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every query a service sends to its store, as the driver sends it (a {@link CommandListener} on
 * the test context's client), and the indexes the service declares (its {@code createIndexes}
 * commands, which the test store accepts and ignores for non-unique indexes, so they are read
 * off the wire too). A query is served when its filter names {@code _id} or the first field of a
 * declared index, or, without a filter, when its sort is a prefix of one (the prefix rule MongoDB
 * uses to pick an index). A query carrying the comment {@value #ONE_OFF} is a start-up migration's one pass over
 * a collection (once per database, recorded in {@code store_migrations}) and is listed as such. {@link Check}, on an IT class, fails it if the service ran a query no
 * index serves and logs each query shape with the index that serves it.
 */
public final class StoreQueries {

    private static final Logger log = LoggerFactory.getLogger(StoreQueries.class);
    /** The comment platform/messaging's start-up migrations put on their one pass over a collection. */
    static final String ONE_OFF = "accord:one-off-migration";
    private static final String ONE_OFF_COMMAND = "(one-off migration)";
    private static final Set<String> QUERIES = Set.of("find", "count", "aggregate", "update", "delete", "findAndModify", "distinct");

    /** One kind of query: a command on a collection with the fields it filters and sorts by. */
    public record Shape(String collection, String command, List<String> filter, List<String> sort) {
        @Override
        public String toString() {
            return command + " " + collection + " filter " + filter + (sort.isEmpty() ? "" : " sort " + sort);
        }
    }

    private static final Map<String, Set<Shape>> SHAPES = new ConcurrentHashMap<>();
    private static final Map<String, Set<List<String>>> INDEXES = new ConcurrentHashMap<>();

    /** Records what the test contexts' clients send. */
    public static final CommandListener LISTENER = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            record(event.getDatabaseName(), event.getCommandName(), event.getCommand());
        }
    };

    private StoreQueries() {
    }

    static void record(String database, String command, BsonDocument body) {
        if ("createIndexes".equals(command)) {
            String collection = body.getString("createIndexes").getValue();
            for (BsonValue index : body.getArray("indexes", new BsonArray())) {
                List<String> keys = new ArrayList<>(index.asDocument().getDocument("key").keySet());
                INDEXES.computeIfAbsent(database + "." + collection, k -> ConcurrentHashMap.newKeySet()).add(keys);
            }
            return;
        }
        if (!QUERIES.contains(command) || !body.isString(command)) {
            return;
        }
        String collection = body.getString(command).getValue();
        List<Shape> shapes = new ArrayList<>();
        switch (command) {
            case "find" -> shapes.add(shape(collection, command, body.getDocument("filter", new BsonDocument()),
                    body.getDocument("sort", new BsonDocument())));
            case "count", "distinct" -> shapes.add(shape(collection, command, body.getDocument("query", new BsonDocument()),
                    new BsonDocument()));
            case "findAndModify" -> shapes.add(shape(collection, command, body.getDocument("query", new BsonDocument()),
                    body.getDocument("sort", new BsonDocument())));
            case "update" -> body.getArray("updates", new BsonArray()).forEach(u -> shapes.add(
                    shape(collection, command, u.asDocument().getDocument("q", new BsonDocument()), new BsonDocument())));
            case "delete" -> body.getArray("deletes", new BsonArray()).forEach(d -> shapes.add(
                    shape(collection, command, d.asDocument().getDocument("q", new BsonDocument()), new BsonDocument())));
            case "aggregate" -> {
                BsonArray pipeline = body.getArray("pipeline", new BsonArray());
                BsonDocument first = pipeline.isEmpty() ? new BsonDocument() : pipeline.get(0).asDocument();
                if (!first.containsKey("$match")) {
                    // A pipeline that does not start by filtering reads the whole collection: no index serves it.
                    shapes.add(new Shape(collection, command + " " + first.keySet(), List.of(), List.of("(whole collection)")));
                } else {
                    BsonDocument match = first.getDocument("$match");
                    boolean counts = pipeline.size() == 2 && pipeline.get(1).asDocument().containsKey("$group");
                    // countDocuments is sent as $match + $group: with an empty filter it is a collection count.
                    shapes.add(shape(collection, counts ? "count" : command, match, new BsonDocument()));
                }
            }
            default -> {
            }
        }
        if (body.isString("comment") && ONE_OFF.equals(body.getString("comment").getValue())) {
            // A start-up migration's one pass over a collection, once per database: listed, not an everyday query.
            shapes.replaceAll(s -> new Shape(s.collection(), s.command() + " " + ONE_OFF_COMMAND, s.filter(), s.sort()));
        }
        SHAPES.computeIfAbsent(database, k -> ConcurrentHashMap.newKeySet()).addAll(shapes);
    }

    private static Shape shape(String collection, String command, BsonDocument filter, BsonDocument sort) {
        Set<String> fields = new LinkedHashSet<>();
        collectFields(filter, fields);
        return new Shape(collection, command, List.copyOf(fields), List.copyOf(sort.keySet()));
    }

    private static void collectFields(BsonDocument filter, Set<String> fields) {
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            if ("$and".equals(entry.getKey())) {
                entry.getValue().asArray().forEach(part -> collectFields(part.asDocument(), fields));
            } else {
                fields.add(entry.getKey());
            }
        }
    }

    /** The query shapes a database was sent, each with the index that serves it, if any. */
    public static Map<Shape, Optional<String>> served(String database) {
        Map<Shape, Optional<String>> out = new TreeMap<>(java.util.Comparator.comparing(Shape::toString));
        for (Shape shape : SHAPES.getOrDefault(database, Set.of())) {
            out.put(shape, servingIndex(shape, INDEXES.getOrDefault(database + "." + shape.collection(), Set.of())));
        }
        return out;
    }

    static Optional<String> servingIndex(Shape shape, Set<List<String>> declared) {
        if (shape.command().endsWith(ONE_OFF_COMMAND)) {
            return Optional.of("(one pass at the first start, then never: a migration)");
        }
        if (shape.filter().contains("_id")) {
            return Optional.of("_id");
        }
        if (shape.filter().isEmpty() && shape.sort().isEmpty() && shape.command().equals("count")) {
            return Optional.of("(collection count)");
        }
        if (shape.filter().isEmpty() && shape.sort().equals(List.of("_id"))) {
            return Optional.of("_id");
        }
        for (List<String> keys : declared) {
            boolean filters = !shape.filter().isEmpty() && shape.filter().contains(keys.get(0));
            boolean sorts = shape.filter().isEmpty() && !shape.sort().isEmpty() && keys.size() >= shape.sort().size()
                    && keys.subList(0, shape.sort().size()).equals(shape.sort());
            if (filters || sorts) {
                return Optional.of(keys.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * After an IT class: every query the service's context sent to its database so far has an
     * index that serves it on MongoDB. Logs the table of queries and indexes.
     */
    public static final class Check implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            String database = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("spring.mongodb.database");
            Map<Shape, Optional<String>> served = served(database);
            log.info("Store queries of {} and the indexes serving them:\n{}", database, served.entrySet().stream()
                    .map(e -> "  " + e.getKey() + " -> " + e.getValue().orElse("NO INDEX")).collect(Collectors.joining("\n")));
            List<Shape> unserved = served.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
            if (served.isEmpty()) {
                throw new AssertionError("No query of " + database + " was recorded: is the command listener installed?");
            }
            if (!unserved.isEmpty()) {
                throw new AssertionError("Queries of " + database + " that no declared index serves: " + unserved);
            }
        }
    }
}
