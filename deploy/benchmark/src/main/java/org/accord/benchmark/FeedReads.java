package org.accord.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpMethod;
import org.accord.benchmark.report.Measurement;
import org.accord.benchmark.report.Numbers;
import org.accord.benchmark.report.Reading;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 4. Feed reads: the Atom feed's first page read by 16 clients at once for a fixed time, whole
 * (200) and conditionally (If-None-Match with the current ETag: 304), on publication's own port
 * and through the gateway.
 */
public final class FeedReads {

    static final int CONCURRENCY = 16;

    private final Bench bench;

    public FeedReads(Bench bench) {
        this.bench = bench;
    }

    /** What a fixed-time load produced. */
    record Load(long expected, long other, long errors, double seconds, Distribution latency, double averageBytes, String otherExample) {

        double rate() {
            return expected / seconds;
        }
    }

    public void run() {
        Duration duration = Duration.ofSeconds(bench.options().size(10, 2));
        String direct = bench.endpoints().publication() + "/feeds/atom";
        String gateway = bench.endpoints().gateway() + "/feeds/atom";
        int row = 0;
        for (String[] target : List.of(new String[] {direct, "publication's port 8084"}, new String[] {gateway, "the gateway"})) {
            String url = target[0];
            Http.Response first = bench.http().get(url, Map.of("Accept", "application/atom+xml")).requireOk();
            String etag = first.header("ETag");
            Bench.log("4. feed reads: %s, %d clients, %d s full then %d s conditional (ETag %s, %,d B)", url, CONCURRENCY,
                    duration.toSeconds(), duration.toSeconds(), etag, first.body().length);
            Load full = bench.part("4 Atom 200 via " + target[1], () -> load(url, Map.of("Accept", "application/atom+xml"), 200, duration));
            Map<String, String> conditional = new HashMap<>(Map.of("Accept", "application/atom+xml"));
            conditional.put("If-None-Match", etag);
            Load notModified = bench.part("4 Atom 304 via " + target[1], () -> load(url, conditional, 304, duration));
            add("4" + (char) ('a' + row++), "Atom feed reads, full (200), via " + target[1], full, 200, first.body().length);
            add("4" + (char) ('a' + row++), "Atom feed reads, conditional (304 on If-None-Match), via " + target[1], notModified, 304,
                    first.body().length);
        }
        bench.profile("4 Atom 200 via publication's port 8084", 2, "Atom feed reads (4a repeated)", Duration.ofSeconds(15),
                () -> load(direct, Map.of("Accept", "application/atom+xml"), 200, duration));
    }

    private void add(String id, String title, Load load, int status, int pageBytes) {
        bench.report().add(Measurement.of(id, title, Reading.of(load.rate(), "requests/s"))
                .notes(String.format(Locale.ROOT, "GET /feeds/atom (first page, %,d B, 20 entries a page), %d concurrent keep-alive "
                                + "connections from one reactor-netty client for %.0f s; %,d answers %d counted; latency p50 %s ms, p99 %s ms%s.",
                        pageBytes, CONCURRENCY, load.seconds(), load.expected(), status,
                        Numbers.format(load.latency().percentile(50)), Numbers.format(load.latency().percentile(99)),
                        load.other() + load.errors() == 0 ? "" : String.format(Locale.ROOT, ", %,d other answers and %,d errors not "
                                + "counted (e.g. %s)", load.other(), load.errors(), load.otherExample())))
                .build());
        Bench.log("   %,.0f requests/s (%d), p50 %.1f ms, p99 %.1f ms%s", load.rate(), status, load.latency().percentile(50),
                load.latency().percentile(99), load.other() + load.errors() == 0 ? "" : "; " + (load.other() + load.errors())
                        + " not counted: " + load.otherExample());
    }

    private Load load(String url, Map<String, String> headers, int expectedStatus, Duration duration) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong expected = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        Http http = bench.http();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Flux.range(0, CONCURRENCY)
                .flatMap(client -> Mono.defer(() -> http.exchange(HttpMethod.GET, url, headers, null))
                        .doOnNext(response -> {
                            if (response.status() == expectedStatus) {
                                expected.incrementAndGet();
                                latencies.add(response.latencyNanos());
                                bytes.addAndGet(response.body().length);
                            } else {
                                other.incrementAndGet();
                                if (examples.isEmpty()) {
                                    examples.add(response.status() + " " + Http.abbreviated(response.text(), 200));
                                }
                            }
                        })
                        .onErrorResume(e -> {
                            errors.incrementAndGet();
                            if (examples.isEmpty()) {
                                examples.add(e.toString());
                            }
                            return Mono.empty();
                        })
                        .repeat(() -> System.nanoTime() < end), CONCURRENCY)
                .blockLast(duration.plusSeconds(120));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load(expected.get(), other.get(), errors.get(), seconds, Distribution.ofNanos(latencies),
                expected.get() == 0 ? 0 : (double) bytes.get() / expected.get(), examples.isEmpty() ? "" : examples.peek());
    }
}
