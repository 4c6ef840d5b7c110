package org.accord.benchmark;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.accord.benchmark.report.Report;
import org.accord.benchmark.report.SectionCpu;
import org.accord.http.client.ClientCredentials;
import tools.jackson.databind.JsonNode;

/**
 * What every part of the benchmark shares: the stack's addresses and processes, the clients
 * (through the gateway and direct), tokens, Kafka's tools, the committee whose members act,
 * and the report being written.
 */
public final class Bench {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Options options;
    private final Endpoints endpoints;
    private final Http http;
    private final ClientCredentials tokens;
    private final Accord gateway;
    private final Accord direct;
    private final Stack stack;
    private final Report report;
    private final KafkaTools kafka;
    private final Map<String, SectionCpu> parts = new HashMap<>();
    private static final Duration IDLE = Duration.ofSeconds(6);
    private boolean idleProfiled;
    private List<String> participating = List.of();
    private List<String> observing = List.of();

    public Bench(Options options, Endpoints endpoints, Http http, ClientCredentials tokens, Stack stack, Report report) {
        this.options = options;
        this.endpoints = endpoints;
        this.http = http;
        this.tokens = tokens;
        this.stack = stack;
        this.report = report;
        this.gateway = Accord.viaGateway(http, tokens, endpoints);
        this.direct = Accord.direct(http, tokens, endpoints);
        this.kafka = new KafkaTools(options.kafkaLib(), endpoints.kafka(), options.work());
    }

    public Options options() {
        return options;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Http http() {
        return http;
    }

    public ClientCredentials tokens() {
        return tokens;
    }

    public Accord gateway() {
        return gateway;
    }

    public Accord direct() {
        return direct;
    }

    public Stack stack() {
        return stack;
    }

    public Report report() {
        return report;
    }

    public KafkaTools kafka() {
        return kafka;
    }

    public List<String> participating() {
        return participating;
    }

    public List<String> observing() {
        return observing;
    }

    /** Every member body of the committee: observers first, so the last votes of a ballot are P-members'. */
    public List<String> members() {
        List<String> all = new ArrayList<>(observing);
        all.addAll(participating);
        return all;
    }

    /**
     * The member bodies that act: ACC/TC 1's P- and O-members. The workflow wants 30 of them; the
     * reference committee has 29, so the secretariat admits observers from the member bodies
     * until there are 30 (once; a later run finds them there).
     */
    public void prepareCommittee(int wanted) {
        JsonNode committee = direct.committee();
        List<String> p = texts(committee.path("participating"));
        List<String> o = texts(committee.path("observing"));
        if (p.size() + o.size() < wanted) {
            for (String code : direct.memberBodyCodes()) {
                if (p.size() + o.size() >= wanted) {
                    break;
                }
                if (!p.contains(code) && !o.contains(code)) {
                    direct.addMember(code, "O");
                    log("committee %s: the secretariat admitted %s as an O-member (the workflow runs with %d member bodies)",
                            Accord.COMMITTEE_ID, code, wanted);
                    o.add(code);
                }
            }
        }
        this.participating = List.copyOf(p);
        this.observing = List.copyOf(o);
        // Every token once now, so no measurement waits for the identity service.
        members().forEach(tokens::nationalBody);
        tokens.editor();
        tokens.secretariat();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asString()));
        return values;
    }

    /** Runs one part, records where the CPU went meanwhile, and answers its result. */
    public <T> T part(String name, Supplier<T> body) {
        Stack.CpuSnapshot start = stack.cpu();
        T result = body.get();
        SectionCpu cpu = start.until(stack.cpu(), name);
        parts.put(name, cpu);
        report.add(cpu);
        return result;
    }

    /**
     * Profiles the busiest stack processes of a part with JFR while the workload runs again (at
     * least {@code duration}; the repeat is not counted), and adds the profiles to the report.
     */
    public void profile(String part, int processes, String during, Duration duration, Runnable workload) {
        SectionCpu cpu = parts.get(part);
        if (cpu == null) {
            return;
        }
        List<String> busiest = Stack.busiest(cpu, processes);
        log("   profiling %s with JFR during %s", busiest, during);
        try {
            Profiler.record(stack, busiest, during, options.work().resolve("jfr"), () -> {
                long end = System.nanoTime() + duration.toNanos();
                do {
                    workload.run();
                } while (System.nanoTime() < end);
            }).forEach(report::add);
        } catch (RuntimeException e) {
            report.problem("Profile of " + busiest + " during " + during + ": " + e.getMessage());
        }
    }

    /**
     * CPU milliseconds each busy process spent per item of a part ("comments 0.31, store 0.22 ms
     * per comment"): the cost of one item, which other load on the machine does not change much.
     */
    public String cpuPerItem(String part, long items, String item) {
        SectionCpu cpu = parts.get(part);
        if (cpu == null || items <= 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        cpu.processCores().entrySet().stream()
                .filter(e -> !e.getKey().equals(Stack.OTHERS) && e.getValue() * cpu.wallSeconds() * 1000 / items >= 0.005)
                .limit(6)
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(org.accord.benchmark.report.Numbers.format(e.getValue() * cpu.wallSeconds() * 1000 / items)));
        return "CPU per " + item + ": " + text + " ms";
    }

    /**
     * A few seconds without requests: what the stack costs on its own (outbox sweeps, deadline
     * scans, feed sweeps). The first time the store is found busy while idle, that is a finding
     * and the two busiest processes are profiled while still idle.
     */
    public void idle(String when) {
        String part = "idle " + when;
        log("   %s: %d s without requests", part, IDLE.toSeconds());
        part(part, () -> {
            Accord.sleep(IDLE);
            return null;
        });
        SectionCpu cpu = parts.get(part);
        double store = cpu.processCores().getOrDefault("store", 0.0);
        SectionCpu first = parts.get("idle before ingestion");
        if (store > 0.1 && !idleProfiled) {
            idleProfiled = true;
            report.finding(String.format(Locale.ROOT, "**The store works while nothing is asked of the stack**: with no request "
                            + "in flight (%s) %s%s. That load is under every part measured after it; the profiles \"idle, %s\" below "
                            + "show what it is.", part, cpuSummary(part), first == null || first == cpu ? ""
                            : String.format(Locale.ROOT, "; at the start of the run (idle before ingestion) the store used %s cores",
                            org.accord.benchmark.report.Numbers.format(first.processCores().getOrDefault("store", 0.0))), when));
            profile(part, 2, "idle, " + when, Duration.ofSeconds(10), () -> Accord.sleep(Duration.ofSeconds(2)));
            try {
                List<String> slow = RawStore.slowOutboxSweeps(endpoints.mongo(), 100);
                if (!slow.isEmpty()) {
                    report.finding("The outbox relays' sweep query (the register of pending outboxes, index `pending_outbox`, "
                            + "every `accord.outbox.sweep-interval`, 2 s by default), timed once per collection right after: "
                            + String.join("; ", slow) + ". It should read only the index entries of pending documents: a slow "
                            + "answer here means the index is missing or many outboxes are waiting.");
                }
            } catch (RuntimeException e) {
                report.problem("Timing the outbox sweep queries: " + e.getMessage());
            }
        }
    }

    public SectionCpu cpuOf(String part) {
        return parts.get(part);
    }

    /** "comments 0.92, store 0.61, kafka 0.20 of 2 cores busy (machine 1.9)": for findings. */
    public String cpuSummary(String part) {
        SectionCpu cpu = parts.get(part);
        if (cpu == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        cpu.processCores().entrySet().stream().filter(e -> !e.getKey().equals(Stack.OTHERS)).limit(5).forEach(e -> text.append(text.isEmpty() ? "" : ", ")
                .append(e.getKey()).append(' ').append(org.accord.benchmark.report.Numbers.format(e.getValue())));
        return String.format(Locale.ROOT, "the machine had %s of %d cores busy (%s; processes outside the stack %s)",
                org.accord.benchmark.report.Numbers.format(cpu.machineCores()), Runtime.getRuntime().availableProcessors(), text,
                org.accord.benchmark.report.Numbers.format(cpu.processCores().getOrDefault(Stack.OTHERS, 0.0)));
    }

    public static void log(String format, Object... args) {
        System.out.println(LocalTime.now(ZoneOffset.UTC).format(CLOCK) + "  " + String.format(Locale.ROOT, format, args));
    }

    public static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
