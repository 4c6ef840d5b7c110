package org.accord.testing.malformed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of malformed requests against every operation a service's OpenAPI document lists, so a
 * new endpoint is covered without anyone adding it here: malformed JSON, wrong JSON types per
 * field, missing required and unknown fields, oversized strings and bodies, unknown enum values,
 * invalid path, query and header values, wrong content types, empty bodies, huge and negative
 * numbers (one {@link Kind} each). Each request carries a valid token of a role that may call the
 * operation, and valid values everywhere except where it is malformed ({@link ValidValues}), so it
 * reaches the service's validation.
 *
 * <p>What must hold, checked here ({@link Verdict}): no 5xx and no dropped connection; every 4xx is an
 * {@code application/problem+json} document with its status; a request that changes anything
 * (not GET) is never accepted, nor is a malformed value where the document declares a type,
 * bound or enum. That nothing was stored is checked by the caller (see {@code StoreSnapshot}).
 *
 * <p>Requests are generated from one seed (printed, and named in every failure): run again with
 * {@code -Daccord.malformed.seed=<seed>} to replay exactly the same requests, and add
 * {@code -Daccord.malformed.only=<index>,...} to send only some of them.
 */
public final class MalformedRequests {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    /** What a run sent and what it found. */
    public record Report(long seed, int sent, Map<Kind, Integer> byKind, Map<Integer, Integer> byStatus,
                         Map<String, Integer> byOperation, List<Sent> failures, int stalls, Duration took) {

        public String summary() {
            return sent + " malformed requests (seed " + seed + ") in " + took.toMillis() + " ms over " + byOperation.size()
                    + " operations; by kind " + byKind + "; by status " + byStatus + "; failures " + failures.size()
                    + "; stalled keep-alive connections (sent again) " + stalls;
        }

        /** Fails with the seed and the first failures, if any. */
        public void assertClean() {
            if (failures.isEmpty()) {
                return;
            }
            StringBuilder message = new StringBuilder(failures.size() + " of " + sent
                    + " malformed requests were mishandled (replay with -Daccord.malformed.seed=" + seed + "):\n");
            failures.stream().limit(25).forEach(f -> message.append("  ").append(f).append('\n'));
            if (failures.size() > 25) {
                message.append("  ... and ").append(failures.size() - 25).append(" more\n");
            }
            message.append(summary());
            throw new AssertionError(message.toString());
        }
    }

    private final String baseUrl;
    private long seed = Long.getLong("accord.malformed.seed", System.nanoTime());
    private int requests = 3_000;
    private int concurrency = 8;
    private Function<Operation, String> token = operation -> null;
    private final ValidValues valid = new ValidValues();

    private MalformedRequests(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A run against the service at {@code baseUrl} ({@code http://localhost:8081}). */
    public static MalformedRequests against(String baseUrl) {
        return new MalformedRequests(baseUrl);
    }

    /** The seed, unless {@code -Daccord.malformed.seed} names one to replay. */
    public MalformedRequests seed(long seed) {
        if (System.getProperty("accord.malformed.seed") == null) {
            this.seed = seed;
        }
        return this;
    }

    public MalformedRequests requests(int requests) {
        this.requests = requests;
        return this;
    }

    public MalformedRequests concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    /** The bearer token each operation is called with: one of a role that may call it. */
    public MalformedRequests token(Function<Operation, String> token) {
        this.token = token;
        return this;
    }

    /** A valid value of a path parameter, by name, for every operation that has one. */
    public MalformedRequests pathValue(String name, String value) {
        valid.pathValues.put(name, value);
        return this;
    }

    /** A valid value of a path parameter of one operation ({@code "PUT /ballots/{ballotId}/votes/{memberBody}"}). */
    public MalformedRequests pathValue(String operation, String name, String value) {
        valid.operationPathValues.computeIfAbsent(operation, k -> new HashMap<>()).put(name, value);
        return this;
    }

    /** A valid JSON body of an operation, the base the body malformations start from. */
    public MalformedRequests validBody(String operation, String json) {
        valid.bodies.put(operation, json);
        return this;
    }

    /** Valid query parameters of an operation (otherwise its required ones, generated from their schemas). */
    public MalformedRequests validQuery(String operation, Map<String, String> query) {
        valid.queries.put(operation, query);
        return this;
    }

    /** Reads the OpenAPI document, sends the requests and checks every answer. */
    public Report run() {
        Instant started = Instant.now();
        JsonNode document = OpenApi.fetch(baseUrl);
        List<Operation> operations = OpenApi.operations(document);
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at " + baseUrl + "/v3/api-docs lists no operations");
        }
        List<Plan.Planned> plan = Plan.of(operations, seed, requests);
        String only = System.getProperty("accord.malformed.only");
        if (only != null && !only.isBlank()) {
            // Replays the named requests of the seed's plan (-Daccord.malformed.only=12,345).
            List<String> indices = List.of(only.split(","));
            plan = plan.stream().filter(p -> indices.contains(String.valueOf(p.index()))).toList();
        }
        Sender sender = new Sender(baseUrl, seed, valid, token);
        ConnectionProvider connections = ConnectionProvider.builder("malformed-requests").maxConnections(concurrency)
                .pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        HttpClient client = HttpClient.create(connections).responseTimeout(Duration.ofSeconds(8));
        // The Reactor Netty server of this stack (1.3.6) now and then stops reading a keep-alive connection whose next
        // request arrived before the previous exchange had terminated (reactor/reactor-netty#4361, #4347): that request
        // waits forever. Such a request is sent once more on a connection of its own and counted as a stall; a request
        // that gets no answer the second time too is a failure.
        HttpClient fresh = HttpClient.create(ConnectionProvider.newConnection()).responseTimeout(Duration.ofSeconds(30)).keepAlive(false);
        AtomicInteger stalls = new AtomicInteger();
        List<Sent> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Kind, AtomicInteger> byKind = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Plan.Planned planned : plan) {
                futures.add(pool.submit(() -> {
                    Sent sent = sender.send(client, planned);
                    if (sent.status() < 0 && sent.answer().contains("ReadTimeoutException")) {
                        stalls.incrementAndGet();
                        log.warn("No answer to #{} on a kept-alive connection within 8 s; sending it again on its own", planned.index());
                        sent = sender.send(fresh, planned);
                    }
                    byKind.computeIfAbsent(planned.kind(), k -> new AtomicInteger()).incrementAndGet();
                    byStatus.computeIfAbsent(sent.status(), k -> new AtomicInteger()).incrementAndGet();
                    byOperation.computeIfAbsent(planned.operation().key(), k -> new AtomicInteger()).incrementAndGet();
                    if (Verdict.of(sent) instanceof Verdict.Mishandled mishandled) {
                        failures.add(sent.mishandled(mishandled.reason()));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The malformed-request run broke off (seed " + seed + ")", e);
        } finally {
            pool.shutdownNow();
            connections.disposeLater().block(Duration.ofSeconds(10));
        }
        List<Sent> sortedFailures = new ArrayList<>(failures);
        sortedFailures.sort(Comparator.comparingInt(Sent::index));
        Report report = new Report(seed, plan.size(), counts(byKind, new EnumMap<>(Kind.class)),
                counts(byStatus, new TreeMap<>()), counts(byOperation, new TreeMap<>()), sortedFailures, stalls.get(),
                Duration.between(started, Instant.now()));
        log.info("{}\nper operation: {}", report.summary(), report.byOperation());
        sortedFailures.forEach(failure -> log.warn("Mishandled: {}", Junk.abbreviate(failure.toString(), 700)));
        return report;
    }

    private static <K, M extends Map<K, Integer>> M counts(Map<K, AtomicInteger> counters, M into) {
        counters.forEach((k, v) -> into.put(k, v.get()));
        return into;
    }
}
