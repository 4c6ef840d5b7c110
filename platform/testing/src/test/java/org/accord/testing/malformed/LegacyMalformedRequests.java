package org.accord.testing.malformed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

/**
 * Thousands of malformed requests against every operation a service's OpenAPI document lists, so a
 * new endpoint is covered without anyone adding it here: malformed JSON, wrong JSON types per
 * field, missing required and unknown fields, oversized strings and bodies, unknown enum values,
 * invalid path, query and header values, wrong content types, empty bodies, huge and negative
 * numbers. Each request carries a valid token of a role that may call the operation, and valid
 * values everywhere except where it is malformed, so it reaches the service's validation.
 *
 * <p>What must hold, checked here: no 5xx and no dropped connection; every 4xx is an
 * {@code application/problem+json} document with its status; a request that changes anything
 * (not GET) is never accepted, nor is a malformed value where the document declares a type,
 * bound or enum. That nothing was stored is checked by the caller (see {@link StoreSnapshot}).
 *
 * <p>Requests are generated from one seed (printed, and named in every failure): run again with
 * {@code -Daccord.malformed.seed=<seed>} to replay exactly the same requests, and add
 * {@code -Daccord.malformed.only=<index>,...} to send only some of them.
 */
final class LegacyMalformedRequests {

    private static final Logger log = LoggerFactory.getLogger(LegacyMalformedRequests.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RAW = "@@raw-json@@";
    private static final int OVERSIZED_STRING = 100_000;
    private static final int OVERSIZED_BODY = 4 * 1024 * 1024 + 512 * 1024;
    /** Kept under the server's request-line limit (4 KB), so the request reaches the application. */
    private static final int LONG_PATH_VALUE = 2_000;

    /** The kinds of malformation. */
    public enum Kind {
        MALFORMED_JSON, WRONG_TYPE, MISSING_REQUIRED, UNKNOWN_FIELD, OVERSIZED_STRING, OVERSIZED_BODY, UNKNOWN_ENUM,
        EMPTY_BODY, WRONG_CONTENT_TYPE, HUGE_NUMBER, INVALID_PATH_VALUE, INVALID_QUERY_VALUE, MISSING_QUERY_VALUE,
        INVALID_HEADER_VALUE, UNEXPECTED_QUERY, MALFORMED_FILE
    }

    /** An operation of the OpenAPI document. */
    public record Operation(String method, String path, List<Parameter> parameters, RequestBody body) {

        public String key() {
            return method + " " + path;
        }

        public boolean safe() {
            return method.equals("GET") || method.equals("HEAD");
        }

        /**
         * The parameters in the path, query or header. {@code Accept} is left out of the headers:
         * it is content negotiation (a 406 for what the client cannot take), not an input value.
         */
        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where))
                    .filter(p -> !(where.equals("header") && List.of("accept", "content-type").contains(p.name().toLowerCase(Locale.ROOT))))
                    .toList();
        }
    }

    /** A path, query or header parameter and its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body: whether it is required, and the schema per accepted media type. */
    public record RequestBody(boolean required, Map<String, JsonNode> content) {

        boolean acceptsJson() {
            return content.keySet().stream().anyMatch(LegacyMalformedRequests::isJson);
        }

        JsonNode jsonSchema() {
            return content.entrySet().stream().filter(e -> isJson(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** One request that was sent, as reported in a failure. */
    public record Sent(int index, Kind kind, String what, String method, String uri, String contentType, int bodyLength,
                       String bodyPreview, int status, String answer) {

        @Override
        public String toString() {
            return "#" + index + " " + kind + " (" + what + "): " + method + " " + abbreviate(uri, 240)
                    + (contentType == null ? "" : " [" + contentType + ", " + bodyLength + " bytes: " + bodyPreview + "]")
                    + " -> " + (status < 0 ? "no response" : String.valueOf(status)) + " " + answer;
        }
    }

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
    private final Map<String, String> pathValues = new HashMap<>();
    private final Map<String, Map<String, String>> operationPathValues = new HashMap<>();
    private final Map<String, String> validBodies = new HashMap<>();
    private final Map<String, Map<String, String>> validQueries = new HashMap<>();

    LegacyMalformedRequests(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A run against the service at {@code baseUrl} ({@code http://localhost:8081}). */
    public static LegacyMalformedRequests against(String baseUrl) {
        return new LegacyMalformedRequests(baseUrl);
    }

    /** The seed, unless {@code -Daccord.malformed.seed} names one to replay. */
    public LegacyMalformedRequests seed(long seed) {
        if (System.getProperty("accord.malformed.seed") == null) {
            this.seed = seed;
        }
        return this;
    }

    public LegacyMalformedRequests requests(int requests) {
        this.requests = requests;
        return this;
    }

    public LegacyMalformedRequests concurrency(int concurrency) {
        this.concurrency = concurrency;
        return this;
    }

    /** The bearer token each operation is called with: one of a role that may call it. */
    public LegacyMalformedRequests token(Function<Operation, String> token) {
        this.token = token;
        return this;
    }

    /** A valid value of a path parameter, by name, for every operation that has one. */
    public LegacyMalformedRequests pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** A valid value of a path parameter of one operation ({@code "PUT /ballots/{ballotId}/votes/{memberBody}"}). */
    public LegacyMalformedRequests pathValue(String operation, String name, String value) {
        operationPathValues.computeIfAbsent(operation, k -> new HashMap<>()).put(name, value);
        return this;
    }

    /** A valid JSON body of an operation, the base the body malformations start from. */
    public LegacyMalformedRequests validBody(String operation, String json) {
        validBodies.put(operation, json);
        return this;
    }

    /** Valid query parameters of an operation (otherwise its required ones, generated from their schemas). */
    public LegacyMalformedRequests validQuery(String operation, Map<String, String> query) {
        validQueries.put(operation, query);
        return this;
    }

    /** Reads the OpenAPI document, sends the requests and checks every answer. */
    public Report run() {
        Instant started = Instant.now();
        JsonNode document = fetchDocument();
        List<Operation> operations = operations(document);
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at " + baseUrl + "/v3/api-docs lists no operations");
        }
        List<Planned> plan = plan(operations);
        String only = System.getProperty("accord.malformed.only");
        if (only != null && !only.isBlank()) {
            // Replays the named requests of the seed's plan (-Daccord.malformed.only=12,345).
            List<String> indices = List.of(only.split(","));
            plan = plan.stream().filter(p -> indices.contains(String.valueOf(p.index()))).toList();
        }
        ConnectionProvider connections = ConnectionProvider.builder("malformed-requests").maxConnections(concurrency)
                .pendingAcquireTimeout(Duration.ofSeconds(60)).build();
        reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create(connections)
                .responseTimeout(Duration.ofSeconds(8));
        // The Reactor Netty server of this stack (1.3.6) now and then stops reading a keep-alive connection whose next
        // request arrived before the previous exchange had terminated (reactor/reactor-netty#4361, #4347): that request
        // waits forever. Such a request is sent once more on a connection of its own and counted as a stall; a request
        // that gets no answer the second time too is a failure.
        reactor.netty.http.client.HttpClient fresh = reactor.netty.http.client.HttpClient.create(ConnectionProvider.newConnection())
                .responseTimeout(Duration.ofSeconds(30)).keepAlive(false);
        AtomicInteger stalls = new AtomicInteger();
        List<Sent> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Kind, AtomicInteger> byKind = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Planned planned : plan) {
                futures.add(pool.submit(() -> {
                    Sent sent = send(client, document, planned);
                    if (sent.status() < 0 && sent.answer().contains("ReadTimeoutException")) {
                        stalls.incrementAndGet();
                        log.warn("No answer to #{} on a kept-alive connection within 8 s; sending it again on its own", planned.index());
                        sent = send(fresh, document, planned);
                    }
                    byKind.computeIfAbsent(planned.kind, k -> new AtomicInteger()).incrementAndGet();
                    byStatus.computeIfAbsent(sent.status(), k -> new AtomicInteger()).incrementAndGet();
                    byOperation.computeIfAbsent(planned.operation.key(), k -> new AtomicInteger()).incrementAndGet();
                    String failure = judge(planned, sent);
                    if (failure != null) {
                        failures.add(new Sent(sent.index(), sent.kind(), sent.what(), sent.method(), sent.uri(),
                                sent.contentType(), sent.bodyLength(), sent.bodyPreview(), sent.status(),
                                failure + ": " + sent.answer()));
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
        sortedFailures.sort((a, b) -> Integer.compare(a.index(), b.index()));
        Report report = new Report(seed, plan.size(), counts(byKind, new EnumMap<>(Kind.class)),
                counts(byStatus, new TreeMap<>()), counts(byOperation, new TreeMap<>()), sortedFailures, stalls.get(),
                Duration.between(started, Instant.now()));
        log.info("{}\nper operation: {}", report.summary(), report.byOperation());
        sortedFailures.forEach(failure -> log.warn("Mishandled: {}", abbreviate(failure.toString(), 700)));
        return report;
    }

    /** Every planned request, as the equivalence test compares them. */
    List<String> describe(JsonNode document) {
        List<String> out = new ArrayList<>();
        for (Planned p : plan(operations(document))) {
            Random random = new Random(seed * 1_000_003L + p.index());
            Draft d = baseline(p.operation(), random);
            malform(d, p.operation(), p.kind(), random);
            out.add(p.index() + "|" + p.kind() + "|" + p.operation().key() + "|" + d.what + (d.mustRefuse ? "" : ", may be accepted")
                    + "|" + uri(p.operation(), d) + "|" + d.contentType + "|" + d.headers + "|" + d.pathRaw
                    + "|" + (d.body == null ? "null" : java.util.Base64.getEncoder().encodeToString(d.body)));
        }
        return out;
    }

    // ------------------------------------------------------------------ the document

    private JsonNode fetchDocument() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /v3/api-docs answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every operation of the document, in document order. */
    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").values().forEach(shared::add);
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD").contains(method)) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.path("parameters").values().forEach(declared::add);
                for (JsonNode p : declared) {
                    JsonNode parameter = resolve(document, p);
                    parameters.add(new Parameter(parameter.path("name").asString(), parameter.path("in").asString(),
                            parameter.path("required").asBoolean(false), resolve(document, parameter.path("schema"))));
                }
                RequestBody body = null;
                JsonNode requestBody = resolve(document, op.path("requestBody"));
                if (!requestBody.isMissingNode() && requestBody.has("content")) {
                    Map<String, JsonNode> content = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> media : requestBody.path("content").properties()) {
                        content.put(media.getKey(), resolve(document, media.getValue().path("schema")));
                    }
                    body = new RequestBody(requestBody.path("required").asBoolean(false), content);
                }
                operations.add(new Operation(method, path.getKey(), List.copyOf(parameters), body));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asString();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(document, current.get("allOf").get(0));
        }
        return current;
    }

    // ------------------------------------------------------------------ the plan

    private record Planned(int index, Operation operation, Kind kind) {
    }

    private List<Planned> plan(List<Operation> operations) {
        List<Planned> plan = new ArrayList<>();
        Map<Operation, List<Kind>> kinds = new LinkedHashMap<>();
        for (Operation operation : operations) {
            List<Kind> applicable = applicable(operation);
            if (applicable.isEmpty()) {
                log.warn("{} takes no input that could be malformed without making it valid; not sent", operation.key());
                continue;
            }
            kinds.put(operation, applicable);
            // Every applicable kind at least once per operation (oversized bodies twice: JSON and bytes).
            for (Kind kind : applicable) {
                plan.add(new Planned(plan.size(), operation, kind));
                if (kind == Kind.OVERSIZED_BODY) {
                    plan.add(new Planned(plan.size(), operation, kind));
                }
            }
        }
        Random random = new Random(seed);
        List<Operation> planned = new ArrayList<>(kinds.keySet());
        while (plan.size() < requests && !planned.isEmpty()) {
            Operation operation = planned.get(plan.size() % planned.size());
            List<Kind> applicable = kinds.get(operation).stream().filter(k -> k != Kind.OVERSIZED_BODY).toList();
            plan.add(new Planned(plan.size(), operation, applicable.get(random.nextInt(applicable.size()))));
        }
        return plan;
    }

    private List<Kind> applicable(Operation operation) {
        List<Kind> kinds = new ArrayList<>();
        RequestBody body = operation.body();
        if (body != null) {
            kinds.add(Kind.WRONG_CONTENT_TYPE);
            kinds.add(Kind.OVERSIZED_BODY);
            if (body.acceptsJson()) {
                JsonNode schema = body.jsonSchema();
                kinds.add(Kind.MALFORMED_JSON);
                kinds.add(Kind.WRONG_TYPE);
                kinds.add(Kind.HUGE_NUMBER);
                if (body.required()) {
                    kinds.add(Kind.EMPTY_BODY);
                }
                if (hasRequired(schema)) {
                    kinds.add(Kind.MISSING_REQUIRED);
                }
                if (schema.has("properties") || schema.path("items").has("properties")) {
                    kinds.add(Kind.UNKNOWN_FIELD);
                }
                if (!stringProperties(schema).isEmpty()) {
                    kinds.add(Kind.OVERSIZED_STRING);
                }
                if (!enumProperties(schema).isEmpty()) {
                    kinds.add(Kind.UNKNOWN_ENUM);
                }
            } else if (body.required()) {
                kinds.add(Kind.EMPTY_BODY);
            }
            if (body.content().keySet().stream().anyMatch(type -> !isJson(type))) {
                kinds.add(Kind.MALFORMED_FILE);
            }
        }
        if (!operation.in("path").isEmpty()) {
            kinds.add(Kind.INVALID_PATH_VALUE);
        }
        List<Parameter> query = operation.in("query");
        if (!query.isEmpty()) {
            kinds.add(Kind.INVALID_QUERY_VALUE);
        }
        if (query.stream().anyMatch(Parameter::required)) {
            kinds.add(Kind.MISSING_QUERY_VALUE);
        }
        if (!malformableHeaders(operation).isEmpty()) {
            kinds.add(Kind.INVALID_HEADER_VALUE);
        }
        if (kinds.isEmpty() && operation.safe()) {
            kinds.add(Kind.UNEXPECTED_QUERY);
        }
        return kinds;
    }

    // ------------------------------------------------------------------ one request

    private static final class Draft {
        String what;
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> pathRaw = new HashMap<>();
        List<String[]> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        byte[] body;
        /** Whether the service must refuse it (4xx); otherwise anything but a 5xx will do. */
        boolean mustRefuse = true;
    }

    private Sent send(reactor.netty.http.client.HttpClient client, JsonNode document, Planned planned) {
        Random random = new Random(seed * 1_000_003L + planned.index());
        Operation operation = planned.operation();
        Draft draft = baseline(operation, random);
        malform(draft, operation, planned.kind(), random);
        String uri = uri(operation, draft);
        String bearer = token.apply(operation);
        int length = draft.body == null ? 0 : draft.body.length;
        String preview = draft.body == null ? "" : abbreviate(new String(draft.body, 0, Math.min(length, 300),
                StandardCharsets.UTF_8), 160);
        String what = draft.what + (draft.mustRefuse ? "" : ", may be accepted");
        if (!draft.pathRaw.isEmpty()) {
            // java.net.URI refuses what a raw client may send (malformed escapes): write the request by hand.
            try {
                RawResponse response = RawHttp.send(baseUrl, operation.method(), uri, bearer, draft.contentType, draft.headers,
                        draft.body);
                return new Sent(planned.index(), planned.kind(), what, operation.method(), uri, draft.contentType, length, preview,
                        response.status(), response.contentType() + " " + response.body());
            } catch (IOException e) {
                return new Sent(planned.index(), planned.kind(), what, operation.method(), uri, draft.contentType, length, preview,
                        -1, e.toString());
            }
        }
        byte[] body = draft.body;
        try {
            Sent sent = client
                    .headers(headers -> {
                        if (bearer != null) {
                            headers.set("Authorization", "Bearer " + bearer);
                        }
                        draft.headers.forEach(headers::set);
                        if (draft.contentType != null) {
                            headers.set("Content-Type", draft.contentType);
                        }
                        if (body != null || !operation.safe()) {
                            headers.set("Content-Length", body == null ? 0 : body.length);
                        }
                    })
                    .request(io.netty.handler.codec.http.HttpMethod.valueOf(operation.method()))
                    .uri(baseUrl + uri)
                    .send(body == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                    // Successful answers may be endless (event streams): only refusals are read.
                    .response((response, content) -> response.status().code() < 300
                            ? Mono.just(answer(planned, what, operation, uri, draft, length, preview, response.status().code(),
                                    response.responseHeaders().get("Content-Type"), ""))
                            : content.aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                                    .map(text -> answer(planned, what, operation, uri, draft, length, preview,
                                            response.status().code(), response.responseHeaders().get("Content-Type"), text)))
                    .next()
                    .block(Duration.ofSeconds(60));
            return sent != null ? sent : new Sent(planned.index(), planned.kind(), what, operation.method(), uri,
                    draft.contentType, length, preview, -1, "no answer");
        } catch (RuntimeException e) {
            return new Sent(planned.index(), planned.kind(), what, operation.method(), uri, draft.contentType, length, preview,
                    -1, e.toString());
        }
    }

    private static Sent answer(Planned planned, String what, Operation operation, String uri, Draft draft, int length,
                               String preview, int status, String contentType, String text) {
        return new Sent(planned.index(), planned.kind(), what, operation.method(), uri, draft.contentType, length, preview,
                status, (contentType == null ? "" : contentType) + " " + text);
    }

    private String judge(Planned planned, Sent sent) {
        int status = sent.status();
        if (status < 0) {
            return "the connection failed";
        }
        if (status >= 500) {
            return "a server error";
        }
        if (status >= 400) {
            String answer = sent.answer();
            int space = answer.indexOf(' ');
            String type = space < 0 ? answer : answer.substring(0, space);
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                return "a refusal that is not application/problem+json";
            }
            try {
                JsonNode problem = JSON.readTree(answer.substring(space + 1));
                if (problem.path("status").asInt(-1) != status) {
                    return "a problem document without its status";
                }
            } catch (RuntimeException e) {
                return "a problem document that is not JSON";
            }
            return null;
        }
        if (!planned.operation().safe()) {
            return "a malformed write was accepted";
        }
        if (sent.what().endsWith(", may be accepted")) {
            return null;
        }
        return "a malformed request was accepted";
    }

    private Draft baseline(Operation operation, Random random) {
        Draft draft = new Draft();
        for (Parameter parameter : operation.in("path")) {
            String value = operationPathValues.getOrDefault(operation.key(), Map.of()).get(parameter.name());
            if (value == null) {
                value = pathValues.getOrDefault(parameter.name(), "unknown-" + parameter.name());
            }
            draft.path.put(parameter.name(), value);
        }
        Map<String, String> query = validQueries.get(operation.key());
        if (query != null) {
            query.forEach((k, v) -> draft.query.add(new String[] {k, v}));
        } else {
            for (Parameter parameter : operation.in("query")) {
                if (parameter.required()) {
                    draft.query.add(new String[] {parameter.name(), String.valueOf(validScalar(parameter.schema()))});
                }
            }
        }
        if (operation.body() != null) {
            JsonNode schema = operation.body().jsonSchema();
            if (schema != null) {
                draft.contentType = "application/json";
                draft.body = validBody(operation, schema).toString().getBytes(StandardCharsets.UTF_8);
            } else {
                Map.Entry<String, JsonNode> first = operation.body().content().entrySet().iterator().next();
                draft.contentType = first.getKey();
                draft.body = "x".getBytes(StandardCharsets.UTF_8);
            }
        }
        return draft;
    }

    private JsonNode validBody(Operation operation, JsonNode schema) {
        String given = validBodies.get(operation.key());
        if (given != null) {
            return JSON.readTree(given);
        }
        return JSON.valueToTree(example(schema, 0));
    }

    // ------------------------------------------------------------------ the malformations

    private void malform(Draft draft, Operation operation, Kind kind, Random random) {
        switch (kind) {
            case MALFORMED_JSON -> malformedJson(draft, random);
            case WRONG_TYPE -> wrongType(draft, operation, random);
            case MISSING_REQUIRED -> missingRequired(draft, operation, random);
            case UNKNOWN_FIELD -> unknownField(draft, operation, random);
            case OVERSIZED_STRING -> oversizedString(draft, operation, random);
            case OVERSIZED_BODY -> oversizedBody(draft, operation, random);
            case UNKNOWN_ENUM -> unknownEnum(draft, operation, random);
            case EMPTY_BODY -> {
                boolean blank = random.nextBoolean();
                draft.body = (blank ? " \n\t " : "").getBytes(StandardCharsets.UTF_8);
                draft.what = blank ? "a body of white space" : "an empty body";
            }
            case WRONG_CONTENT_TYPE -> wrongContentType(draft, operation, random);
            case HUGE_NUMBER -> hugeNumber(draft, operation, random);
            case INVALID_PATH_VALUE -> invalidPathValue(draft, operation, random);
            case INVALID_QUERY_VALUE -> invalidQueryValue(draft, operation, random);
            case MISSING_QUERY_VALUE -> {
                List<Parameter> required = operation.in("query").stream().filter(Parameter::required).toList();
                Parameter missing = required.get(random.nextInt(required.size()));
                draft.query.removeIf(q -> q[0].equals(missing.name()));
                if (random.nextBoolean()) {
                    draft.query.add(new String[] {missing.name(), ""});
                    draft.what = "query parameter " + missing.name() + " empty";
                } else {
                    draft.what = "query parameter " + missing.name() + " missing";
                }
            }
            case INVALID_HEADER_VALUE -> {
                List<Parameter> headers = malformableHeaders(operation);
                Parameter header = headers.get(random.nextInt(headers.size()));
                String value = pick(random, "\"no-such-version\"", "W/\"abc\"", "abc", "\"\"", "\"-1\"", "\"99999999999999999999\"",
                        "\"" + "x".repeat(4_000) + "\"", "\"v1\", \"v2\"", "\"\\u0000\"", "<>", "\"%00\"");
                draft.headers.put(header.name(), value);
                draft.what = "header " + header.name() + ": " + abbreviate(value, 40);
            }
            case MALFORMED_FILE -> malformedFile(draft, operation, random);
            case UNEXPECTED_QUERY -> {
                draft.query.add(new String[] {pick(random, "page", "size", "x", "%00", "filter[$where]", "..", "\u202e"),
                        pick(random, "-1", "abc", "99999999999999999999", "%FF%FE", "'", "{\"$gt\":\"\"}", longString(random, 500))});
                draft.what = "unexpected query parameters";
                draft.mustRefuse = false;
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void malformedJson(Draft draft, Random random) {
        String valid = new String(draft.body, StandardCharsets.UTF_8);
        int variant = random.nextInt(10);
        switch (variant) {
            case 0 -> {
                int cut = 1 + random.nextInt(Math.max(1, valid.length() - 1));
                draft.body = valid.substring(0, Math.min(cut, valid.length() - 1)).getBytes(StandardCharsets.UTF_8);
                draft.what = "JSON cut short";
            }
            case 1 -> {
                draft.body = valid.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
                draft.what = "single quotes";
            }
            case 2 -> {
                draft.body = valid.replaceAll("\"([A-Za-z0-9_]+)\":", "$1:").getBytes(StandardCharsets.UTF_8);
                draft.what = "unquoted names";
            }
            case 3 -> {
                draft.body = valid.replaceFirst(":", " ").getBytes(StandardCharsets.UTF_8);
                draft.what = "a missing colon";
            }
            case 4 -> {
                byte[] bytes = new byte[1 + random.nextInt(300)];
                random.nextBytes(bytes);
                bytes[0] = (byte) ('{');
                draft.body = bytes;
                draft.what = "random bytes";
            }
            case 5 -> {
                draft.body = ("/* note */ " + valid).getBytes(StandardCharsets.UTF_8);
                draft.what = "a comment";
            }
            case 6 -> {
                int depth = 2_000 + random.nextInt(3_000);
                draft.body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
                draft.what = "arrays nested " + depth + " deep";
            }
            case 7 -> {
                byte[] prefix = "{\"x\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] bytes = new byte[prefix.length + 4];
                System.arraycopy(prefix, 0, bytes, 0, prefix.length);
                bytes[prefix.length] = (byte) 0xC3;
                bytes[prefix.length + 1] = (byte) 0x28;
                bytes[prefix.length + 2] = '"';
                bytes[prefix.length + 3] = '}';
                draft.body = bytes;
                draft.what = "invalid UTF-8";
            }
            case 8 -> {
                draft.body = pick(random, "{", "[", "\"", "nul", "{\"a\":}", "{,}", "{\"a\" \"b\"}", "{\"a\":1,,}", "}{",
                        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}")
                        .getBytes(StandardCharsets.UTF_8);
                draft.what = "broken JSON";
            }
            default -> {
                draft.body = (valid.substring(0, valid.length() - 1) + ",}").getBytes(StandardCharsets.UTF_8);
                draft.what = "a trailing comma";
            }
        }
    }

    /** Junk in one of the non-JSON media types the operation takes (CSV, a workbook, ...). */
    private void malformedFile(Draft draft, Operation operation, Random random) {
        List<String> types = operation.body().content().keySet().stream().filter(type -> !isJson(type)).toList();
        draft.contentType = types.get(random.nextInt(types.size()));
        int variant = random.nextInt(6);
        byte[] bytes;
        switch (variant) {
            case 0 -> {
                bytes = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(bytes);
                draft.what = "random bytes";
            }
            case 1 -> {
                byte[] tail = new byte[20 + random.nextInt(500)];
                random.nextBytes(tail);
                bytes = concat(new byte[] {'P', 'K', 3, 4}, tail);
                draft.what = "a broken zip (workbook) archive";
            }
            case 2 -> {
                bytes = ("\uFEFF\"a,b\n\"c,\"d" + unicode(random, 20)).getBytes(StandardCharsets.UTF_8);
                draft.what = "unbalanced quotes";
            }
            case 3 -> {
                bytes = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
                draft.what = "columns of another table";
            }
            case 4 -> {
                bytes = new byte[] {(byte) 0xC3, (byte) 0x28, ',', (byte) 0xFF, '\n'};
                draft.what = "invalid UTF-8";
            }
            default -> {
                bytes = ("x,".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8);
                draft.what = "a row of 5,000 cells";
            }
        }
        draft.body = bytes;
        draft.what += " as " + draft.contentType;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void wrongType(Draft draft, Operation operation, Random random) {
        JsonNode root = body(draft);
        JsonNode schema = operation.body().jsonSchema();
        List<Slot> slots = slots(root, schema);
        if (slots.isEmpty() || random.nextInt(8) == 0) {
            String wrong = switch (typeOf(schema)) {
                case "array" -> pick(random, "{}", "\"x\"", "1", "true", "null");
                case "object" -> pick(random, "[]", "\"x\"", "1", "true", "null", "[{}]");
                default -> pick(random, "{}", "[]", "true");
            };
            if (wrong.equals("null") && !operation.body().required()) {
                wrong = "[]";
            }
            draft.body = wrong.getBytes(StandardCharsets.UTF_8);
            draft.what = "the body is " + wrong;
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        String type = typeOf(slot.schema());
        List<String> values = new ArrayList<>(switch (type) {
            case "string" -> List.of("12345", "true", "{}", "[]", "{\"a\":1}", "[\"x\"]", "1.5", "false");
            case "integer" -> List.of("\"abc\"", "true", "{}", "[]", "\"\"", "1.5", "\"1\"");
            case "number" -> List.of("\"abc\"", "true", "{}", "[]", "\"\"");
            case "boolean" -> List.of("\"yes\"", "1", "\"true\"", "{}", "[]", "0");
            case "array" -> List.of("\"x\"", "1", "{}", "true");
            case "object" -> List.of("\"x\"", "1", "[]", "true");
            default -> List.of("{}", "[]", "true", "12345");
        });
        if (slot.schema().has("enum")) {
            values.removeIf(v -> v.startsWith("\""));
        }
        String value = values.get(random.nextInt(values.size()));
        if ("date-time".equals(slot.schema().path("format").asString(""))) {
            value = pick(random, "true", "{}", "[]", "\"not-a-date\"", "\"2031-02-30T25:61:00Z\"", "\"tomorrow\"");
        }
        draft.body = slot.replace(root, value);
        draft.what = "field " + slot.name() + " (" + type + ") = " + value;
    }

    private void missingRequired(Draft draft, Operation operation, Random random) {
        JsonNode root = body(draft);
        List<Slot> required = slots(root, operation.body().jsonSchema()).stream().filter(Slot::required).toList();
        if (required.isEmpty()) {
            draft.body = "{}".getBytes(StandardCharsets.UTF_8);
            draft.what = "an empty object";
            return;
        }
        Slot slot = required.get(random.nextInt(required.size()));
        int variant = random.nextInt(4);
        if (variant == 0) {
            draft.body = slot.replace(root, "null");
            draft.what = "field " + slot.name() + " null";
        } else if (variant == 1 && "string".equals(typeOf(slot.schema()))) {
            String blank = pick(random, "\"\"", "\"   \"", "\"\\n\\t\"");
            draft.body = slot.replace(root, blank);
            draft.what = "field " + slot.name() + " blank";
        } else if (variant == 2 && root.isObject()) {
            List<Slot> top = required.stream().filter(s -> s.container() == root).toList();
            top.forEach(s -> ((ObjectNode) root).remove(s.key()));
            draft.body = root.toString().getBytes(StandardCharsets.UTF_8);
            draft.what = "every required field missing";
        } else {
            draft.body = slot.remove(root);
            draft.what = "field " + slot.name() + " missing";
        }
    }

    private void unknownField(Draft draft, Operation operation, Random random) {
        JsonNode root = body(draft);
        List<Map.Entry<ObjectNode, JsonNode>> objects = new ArrayList<>();
        collectObjects(root, operation.body().jsonSchema(), objects);
        if (objects.isEmpty()) {
            draft.body = "{\"unknown\":1}".getBytes(StandardCharsets.UTF_8);
            draft.what = "an object where none is expected";
            return;
        }
        Map.Entry<ObjectNode, JsonNode> chosen = objects.get(random.nextInt(objects.size()));
        ObjectNode target = chosen.getKey();
        JsonNode properties = chosen.getValue().path("properties");
        String name;
        do {
            name = pick(random, "id", "version", "stage", "status", "state", "_id", "$where", "__proto__", "constructor",
                    "x" + random.nextInt(1_000), unicode(random, 1 + random.nextInt(12)), "", " ",
                    properties.propertyNames().isEmpty() ? "Name" : capitalised(properties.propertyNames().iterator().next()));
        } while (target.has(name) || properties.has(name));
        String value = pick(random, "1", "\"x\"", "true", "null", "{}", "[]", "{\"$gt\":\"\"}");
        target.put(name, RAW);
        draft.body = root.toString().replace("\"" + RAW + "\"", value).getBytes(StandardCharsets.UTF_8);
        draft.what = "unknown field '" + abbreviate(name, 20) + "'";
    }

    private void oversizedString(Draft draft, Operation operation, Random random) {
        JsonNode root = body(draft);
        List<Slot> strings = slots(root, operation.body().jsonSchema()).stream()
                .filter(s -> "string".equals(typeOf(s.schema()))).toList();
        Slot slot = strings.get(random.nextInt(strings.size()));
        String big = switch (random.nextInt(3)) {
            case 0 -> "x".repeat(OVERSIZED_STRING);
            case 1 -> "\u00e9\u4e2d\ud83d\ude00 ".repeat(OVERSIZED_STRING / 5);
            default -> longString(random, OVERSIZED_STRING);
        };
        draft.body = slot.replace(root, JSON.writeValueAsString(big));
        draft.what = "field " + slot.name() + " of " + big.length() + " chars";
    }

    private void oversizedBody(Draft draft, Operation operation, Random random) {
        if (random.nextBoolean() && operation.body().acceptsJson()) {
            JsonNode root = body(draft);
            String padding = "y".repeat(OVERSIZED_BODY);
            List<Slot> strings = slots(root, operation.body().jsonSchema()).stream()
                    .filter(s -> "string".equals(typeOf(s.schema()))).toList();
            if (!strings.isEmpty()) {
                draft.body = strings.get(random.nextInt(strings.size())).replace(root, "\"" + padding + "\"");
            } else {
                draft.body = ("{\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            draft.what = "a JSON body of " + draft.body.length + " bytes";
        } else {
            byte[] bytes = new byte[OVERSIZED_BODY];
            random.nextBytes(bytes);
            draft.body = bytes;
            draft.what = "a body of " + bytes.length + " random bytes";
        }
    }

    private void unknownEnum(Draft draft, Operation operation, Random random) {
        JsonNode root = body(draft);
        List<Slot> enums = slots(root, operation.body().jsonSchema()).stream().filter(s -> s.schema().has("enum")).toList();
        Slot slot = enums.get(random.nextInt(enums.size()));
        List<String> members = new ArrayList<>();
        slot.schema().get("enum").values().forEach(v -> members.add(v.asString()));
        String member = members.get(random.nextInt(members.size()));
        String value;
        do {
            // Not padded with white space: Jackson trims enum names before it looks them up.
            value = pick(random, member.toLowerCase(Locale.ROOT), member + "X", "X" + member, "", unicode(random, 6),
                    member.replace('_', '-'), "null", "0", "1", member + member);
        } while (members.contains(value));
        draft.body = slot.replace(root, JSON.writeValueAsString(value));
        draft.what = "field " + slot.name() + " = '" + value + "', not one of " + members;
    }

    private void wrongContentType(Draft draft, Operation operation, Random random) {
        List<String[]> candidates = new ArrayList<>(List.of(
                new String[] {"text/plain", new String(draft.body, StandardCharsets.UTF_8)},
                new String[] {"application/xml", "<comment><text>x</text></comment>"},
                new String[] {"multipart/form-data; boundary=accord", "--accord\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n" + new String(draft.body, StandardCharsets.UTF_8)
                        + "\r\n--accord--\r\n"},
                new String[] {"application/x-www-form-urlencoded", "a=1&b=2"},
                new String[] {"text/csv", "a,b,c\n1,2,3\n"},
                new String[] {"application/octet-stream", new String(draft.body, StandardCharsets.UTF_8)},
                new String[] {"image/png", "\u0089PNG"},
                new String[] {"text/html", "<html></html>"},
                new String[] {null, new String(draft.body, StandardCharsets.UTF_8)},
                new String[] {"not a media type", new String(draft.body, StandardCharsets.UTF_8)}));
        candidates.removeIf(c -> c[0] != null && accepts(operation.body(), c[0]));
        String[] chosen = candidates.get(random.nextInt(candidates.size()));
        draft.contentType = chosen[0];
        draft.body = chosen[1].getBytes(StandardCharsets.UTF_8);
        draft.what = "content type " + chosen[0];
    }

    private void hugeNumber(Draft draft, Operation operation, Random random) {
        JsonNode root = body(draft);
        List<Slot> slots = slots(root, operation.body().jsonSchema());
        String huge = pick(random, "1e400", "-1e400", "99999999999999999999999999999", "-9223372036854775809", "2147483648",
                "-2147483649", "1.7976931348623157E309", "123456789012345678901234567890.5", "-1", "-99999999999");
        if (slots.isEmpty()) {
            draft.body = huge.getBytes(StandardCharsets.UTF_8);
            draft.what = "the body is " + huge;
            return;
        }
        List<Slot> numbers = slots.stream().filter(s -> List.of("integer", "number").contains(typeOf(s.schema()))).toList();
        Slot slot = !numbers.isEmpty() && random.nextBoolean() ? numbers.get(random.nextInt(numbers.size()))
                : slots.get(random.nextInt(slots.size()));
        if (List.of("integer", "number").contains(typeOf(slot.schema()))) {
            // Only numbers that are out of the field's range or declared bounds: others could be valid.
            huge = numberOutOfRange(slot.schema(), random);
        }
        draft.body = slot.replace(root, huge);
        draft.what = "field " + slot.name() + " = " + huge;
    }

    private static String numberOutOfRange(JsonNode schema, Random random) {
        List<String> values = new ArrayList<>(List.of("1e400", "99999999999999999999999999999", "-9223372036854775809"));
        if (!"int64".equals(schema.path("format").asString(""))) {
            values.addAll(List.of("2147483648", "-2147483649"));
        }
        if (schema.has("minimum")) {
            values.add(String.valueOf(schema.get("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
            values.add(String.valueOf(schema.get("maximum").asLong() + 1));
        }
        return values.get(random.nextInt(values.size()));
    }

    private void invalidPathValue(Draft draft, Operation operation, Random random) {
        List<Parameter> path = operation.in("path");
        Parameter parameter = path.get(random.nextInt(path.size()));
        String type = typeOf(parameter.schema());
        int variant = random.nextInt(8);
        String raw = null;
        String value = null;
        switch (variant) {
            case 0 -> value = unicode(random, 1 + random.nextInt(30));
            case 1 -> raw = pick(random, "..", ".", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F", "%5C", "%00", "%0A", "%25",
                    "%C0%AE%C0%AE", "%FF%FE", "%E2%80%AE", "%F0%9F%92%A9", "%25zz", "a%20b%09c");
            case 2 -> value = longString(random, LONG_PATH_VALUE);
            case 3 -> value = pick(random, "{\"$gt\":\"\"}", "$where", "'; DROP TABLE x; --", "<script>x</script>",
                    "null", "undefined", "-1", "0", "99999999999999999999", "1.5", "0x1F", "1e9", " ");
            case 4 -> value = "integer".equals(type) ? pick(random, "abc", "-1", "1.5", "2147483648", "", "1e3")
                    : unicode(random, 3) + "-" + random.nextInt(1_000_000);
            // A valid value with junk after it (never white space alone: trimming a code is a service's choice).
            case 5 -> raw = encode(draft.path.get(parameter.name())) + pick(random, "%00", "%2F..", "/..", ";jsessionid=1",
                    "%01x", "%0D%0Ax", "%25", "%C0%AF", "%FF");
            case 6 -> value = draft.path.get(parameter.name()) + visible(unicode(random, 2));
            default -> value = "unknown-" + Long.toHexString(random.nextLong());
        }
        if (raw != null) {
            draft.pathRaw.put(parameter.name(), raw);
            draft.what = "path " + parameter.name() + " = " + abbreviate(raw, 40) + " (raw)";
        } else {
            draft.path.put(parameter.name(), value);
            draft.what = "path " + parameter.name() + " = " + abbreviate(value, 40);
        }
    }

    private void invalidQueryValue(Draft draft, Operation operation, Random random) {
        List<Parameter> query = operation.in("query");
        Parameter parameter = query.get(random.nextInt(query.size()));
        JsonNode schema = parameter.schema();
        String type = typeOf(schema);
        String value;
        boolean invalid;
        if ("integer".equals(type) || "number".equals(type)) {
            int variant = random.nextInt(4);
            if (variant == 0 || variant == 3) {
                value = pick(random, "abc", "1.5", "1e3", "--1", "1,2", "1-", unicode(random, 4));
                invalid = !"number".equals(type) || !value.equals("1e3");
            } else if (variant == 3 && operation.safe()) {
                // What Spring's number conversion reads as a number (or, empty, as absent): lenient, not wrong, so
                // only where taking it changes nothing.
                value = pick(random, " 1", "0x1F", "#1", "\u0661", "");
                invalid = false;
            } else if (variant == 1) {
                value = numberOutOfRange(schema, random);
                invalid = true;
            } else {
                value = pick(random, "-1", "-100", "-2147483648", "0");
                // A negative page or size is wrong whatever the document declares.
                invalid = outOfBounds(schema, Long.parseLong(value)) || value.startsWith("-")
                        && List.of("page", "size", "limit", "offset").contains(parameter.name().toLowerCase(Locale.ROOT));
            }
        } else if (schema.has("enum")) {
            value = unicode(random, 5);
            invalid = true;
        } else if ("boolean".equals(type)) {
            value = pick(random, "yes", "2", "truee", unicode(random, 3));
            invalid = true;
        } else {
            value = pick(random, unicode(random, 1 + random.nextInt(20)), longString(random, 1_500), "{\"$gt\":\"\"}", "..",
                    "%00", "'", "*", ".*", "(", "[", "\\", "%", "\u0000", " ");
            invalid = false;
        }
        draft.query.removeIf(q -> q[0].equals(parameter.name()));
        draft.query.add(new String[] {parameter.name(), value});
        if (random.nextInt(6) == 0) {
            draft.query.add(new String[] {parameter.name(), value + "2"});
        }
        draft.mustRefuse = invalid;
        draft.what = "query " + parameter.name() + " (" + type + ") = " + abbreviate(value, 40);
    }

    /**
     * Headers whose junk values are wrong whatever the service: entity tags of conditional requests
     * (junk never matches), and headers whose schema constrains them. A free-form header (an
     * {@code Idempotency-Key}) takes any value the document allows, so junk there is no malformation.
     */
    private static List<Parameter> malformableHeaders(Operation operation) {
        return operation.in("header").stream()
                .filter(p -> List.of("if-match", "if-none-match").contains(p.name().toLowerCase(Locale.ROOT))
                        || p.schema().has("pattern") || p.schema().has("maxLength") || p.schema().has("enum"))
                .toList();
    }

    private static boolean outOfBounds(JsonNode schema, long value) {
        return schema.has("minimum") && value < schema.get("minimum").asLong()
                || schema.has("maximum") && value > schema.get("maximum").asLong();
    }

    // ------------------------------------------------------------------ JSON bodies and their fields

    /** A place in a body where a schema property lives (set or not). */
    private record Slot(JsonNode container, String key, int index, JsonNode schema, String name, boolean required) {

        byte[] replace(JsonNode root, String rawValue) {
            if (container instanceof ObjectNode object) {
                object.put(key, RAW);
            } else {
                ((ArrayNode) container).set(index, RAW);
            }
            return root.toString().replace("\"" + RAW + "\"", rawValue).getBytes(StandardCharsets.UTF_8);
        }

        byte[] remove(JsonNode root) {
            if (container instanceof ObjectNode object) {
                object.remove(key);
            } else {
                ((ArrayNode) container).remove(index);
            }
            return root.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private JsonNode body(Draft draft) {
        return JSON.readTree(new String(draft.body, StandardCharsets.UTF_8));
    }

    private List<Slot> slots(JsonNode root, JsonNode schema) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, schema, "", slots, 0);
        return slots;
    }

    private void collectSlots(JsonNode node, JsonNode schema, String name, List<Slot> slots, int depth) {
        if (depth > 6 || schema == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.has("properties")) {
            List<String> required = new ArrayList<>();
            schema.path("required").values().forEach(r -> required.add(r.asString()));
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                JsonNode propertySchema = property.getValue();
                String path = name.isEmpty() ? property.getKey() : name + "." + property.getKey();
                slots.add(new Slot(object, property.getKey(), -1, propertySchema, path, required.contains(property.getKey())));
                if (object.has(property.getKey())) {
                    collectSlots(object.get(property.getKey()), propertySchema, path, slots, depth + 1);
                }
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                String path = name + "[" + i + "]";
                slots.add(new Slot(array, null, i, schema.get("items"), path, false));
                collectSlots(array.get(i), schema.get("items"), path, slots, depth + 1);
            }
        }
    }

    private void collectObjects(JsonNode node, JsonNode schema, List<Map.Entry<ObjectNode, JsonNode>> objects) {
        if (schema == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.has("properties") && !schema.has("additionalProperties")) {
            objects.add(Map.entry(object, schema));
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                if (object.has(property.getKey())) {
                    collectObjects(object.get(property.getKey()), property.getValue(), objects);
                }
            }
        } else if (node instanceof ArrayNode array && schema.has("items")) {
            array.values().forEach(item -> collectObjects(item, schema.get("items"), objects));
        }
    }

    private static boolean hasRequired(JsonNode schema) {
        return schema.path("required").size() > 0 || schema.path("items").path("required").size() > 0;
    }

    private static List<String> stringProperties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        JsonNode object = schema.has("items") ? schema.get("items") : schema;
        if ("string".equals(typeOf(schema))) {
            names.add("");
        }
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            if ("string".equals(typeOf(property.getValue()))) {
                names.add(property.getKey());
            }
        }
        return names;
    }

    private static List<String> enumProperties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        JsonNode object = schema.has("items") ? schema.get("items") : schema;
        for (Map.Entry<String, JsonNode> property : object.path("properties").properties()) {
            if (property.getValue().has("enum")) {
                names.add(property.getKey());
            }
        }
        return names;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type.values()) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "any";
    }

    /** A value that satisfies the schema as far as a schema can say. */
    private static Object example(JsonNode schema, int depth) {
        if (schema.has("example") && !schema.get("example").isNull()) {
            return JSON.treeToValue(schema.get("example"), Object.class);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        switch (typeOf(schema)) {
            case "string":
                if ("date-time".equals(schema.path("format").asString(""))) {
                    return Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
                }
                return "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
            case "integer":
            case "number":
                return Math.max(1, schema.path("minimum").asLong(1));
            case "boolean":
                return false;
            case "array":
                return depth > 4 ? List.of() : List.of(example(schema.path("items"), depth + 1));
            case "object":
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth <= 4) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.put(property.getKey(), example(property.getValue(), depth + 1));
                    }
                }
                return object;
            default:
                return "x";
        }
    }

    private static Object validScalar(JsonNode schema) {
        Object value = example(schema, 0);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value : "x";
    }

    // ------------------------------------------------------------------ URIs and strings

    private String uri(Operation operation, Draft draft) {
        String path = operation.path();
        for (Map.Entry<String, String> entry : draft.path.entrySet()) {
            String raw = draft.pathRaw.get(entry.getKey());
            path = path.replace("{" + entry.getKey() + "}", raw != null ? raw : encode(entry.getValue()));
        }
        if (draft.query.isEmpty()) {
            return path;
        }
        StringBuilder query = new StringBuilder();
        for (String[] parameter : draft.query) {
            query.append(query.isEmpty() ? '?' : '&').append(encode(parameter[0])).append('=').append(encode(parameter[1]));
        }
        return path + query;
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.contains("+json") || type.equals("*/*");
    }

    private static boolean accepts(RequestBody body, String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        for (String accepted : body.content().keySet()) {
            String a = accepted.toLowerCase(Locale.ROOT);
            if (a.equals("*/*") || a.startsWith(bare) || (a.endsWith("/*") && bare.startsWith(a.substring(0, a.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Percent-encodes every byte outside the unreserved characters of RFC 3986. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static final int[][] UNICODE_RANGES = {
            {0x20, 0x7E}, {0x00, 0x1F}, {0xA0, 0xFF}, {0x0400, 0x04FF}, {0x0600, 0x06FF}, {0x0300, 0x036F},
            {0x200B, 0x200F}, {0x202A, 0x202E}, {0x4E00, 0x9FFF}, {0xE000, 0xE0FF}, {0x1F600, 0x1F64F}, {0xFFF0, 0xFFFF}};

    private static String unicode(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = UNICODE_RANGES[random.nextInt(UNICODE_RANGES.length)];
            out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return out.toString();
    }

    private static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().filter(c -> c > 0x20 && !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(out::appendCodePoint);
        return out.isEmpty() ? "\u00e9" : out.toString();
    }

    private static String longString(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? "X" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String abbreviate(String value, int max) {
        String single = value.replace("\n", "\\n").replace("\r", "\\r");
        return single.length() <= max ? single : single.substring(0, max) + "...(" + value.length() + " chars)";
    }

    private static <K, M extends Map<K, Integer>> M counts(Map<K, AtomicInteger> counters, M into) {
        counters.forEach((k, v) -> into.put(k, v.get()));
        return into;
    }
}
