package org.accord.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.accord.benchmark.report.Measurement;
import org.accord.benchmark.report.Numbers;
import org.accord.benchmark.report.Profile;
import org.accord.benchmark.report.Reading;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * 3. Feed fan-out: 1,000, 5,000 and 10,000 SSE subscribers on one publication instance (one
 * reactor-netty client, one event loop, one connection each), then one approval: the time from
 * its 2xx until every subscriber has the new standard, and the service's memory per subscriber
 * (heap after a full GC, and RSS, before and after connecting them). Then 1,000 through the
 * gateway.
 */
public final class FanOut {

    static final double TARGET_ALL_MS = 1000;
    static final double TARGET_KB = 20;
    private static final int CONNECTING_AT_ONCE = 200;
    /** The share of its maximum heap the publication service is allowed to reach while subscribers connect. */
    private static final double HEAP_CEILING = 0.85;
    private static final String SUBSCRIBERS = "accord_feeds_sse_subscribers";

    private final Bench bench;

    public FanOut(Bench bench) {
        this.bench = bench;
    }

    /** One level: what the subscribers saw and what they cost the service. */
    record Level(int subscribers, int connected, int received, double connectSeconds, Distribution fromApproval,
                 double spreadMs, long heapBefore, long heapAfter, long rssBefore, long rssAfter, double gaugeAfter,
                 long gatewayRssBefore, long gatewayRssAfter, String stoppedBecause, String histogram) {

        double heapKbEach() {
            return (heapAfter - heapBefore) / 1024.0 / connected;
        }

        double rssKbEach() {
            return (rssAfter - rssBefore) / 1024.0 / connected;
        }
    }

    public void run() {
        List<Integer> levels = bench.options().quick() ? List.of(100, 500) : List.of(1000, 5000, 10_000);
        int viaGateway = bench.options().size(1000, 100);
        long publicationFiles = bench.stack().pid("publication").isPresent()
                ? Processes.openFilesLimit(bench.stack().pid("publication").getAsLong()) : -1;
        Bench.log("3. fan-out: publication's open-file limit is %,d; preparing %d approved proposals", publicationFiles,
                levels.size() + 2);
        List<Enquiry.Pending> approved = new ArrayList<>(Enquiry.approved(bench, levels.size() + 2, "fan-out"));
        LoopResources loop = LoopResources.create("accord-fan-out", 1, true);
        ConnectionProvider connections = ConnectionProvider.newConnection();
        HttpClient client = HttpClient.create(connections).runOn(loop);
        String direct = bench.endpoints().publication() + "/feeds/sse";
        Level largest = null;
        Level first = null;
        try {
            for (int i = 0; i < levels.size(); i++) {
                int n = levels.get(i);
                if (publicationFiles > 0 && n + 500 > publicationFiles) {
                    bench.report().problem(String.format(Locale.ROOT, "Fan-out to %,d subscribers: publication may open only %,d files "
                            + "(its soft limit), so this level was skipped.", n, publicationFiles));
                    continue;
                }
                boolean last = i == levels.size() - 1;
                Level level = bench.part("3 fan-out " + n + " direct", () -> measure(client, direct, n, approved.remove(0), false, last));
                add("3" + (char) ('a' + i), n, "publication's port 8084", level, n == 10_000 || i == levels.size() - 1);
                largest = level;
                first = first == null ? level : first;
            }
            if (largest != null) {
                Level memory = largest;
                double rss = first.rssKbEach();
                boolean met = memory.heapKbEach() < TARGET_KB;
                bench.report().add(Measurement.of("3d", String.format(Locale.ROOT, "Feed fan-out: publication's memory per SSE subscriber "
                                        + "at %,d subscribers", memory.connected()),
                                Reading.named("KB", "heap after GC", memory.heapKbEach(), "RSS", rss))
                        .target("< 20 KB each", met)
                        .notes(String.format(Locale.ROOT, "Heap in use after a full GC (jcmd GC.run, then jvm_memory_used_bytes from "
                                        + "/actuator/prometheus) %,d KB -> %,d KB with %,d subscribers connected (the service's own gauge: "
                                        + "%,.0f): the live memory a subscriber holds, on which the target is judged. RSS (/proc) grows "
                                        + "only where the JVM commits more memory, so it is given for the first level (%,d subscribers: "
                                        + "%,d KB -> %,d KB); later levels reuse what is committed.%s", memory.heapBefore() / 1024,
                                memory.heapAfter() / 1024, memory.connected(), memory.gaugeAfter(), first.connected(),
                                first.rssBefore() / 1024, first.rssAfter() / 1024,
                                memory.histogram().isEmpty() ? "" : " Growth of the live heap by class (jcmd GC.class_histogram "
                                        + "before and after connecting, bytes per subscriber): " + memory.histogram() + "."))
                        .build());
                if (!met) {
                    double maxHeap = bench.stack().gauge("publication", "jvm_memory_max_bytes", "area=\"heap\"");
                    bench.report().finding(String.format(Locale.ROOT, "**Fan-out memory (3d)**: each SSE subscriber holds %s KB of live "
                                    + "heap in publication (target: under 20 KB), so its %,d MB heap (-Xmx) carries about %,d subscribers "
                                    + "at most.%s", Numbers.format(memory.heapKbEach()), (long) maxHeap >> 20,
                            (long) ((maxHeap - memory.heapBefore()) / (memory.heapKbEach() * 1024)),
                            memory.histogram().isEmpty() ? "" : " The live heap grew most in: " + memory.histogram() + "."));
                }
            }
            if (bench.stack().pid("gateway").isPresent()) {
                Level gateway = bench.part("3 fan-out " + viaGateway + " via gateway",
                        () -> measure(client, bench.endpoints().gateway() + "/feeds/sse", viaGateway, approved.remove(0), true,
                                false));
                add("3e", viaGateway, "the gateway (/feeds/sse)", gateway, false);
            }
        } finally {
            loop.dispose();
            connections.dispose();
        }
    }

    private void add(String id, int n, String where, Level level, boolean judged) {
        Measurement.Builder row = Measurement.of(id, String.format(Locale.ROOT, "Feed fan-out: %,d SSE subscribers%s via %s, from the "
                        + "approval's 2xx until every subscriber has the standard", n,
                        level.connected() < n ? String.format(Locale.ROOT, " (%,d connected: see notes)", level.connected()) : "", where),
                Reading.stats(level.fromApproval().stats(50, 100), "ms"));
        boolean met = level.received() == n && level.fromApproval().max() <= TARGET_ALL_MS;
        if (judged) {
            row.target("all within 1 s", met);
        }
        row.notes(String.format(Locale.ROOT, "%s%,d of %,d subscribers connected (in %.1f s, at most %d connecting at once) and %,d "
                        + "received the standard-published event; first to last arrival %s ms (the fan-out itself; the rest is "
                        + "the approval's one Kafka hop and the issuing). One reactor-netty client on one event-loop thread reads "
                        + "every stream, so its own pace is in the figure. Memory per subscriber: heap after GC %s KB, RSS %s KB%s.",
                level.stoppedBecause().isEmpty() ? "" : "The benchmark " + level.stoppedBecause() + ". ",
                level.connected(), n, level.connectSeconds(), CONNECTING_AT_ONCE, level.received(), Numbers.format(level.spreadMs()),
                Numbers.format(level.heapKbEach()), Numbers.format(level.rssKbEach()),
                level.gatewayRssAfter() < 0 ? "" : String.format(Locale.ROOT, "; the gateway's RSS grew by %s KB per subscriber",
                        Numbers.format((level.gatewayRssAfter() - level.gatewayRssBefore()) / 1024.0 / Math.max(1, level.connected())))));
        bench.report().add(row.build());
        if (judged && !met) {
            bench.report().finding(String.format(Locale.ROOT, "**Fan-out (%s)**: %,d of %,d subscribers had the standard after %s ms "
                            + "(p50 %s ms; first to last arrival %s ms); the target is all within 1 s. During it %s.", id,
                    level.received(), n, Numbers.format(level.fromApproval().max()), Numbers.format(level.fromApproval().percentile(50)),
                    Numbers.format(level.spreadMs()), bench.cpuSummary("3 fan-out " + n + " direct")));
            List<Profile> profiles = Profiler.record(bench.stack(), List.of("publication"), "fan-out to " + n + " subscribers (repeated)",
                    bench.options().work().resolve("jfr"), () -> {
                        List<Enquiry.Pending> one = Enquiry.approved(bench, 1, "fan-out profile");
                        LoopResources loop = LoopResources.create("accord-fan-out-profile", 1, true);
                        ConnectionProvider connections = ConnectionProvider.newConnection();
                        try {
                            measure(HttpClient.create(connections).runOn(loop), bench.endpoints().publication() + "/feeds/sse", n,
                                    one.get(0), false, false);
                        } finally {
                            loop.dispose();
                            connections.dispose();
                        }
                    });
            profiles.forEach(bench.report()::add);
        }
    }

    private Level measure(HttpClient client, String url, int n, Enquiry.Pending approval, boolean viaGateway, boolean histogram) {
        Stack stack = bench.stack();
        Map<String, Long> histogramBefore = histogram ? Histogram.of(stack, "publication") : null;
        double gaugeBefore = stack.gauge("publication", SUBSCRIBERS);
        long heapBefore = stack.heapAfterGc("publication");
        long rssBefore = stack.rssBytes("publication");
        long gatewayBefore = viaGateway ? stack.rssBytes("gateway") : -1;
        Bench.log("3. fan-out: connecting %,d subscribers to %s (heap %,d KB, RSS %,d KB)", n, url, heapBefore / 1024, rssBefore / 1024);
        List<FeedSubscriber> subscribers = new ArrayList<>(n);
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        double maxHeap = stack.gauge("publication", "jvm_memory_max_bytes", "area=\"heap\"");
        // Large levels connect a thousand at a time and look at the heap in between: a service that
        // runs out of heap exits (-XX:+ExitOnOutOfMemoryError), and the limit is a finding, not a crash.
        int chunk = n >= 2000 ? 500 : n;
        String stoppedBecause = "";
        long start = System.nanoTime();
        try {
            while (subscribers.size() < n) {
                int from = subscribers.size();
                for (int i = from; i < Math.min(n, from + chunk); i++) {
                    connecting.acquire();
                    FeedSubscriber subscriber = new FeedSubscriber().open(client, url);
                    subscriber.connected().whenComplete((t, e) -> connecting.release());
                    subscribers.add(subscriber);
                }
                try {
                    CompletableFuture.allOf(subscribers.subList(from, subscribers.size()).stream().map(FeedSubscriber::connected)
                            .toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    Bench.log("   not every subscriber connected: %s", e);
                }
                if (subscribers.size() < n && chunk < n && maxHeap > 0) {
                    long heap = stack.heapAfterGc("publication");
                    double perSubscriber = (double) (heap - heapBefore) / subscribers.size();
                    if (heap + perSubscriber * chunk > HEAP_CEILING * maxHeap) {
                        stoppedBecause = String.format(Locale.ROOT, "stopped connecting at %,d: the heap after GC was %,d MB of its "
                                        + "%,d MB maximum and another %,d subscribers would need about %,d MB more", subscribers.size(),
                                heap >> 20, (long) maxHeap >> 20, chunk, (long) (perSubscriber * chunk) >> 20);
                        Bench.log("   %s", stoppedBecause);
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        List<FeedSubscriber> connected = subscribers.stream().filter(s -> s.connected().isDone() && !s.connected().isCompletedExceptionally()).toList();
        try {
            Accord.sleep(Duration.ofSeconds(2));
            double gaugeAfter = stack.gauge("publication", SUBSCRIBERS) - gaugeBefore;
            long heapAfter = stack.heapAfterGc("publication");
            long rssAfter = stack.rssBytes("publication");
            long gatewayAfter = viaGateway ? stack.rssBytes("gateway") : -1;
            Bench.log("   %,d connected in %.1f s (service counts %,.0f); heap %,d KB, RSS %,d KB; approving project %d", connected.size(),
                    connectSeconds, gaugeAfter, heapAfter / 1024, rssAfter / 1024, approval.projectNumber());
            List<CompletableFuture<Long>> arrivals = connected.stream().map(s -> s.await(approval.projectNumber())).toList();
            Http.Response approved = bench.direct().skipFinalBallot(approval.proposalId()).requireOk();
            try {
                CompletableFuture.allOf(arrivals.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (Exception e) {
                Bench.log("   not every subscriber received the standard within 60 s: %s", e);
            }
            List<Long> times = arrivals.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).map(CompletableFuture::join).toList();
            List<Long> fromApproval = times.stream().map(t -> t - approved.receivedNanos()).toList();
            Distribution d = Distribution.ofNanos(fromApproval);
            double spread = times.isEmpty() ? Double.NaN
                    : (times.stream().mapToLong(Long::longValue).max().getAsLong() - times.stream().mapToLong(Long::longValue).min().getAsLong()) / 1e6;
            Bench.log("   %,d received: p50 %.0f ms, p100 %.0f ms after the approval's 2xx; first to last %.0f ms", times.size(),
                    d.percentile(50), d.max(), spread);
            return new Level(n, connected.size(), times.size(), connectSeconds, d, spread, heapBefore, heapAfter, rssBefore, rssAfter,
                    gaugeAfter, gatewayBefore, gatewayAfter, stoppedBecause,
                    histogramBefore == null ? "" : Histogram.growth(histogramBefore, Histogram.of(stack, "publication"), connected.size(), 8));
        } finally {
            subscribers.forEach(FeedSubscriber::close);
            awaitGauge(gaugeBefore);
        }
    }

    /** Waits until the service has let go of the closed streams, so the next level starts from the same place. */
    private void awaitGauge(double before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            double now = bench.stack().gauge("publication", SUBSCRIBERS);
            if (Double.isNaN(now) || now <= before) {
                return;
            }
            Accord.sleep(Duration.ofMillis(500));
        }
    }
}
