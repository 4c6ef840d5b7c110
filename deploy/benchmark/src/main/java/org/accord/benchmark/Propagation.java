package org.accord.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.accord.benchmark.report.Measurement;
import org.accord.benchmark.report.Numbers;
import org.accord.benchmark.report.Reading;
import org.accord.proposals.events.ProposalEvents;
import org.accord.voting.events.BallotEvents;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * 2. Propagation latency: from the 2xx of an action to its consequence visible downstream, one
 * sample at a time on an otherwise idle stack, straight to the services' ports.
 * (a) the last P-member's vote closes an early-closing DIS ballot -> the proposal's stage in the
 * proposals API (voting's outbox -> accord.ballots.v1 -> proposals: one Kafka hop);
 * (b) the approval (skip-final-ballot) -> the standard in the SSE stream (proposals' outbox ->
 * accord.proposals.v1 -> publication, which issues it and wakes its live feed: one hop);
 * (c) the same approval -> 60.60 in the proposals API (two hops: and back on accord.standards.v1).
 * Next to them, Kafka's EndToEndLatency on the same broker.
 */
public final class Propagation {

    static final Duration POLL = Duration.ofMillis(5);
    static final double TARGET_PER_HOP_MS = 50;

    private final Bench bench;
    private final Map<String, Split> splits = new HashMap<>();

    public Propagation(Bench bench) {
        this.bench = bench;
    }

    public void run() {
        Options o = bench.options();
        int samples = o.size(40, 5);
        int e2eRecords = o.size(5000, 500);
        Bench.log("2. propagation: preparing %d DIS ballots one vote short of closing", samples);
        List<Enquiry.Pending> ballots = Enquiry.prepare(bench, samples, "propagation");
        Accord direct = bench.direct();

        Bench.log("2. propagation: Kafka EndToEndLatency, %,d records of 1,024 B, acks=all", e2eRecords);
        KafkaTools.EndToEndRun kafka = bench.part("2 raw: Kafka EndToEndLatency",
                () -> bench.kafka().endToEndLatency(e2eRecords, 1024));
        Bench.log("   p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms", kafka.p50(), kafka.p99(), kafka.p999());

        Bench.log("2a. the closing vote -> stage 40.99 in the proposals API, %d samples", samples);
        Split closingSplit = new Split("voting's outbox relay", "proposals consuming and writing");
        List<Long> closing;
        try (TopicWatch watch = new TopicWatch(bench.endpoints().kafka(), BallotEvents.CLOSED)) {
            closing = bench.part("2a vote -> stage", () -> {
                List<Long> nanos = new ArrayList<>();
                for (Enquiry.Pending p : ballots) {
                    Http.Response vote = Enquiry.closingVote(bench, direct, p);
                    if (vote.status() != 200 || !vote.json().path("ballotStatus").asString().equals("CLOSED")) {
                        throw new IllegalStateException("No vote closed ballot " + p.ballotId() + ": " + vote.text());
                    }
                    Http.Response seen = direct.awaitStage(p.proposalId(), Set.of(Enquiry.DIS_APPROVED, "40.60", "40.92"),
                            Duration.ofSeconds(30), POLL);
                    nanos.add(seen.receivedNanos() - vote.receivedNanos());
                    closingSplit.add(watch.await(p.proposalId(), Duration.ofSeconds(2)), wallMillis(vote.receivedNanos()),
                            wallMillis(seen.receivedNanos()));
                    Accord.sleep(Duration.ofMillis(100));
                }
                return nanos;
            });
        }

        Bench.log("2b/2c. the approval -> the standard in the SSE stream, and -> 60.60 in the proposals API");
        List<Long> toFeed = new ArrayList<>();
        List<Long> toStage = new ArrayList<>();
        Split approvalSplit = new Split("proposals' outbox relay", "publication issuing and streaming");
        ConnectionProvider single = ConnectionProvider.newConnection();
        HttpClient sseClient = HttpClient.create(single);
        FeedSubscriber feed = new FeedSubscriber().open(sseClient, bench.endpoints().publication() + "/feeds/sse");
        try (TopicWatch watch = new TopicWatch(bench.endpoints().kafka(), ProposalEvents.PUBLICATION_APPROVED)) {
            FeedSubscriber.await(feed.connected(), Duration.ofSeconds(30), "The SSE stream's first bytes");
            bench.part("2b approval -> SSE", () -> {
                for (Enquiry.Pending p : ballots) {
                    var arrival = feed.await(p.projectNumber());
                    Http.Response approval = direct.skipFinalBallot(p.proposalId()).requireOk();
                    long arrived = FeedSubscriber.await(arrival, Duration.ofSeconds(60),
                            "The SSE event of project " + p.projectNumber());
                    toFeed.add(arrived - approval.receivedNanos());
                    approvalSplit.add(watch.await(p.proposalId(), Duration.ofSeconds(2)), wallMillis(approval.receivedNanos()),
                            wallMillis(arrived));
                    Http.Response published = direct.awaitStage(p.proposalId(), Set.of(Enquiry.PUBLISHED), Duration.ofSeconds(60), POLL);
                    toStage.add(published.receivedNanos() - approval.receivedNanos());
                    Accord.sleep(Duration.ofMillis(100));
                }
                return null;
            });
        } finally {
            feed.close();
            single.dispose();
        }

        Reading limit = Reading.named("ms", "p50", kafka.p50(), "p99", kafka.p99(), "p99.9", kafka.p999());
        String kafkaNote = String.format(Locale.ROOT, " Kafka: EndToEndLatency, %,d records of %d B, acks=all, one partition "
                + "(produce, then consume, one record at a time; whole milliseconds).", kafka.records(), kafka.recordSize());
        splits.put("2a", closingSplit);
        splits.put("2b", approvalSplit);
        add("2a", "Propagation: the vote that closes a ballot -> stage 40.99 in the proposals API (1 Kafka hop)",
                Distribution.ofNanos(closing), 1, limit, kafka, "From the 2xx of the vote that closed the ballot (the last P-member's, then O-members' until one closes it) to the "
                        + "first GET /proposals/{id} answer showing 40.99, polled every " + POLL.toMillis() + " ms (plus the GET's own "
                        + "time) straight to port 8081; " + closing.size() + " samples, one at a time, 100 ms apart. Path: voting "
                        + "writes BallotClosed to its outbox, the relay sends it to accord.ballots.v1, proposals consumes it and "
                        + "writes the stage. " + closingSplit.describe() + kafkaNote);
        add("2b", "Propagation: an approval (skip-final-ballot) -> the standard in the SSE stream (1 Kafka hop)",
                Distribution.ofNanos(toFeed), 1, limit, kafka, "From the 2xx of POST /proposals/{id}/skip-final-ballot to the "
                        + "standard-published event on one SSE connection to publication's port 8084; " + toFeed.size()
                        + " samples. Path: PublicationApproved via accord.proposals.v1 to publication, which stores the standard "
                        + "and wakes its live feed itself (accord.standards.v1 is not on this path). " + approvalSplit.describe());
        add("2c", "Propagation: the same approval -> stage 60.60 in the proposals API (2 Kafka hops)",
                Distribution.ofNanos(toStage), 2, limit, kafka, "As 2b, then StandardPublished via accord.standards.v1 back to "
                        + "proposals; polled every " + POLL.toMillis() + " ms once the SSE event had arrived; " + toStage.size() + " samples.");
    }

    /** Wall-clock milliseconds of a System.nanoTime reading, to set beside Kafka's record timestamps. */
    static long wallMillis(long nanos) {
        return System.currentTimeMillis() - (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * Where the time of a one-hop sample went, by Kafka's record timestamp and the arrival at a
     * watching consumer: the producing service's outbox relay, the broker, the consuming service.
     */
    static final class Split {
        private final String producer;
        private final String consumer;
        private final List<Double> relay = new ArrayList<>();
        private final List<Double> broker = new ArrayList<>();
        private final List<Double> service = new ArrayList<>();

        Split(String producer, String consumer) {
            this.producer = producer;
            this.consumer = consumer;
        }

        void add(TopicWatch.Seen seen, long actionMillis, long visibleMillis) {
            if (seen == null) {
                return;
            }
            relay.add((double) (seen.sentMillis() - actionMillis));
            broker.add((double) (seen.arrivedMillis() - seen.sentMillis()));
            service.add((double) (visibleMillis - seen.arrivedMillis()));
        }

        String describe() {
            if (relay.isEmpty()) {
                return "";
            }
            Distribution r = Distribution.of(relay);
            Distribution b = Distribution.of(broker);
            Distribution c = Distribution.of(service);
            return String.format(Locale.ROOT, "Split by the record's Kafka timestamp and a watching consumer (%d samples, ms, p50/p99): "
                            + "2xx -> sent by %s %s/%s; sent -> delivered (producer batching, broker, fetch) %s/%s; delivered -> visible (%s, plus "
                            + "the observer's poll or stream) %s/%s.", relay.size(), producer, Numbers.format(r.percentile(50)),
                    Numbers.format(r.percentile(99)), Numbers.format(b.percentile(50)), Numbers.format(b.percentile(99)), consumer,
                    Numbers.format(c.percentile(50)), Numbers.format(c.percentile(99)));
        }
    }

    private void add(String id, String title, Distribution d, int hops, Reading limit, KafkaTools.EndToEndRun kafka, String notes) {
        double perHop = d.percentile(99) / hops;
        boolean met = perHop < TARGET_PER_HOP_MS;
        bench.report().add(Measurement.of(id, title, Reading.stats(d.stats(50, 95, 99), "ms"))
                .limit("Kafka end-to-end", limit)
                .ratio(perHop / Math.max(1, kafka.p99()), "Accord p99 per hop / Kafka p99")
                .target("p99 < 50 ms per hop", met)
                .notes(notes)
                .build());
        if (!met) {
            bench.report().finding(String.format(Locale.ROOT, "**Propagation (%s)**: p99 %s ms over %d hop(s) is %s ms per hop, above "
                            + "the 50 ms target; Kafka's own end-to-end p99 in this run is %s ms. p50 %s ms, max %s ms.", id,
                    Numbers.format(d.percentile(99)), hops, Numbers.format(perHop), Numbers.format(kafka.p99()),
                    Numbers.format(d.percentile(50)), Numbers.format(d.max()))
                    + (splits.containsKey(id) ? " " + splits.get(id).describe() : ""));
        }
    }
}
