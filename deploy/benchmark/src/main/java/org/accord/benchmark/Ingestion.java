package org.accord.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.benchmark.report.Measurement;
import org.accord.benchmark.report.Numbers;
import org.accord.benchmark.report.Reading;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 1. Comment ingestion: national positions of 1,000 comments of about 1 KB through the batch API
 * and single comments at a fixed concurrency, counting only comments that were accepted (2xx),
 * stored (the period's own count once closed) and published (their CommentSubmitted read back
 * from accord.comments.v1). Next to it, in the same run: Kafka's ProducerPerformance with 1 KB
 * records and acks=all, and a bulk insert of 1 KB documents into the same store.
 */
public final class Ingestion {

    static final int COMMENT_BYTES = 1024;
    /** Single comments are sent for at most this long (or until their number is reached). */
    static final Duration SINGLES_AT_MOST = Duration.ofSeconds(30);
    static final Duration PROFILE = Duration.ofSeconds(25);
    private static final String[] TYPES = {"ge", "te", "ed"};
    private static final String WORDS = "The evaluation report should state the uncertainty of every metric together with the "
            + "method used to estimate it, because a figure without its uncertainty cannot be compared with the figure of "
            + "another laboratory. The requirement in this clause is ambiguous where the evaluation dataset is drawn from the "
            + "same distribution as the training data; a note should explain how leakage between them is excluded and how "
            + "the reader can verify it. Several national experts also found the term 'reporting organization' used before "
            + "it is defined, and the table of metrics lacks a column for the units in which each metric is expressed. ";

    private final Bench bench;

    public Ingestion(Bench bench) {
        this.bench = bench;
    }

    /** What one run of comments achieved. */
    record Run(String label, int comments, int requests, int accepted, int stored, int published, double seconds,
               double acceptedSeconds, Distribution latency, int failed, String firstFailure, double eventBytes, double commentBytes) {

        int counted() {
            return Math.min(accepted, Math.min(stored, published));
        }

        double rate() {
            return counted() / seconds;
        }
    }

    public void run() {
        Options o = bench.options();
        int batches = o.size(10, 2);
        int batchSize = 1000;
        int singles = o.size(2000, 100);
        int producerRecords = o.size(50_000, 5_000);
        int storeBatches = o.size(20, 3);

        bench.idle("before ingestion");
        Bench.log("1. ingestion: Kafka ProducerPerformance, %,d records of %d B, acks=all", producerRecords, COMMENT_BYTES);
        KafkaTools.ProducerRun kafka = bench.part("1 raw: Kafka ProducerPerformance",
                () -> bench.kafka().producerPerformance(producerRecords, COMMENT_BYTES));
        Bench.log("   %s", kafka.summary());
        Bench.log("1. ingestion: store bulk insert, %d x 1,000 documents of %d B", storeBatches, COMMENT_BYTES);
        RawStore.InsertRun store = bench.part("1 raw: store bulk insert",
                () -> RawStore.bulkInsert(bench.endpoints().mongo(), storeBatches, 1000, COMMENT_BYTES));
        Bench.log("   %,.0f documents/s", store.documentsPerSecond());
        Bench.log("1. ingestion: the store's cost of durability, two scratch stores (durable, --durability=off)");
        DurabilityCost.Comparison durability = bench.part("1 raw: store durability cost",
                () -> DurabilityCost.measure(o.kafkaLib(), o.work(), 32, o.size(100, 20), o.size(10, 2)));
        Bench.log("   %s", durability.summary());
        double slower = Math.min(kafka.recordsPerSecond(), store.documentsPerSecond());
        String slowerName = kafka.recordsPerSecond() < store.documentsPerSecond() ? "Kafka" : "store";
        Reading limits = Reading.named("records/s", "Kafka producer", kafka.recordsPerSecond(),
                "store bulk insert", store.documentsPerSecond());

        try (PublishedComments published = new PublishedComments(bench.endpoints().kafka())) {
            Run viaGateway = bench.part("1a Accord batch API via gateway",
                    () -> batchRun(bench.gateway(), published, batches, batchSize, "gateway"));
            Run direct = bench.part("1b Accord batch API direct",
                    () -> batchRun(bench.direct(), published, batches, batchSize, "direct"));
            Run single = bench.part("1c Accord single comments via gateway",
                    () -> singleRun(bench.gateway(), published, singles, 16, SINGLES_AT_MOST));

            bench.idle("after ingestion");
            String counting = "counted = min(accepted, stored, published)";
            String rawCost = bench.cpuPerItem("1 raw: store bulk insert", store.documents() + 1000L, "raw document") + "; "
                    + bench.cpuPerItem("1 raw: Kafka ProducerPerformance", kafka.records(), "raw record") + ".";
            for (Run run : List.of(viaGateway, direct)) {
                String id = run == viaGateway ? "1a" : "1b";
                String part = run == viaGateway ? "1a Accord batch API via gateway" : "1b Accord batch API direct";
                double ratio = run.rate() / slower;
                bench.report().add(Measurement.of(id, "Comment ingestion, batch API " + (run == viaGateway ? "through the gateway" : "direct to comments")
                                + " (" + batchSize + " comments of ~1 KB a request)", Reading.of(run.rate(), "comments/s"))
                        .limit("raw", limits)
                        .ratio(ratio, "of the slower raw rate, the " + slowerName)
                        .target("≥ 0.5 of the slower raw rate", ratio >= 0.5)
                        .notes(describe(run, batchSize) + " " + counting + ". " + bench.cpuPerItem(part, run.counted(), "comment")
                                + " (" + rawCost + ") Raw: " + kafka.summary() + " (one partition, "
                                + "producer defaults, acks=all); store: " + String.format(Locale.ROOT, "%,d", store.documents())
                                + " documents of " + COMMENT_BYTES + " B in insertMany batches of " + store.batchSize()
                                + " with the MongoDB sync driver.")
                        .build());
            }
            bench.report().add(Measurement.of("1c", "Comment ingestion, single-comment requests through the gateway (concurrency 16)",
                            Reading.of(single.rate(), "comments/s"))
                    .limit("raw", limits)
                    .ratio(single.rate() / slower, "of the slower raw rate, the " + slowerName)
                    .notes(describe(single, 1) + " " + counting + ". "
                            + bench.cpuPerItem("1c Accord single comments via gateway", single.counted(), "comment") + ".")
                    .build());
            bench.report().add(Measurement.of("1d", "Single-comment request latency through the gateway (concurrency 16)",
                            Reading.stats(single.latency().stats(50, 99), "ms"))
                    .notes("Client-side time from sending the request to the complete 201, over " + single.requests()
                            + " requests, 16 in flight.")
                    .build());

            DurabilityCost.Mode off = durability.off();
            bench.report().add(Measurement.of("1e", "The embedded store's single inserts, each answered once synced (32 writers at once)",
                            Reading.of(durability.durable().singleInsertsPerSecond(), "inserts/s"))
                    .limit("durability off", Reading.named("inserts/s", "single", off.singleInsertsPerSecond(),
                            "insertMany", off.bulkDocumentsPerSecond()))
                    .ratio(durability.durable().singleInsertsPerSecond() / off.singleInsertsPerSecond(),
                            "of the same store answering before its sync")
                    .notes("The cost of durability, on two fresh scratch stores of the same build: " + durability.summary()
                            + ". Durability off is not how the stack runs: it answers before the commit and loses up to a second of "
                            + "answered writes to a kill -9. The raw bulk insert of 1a-1c went into the stack's own (durable) store.")
                    .build());

            double ratio = viaGateway.rate() / slower;
            if (ratio < 0.5) {
                bench.report().finding(String.format(Locale.ROOT, "**Ingestion (1a)**: %,.0f comments/s through the gateway is %s of the "
                                + "slower raw rate (%s, %,.0f/s); the target is 0.5. Direct to the comments service: %,.0f/s (%s). "
                                + "During 1a %s. %s, against %s", viaGateway.rate(), Numbers.format(ratio), slowerName, slower, direct.rate(),
                        Numbers.format(direct.rate() / slower), bench.cpuSummary("1a Accord batch API via gateway"),
                        bench.cpuPerItem("1a Accord batch API via gateway", viaGateway.counted(), "comment"), rawCost));
                bench.profile("1a Accord batch API via gateway", 2, "batch ingestion (1a repeated)", PROFILE,
                        () -> batchRun(bench.gateway(), published, 4, batchSize, "profiled"));
            }
            bench.profile("1c Accord single comments via gateway", 2, "single-comment ingestion (1c repeated)", PROFILE,
                    () -> singleRun(bench.gateway(), published, 2000, 16, Duration.ofSeconds(10)));
        }
    }

    private String describe(Run run, int batchSize) {
        return String.format(Locale.ROOT, "%,d comments in %,d requests (%s): %,d accepted, %,d stored, %,d published; %.1f s from the "
                        + "first request to the last CommentSubmitted read back from accord.comments.v1 (all 2xx after %.1f s, "
                        + "%,.0f comments/s accepted). Request latency p50 %s ms, p99 %s ms. A comment is %,.0f B of JSON, its event "
                        + "record %,.0f B with headers.%s",
                run.comments(), run.requests(), batchSize > 1 ? "concurrency 2, 4 member bodies" : "16 member bodies",
                run.accepted(), run.stored(), run.published(), run.seconds(), run.acceptedSeconds(),
                run.accepted() / run.acceptedSeconds(), Numbers.format(run.latency().percentile(50)),
                Numbers.format(run.latency().percentile(99)), run.commentBytes(), run.eventBytes(),
                run.failed() == 0 ? "" : " " + run.failed() + " requests failed, e.g. " + run.firstFailure());
    }

    private Run batchRun(Accord accord, PublishedComments published, int batches, int batchSize, String label) {
        Period period = openPeriod(accord, "ingestion " + label);
        published.watch(period.periodId);
        List<String> members = bench.participating().subList(0, 4);
        List<Http.Request> requests = new ArrayList<>();
        int commentBytes = 0;
        for (int b = 0; b < batches; b++) {
            ArrayNode array = Json.array();
            for (int i = 0; i < batchSize; i++) {
                array.add(comment(period.clauses, b * batchSize + i, label));
            }
            byte[] body = Json.write(array);
            commentBytes = body.length / batchSize;
            requests.add(accord.batchOfComments(period.periodId, members.get(b % members.size()), body));
        }
        Bench.log("1. ingestion: %d batches of %,d comments (%s), period %s", batches, batchSize, label, period.periodId);
        return send(accord, published, period, requests, 2, batches * batchSize, label, commentBytes, Duration.ofMinutes(10));
    }

    private Run singleRun(Accord accord, PublishedComments published, int count, int concurrency, Duration atMost) {
        Period period = openPeriod(accord, "ingestion single");
        published.watch(period.periodId);
        List<String> members = bench.members().subList(0, Math.min(16, bench.members().size()));
        List<Http.Request> requests = new ArrayList<>();
        int commentBytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] body = Json.write(comment(period.clauses, i, "single"));
            commentBytes = body.length;
            requests.add(accord.oneComment(period.periodId, members.get(i % members.size()), body));
        }
        Bench.log("1. ingestion: up to %,d single comments for at most %d s at concurrency %d, period %s", count, atMost.toSeconds(),
                concurrency, period.periodId);
        return send(accord, published, period, requests, concurrency, count, "single", commentBytes, atMost);
    }

    private Run send(Accord accord, PublishedComments published, Period period, List<Http.Request> requests, int concurrency,
                     int comments, String label, int commentBytes, Duration atMost) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        long stopSending = start + atMost.toNanos();
        Flux.fromIterable(requests)
                .takeWhile(request -> System.nanoTime() < stopSending)
                .doOnNext(request -> sent.incrementAndGet())
                .flatMap(request -> accord.http().exchange(request)
                        .doOnNext(response -> {
                            latencies.add(response.latencyNanos());
                            if (response.ok()) {
                                JsonNode body = response.json();
                                accepted.addAndGet(body.has("count") ? body.path("count").asInt() : 1);
                            } else {
                                failed.incrementAndGet();
                                failures.add(response.status() + " " + Http.abbreviated(response.text(), 300));
                            }
                        })
                        .onErrorResume(e -> {
                            failed.incrementAndGet();
                            failures.add(e.toString());
                            return reactor.core.publisher.Mono.empty();
                        }), concurrency)
                .blockLast(Duration.ofMinutes(10));
        long acceptedAt = System.nanoTime();
        PublishedComments.Count count = published.await(period.periodId, accepted.get(), Duration.ofMinutes(3));
        long end = Math.max(acceptedAt, count.lastArrivalNanos());
        int stored = closeAndCount(period);
        Run run = new Run(label, sent.get() * (comments / requests.size()), sent.get(), accepted.get(), stored, count.comments(), (end - start) / 1e9,
                (acceptedAt - start) / 1e9, Distribution.ofNanos(latencies), failed.get(), failures.isEmpty() ? "" : failures.get(0),
                count.averageRecordBytes(), commentBytes);
        Bench.log("   %,d accepted, %,d stored, %,d published in %.1f s: %,.0f comments/s (2xx after %.1f s)%s", run.accepted(),
                run.stored(), run.published(), run.seconds(), run.rate(), run.acceptedSeconds(),
                run.failed() == 0 ? "" : "; " + run.failed() + " failed: " + run.firstFailure());
        return run;
    }

    private record Period(String proposalId, String periodId, List<String> clauses) {
    }

    private Period openPeriod(Accord accord, String purpose) {
        Accord direct = bench.direct();
        JsonNode view = direct.submit("Benchmark " + purpose + " " + Instant.now());
        String id = view.path("id").asString();
        JsonNode opened = direct.openCommentPeriod(id, Instant.now().plus(Duration.ofHours(2)));
        String periodId = opened.path("commentPeriod").path("periodId").asString();
        JsonNode period = direct.awaitCommentPeriod(periodId, Duration.ofSeconds(60));
        List<String> clauses = new ArrayList<>();
        period.path("clauses").forEach(c -> clauses.add(c.path("number").asString()));
        return new Period(id, periodId, clauses);
    }

    /** Closes the period through the editor and answers the comments it counted: the store's own count. */
    private int closeAndCount(Period period) {
        bench.direct().closeCommentPeriod(period.proposalId(), period.periodId());
        JsonNode closed = bench.direct().awaitClosedPeriod(period.periodId(), Duration.ofMinutes(3));
        return closed.path("counts").path("total").asInt();
    }

    /** A comment of about 1 KB of JSON in the template's fields, different for every index. */
    static ObjectNode comment(List<String> clauses, int index, String label) {
        String text = label + " comment " + index + ": " + WORDS;
        return Json.object()
                .put("lineNumber", 10 + index % 500)
                .put("clause", clauses.get(index % clauses.size()))
                .put("element", "Paragraph " + (1 + index % 7))
                .put("type", TYPES[index % TYPES.length])
                .put("comment", text.substring(0, Math.min(text.length(), 640)))
                .put("proposedChange", "Add a sentence requiring the uncertainty of each metric and the method used to estimate it, "
                        + "and define 'reporting organization' in 3.4 before first use; see comment " + index + ".");
    }
}
