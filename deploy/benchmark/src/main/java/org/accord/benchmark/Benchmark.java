package org.accord.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.benchmark.report.Report;
import org.accord.benchmark.report.RunContext;
import org.accord.http.client.ClientCredentials;

/**
 * Measures Accord next to the raw limits it stands on, in one run against one stack, and writes
 * {@code latest.md} and {@code latest.json}: comment ingestion (with Kafka's producer benchmark
 * and a raw store insert), propagation latency (with Kafka's end-to-end latency), feed reads,
 * the whole workflow, and the SSE fan-out (last: it is the part most likely to exhaust a
 * service). A part that fails is reported as not measured; the others still run.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = run(options);
        // Reactor and Kafka leave non-daemon threads behind; the results are written.
        System.exit(status);
    }

    static int run(Options options) {
        Endpoints endpoints = Endpoints.of(options.target(), System.getenv());
        Instant started = Instant.now();
        try (Http http = new Http("accord-benchmark", 512, 2)) {
            Bench.log("Accord benchmark against %s (services %s .. %s, Kafka %s, store %s)%s", endpoints.gateway(),
                    endpoints.identity(), endpoints.publication(), endpoints.kafka(), endpoints.mongo(),
                    options.quick() ? ", QUICK sizes" : "");
            awaitHealthy(http, endpoints, Duration.ofMinutes(10));
            Stack stack = new Stack(endpoints, http);
            Report report = new Report(context(options, endpoints, stack, started));
            Bench bench = new Bench(options, endpoints, http, new ClientCredentials(endpoints.identity() + "/oauth2/token"), stack, report);
            bench.prepareCommittee(30);
            Map<String, Runnable> parts = new LinkedHashMap<>();
            parts.put("ingestion", () -> new Ingestion(bench).run());
            parts.put("propagation", () -> {
                new Propagation(bench).run();
                bench.idle("after propagation");
            });
            parts.put("reads", () -> new FeedReads(bench).run());
            parts.put("workflow", () -> {
                new Workflow(bench).run();
                bench.idle("after workflow");
            });
            parts.put("fanout", () -> new FanOut(bench).run());
            parts.forEach((name, part) -> {
                if (!options.runs(name)) {
                    return;
                }
                try {
                    part.run();
                } catch (RuntimeException e) {
                    Bench.log("%s FAILED: %s", name, e);
                    e.printStackTrace(System.out);
                    report.problem(name + ": " + e.getMessage());
                    stack.discover();
                }
                report.duration(Duration.between(started, Instant.now()));
                write(report, options);
            });
            Bench.log("Results: %s", output(options, "md"));
            System.out.println();
            System.out.println(report.table());
            return 0;
        } catch (RuntimeException e) {
            Bench.log("The benchmark could not run: %s", e.getMessage());
            e.printStackTrace(System.out);
            return 1;
        }
    }

    private static RunContext context(Options options, Endpoints endpoints, Stack stack, Instant started) {
        Map<String, String> jvms = new LinkedHashMap<>(stack.jvms());
        jvms.put("benchmark client", "Java " + System.getProperty("java.version") + " "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        jvms.put("kafka tools", "Java " + System.getProperty("java.version") + " " + String.join(" ", KafkaTools.JVM_FLAGS));
        Map<String, Long> files = new LinkedHashMap<>(stack.openFileLimits());
        files.put("benchmark client", Processes.openFilesLimit(ProcessHandle.current().pid()));
        return new RunContext(started, Runtime.getRuntime().availableProcessors(), Processes.cpuModel(), Processes.memoryMb(),
                Processes.os(), endpoints.gateway(), options.stack(), jvms, files, options.quick());
    }

    /** Every service must answer UP before anything is measured. */
    static void awaitHealthy(Http http, Endpoints endpoints, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, String> service : endpoints.services().entrySet()) {
            String last = "no answer";
            while (true) {
                try {
                    Http.Response health = http.send(io.netty.handler.codec.http.HttpMethod.GET, service.getValue() + "/actuator/health",
                            Map.of("Accept", "application/json"), null);
                    if (health.ok() && health.text().contains("\"UP\"")) {
                        break;
                    }
                    last = "status " + health.status();
                } catch (RuntimeException e) {
                    last = e.getMessage();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.getKey() + " at " + service.getValue() + " is not UP (" + last + ")");
                }
                Accord.sleep(Duration.ofSeconds(1));
            }
        }
    }

    static Path output(Options options, String extension) {
        return options.out().resolve((options.quick() ? "quick." : "latest.") + extension);
    }

    private static void write(Report report, Options options) {
        try {
            Files.createDirectories(options.out());
            Files.writeString(output(options, "md"), report.markdown(), StandardCharsets.UTF_8);
            Files.writeString(output(options, "json"), report.json() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
