package org.accord.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.accord.benchmark.report.SectionCpu;

/**
 * The processes of the stack under test, found by the ports they listen on, and what they cost
 * while the benchmark runs: CPU per process per part, memory, heap after a full GC.
 */
public final class Stack {

    private final Endpoints endpoints;
    private final Http http;
    private final Map<String, Long> pids = new LinkedHashMap<>();

    public Stack(Endpoints endpoints, Http http) {
        this.endpoints = endpoints;
        this.http = http;
        discover();
    }

    /** Looks the processes up (again): a restarted service has a new pid. */
    public void discover() {
        pids.clear();
        if (!Processes.available()) {
            return;
        }
        endpoints.services().forEach((name, url) -> Processes.listeningOn(Endpoints.port(url)).ifPresent(pid -> pids.put(name, pid)));
        Processes.listeningOn(endpoints.kafkaPort()).ifPresent(pid -> pids.put("kafka", pid));
        Processes.listeningOn(endpoints.mongoPort()).ifPresent(pid -> pids.put("store", pid));
    }

    public OptionalLong pid(String name) {
        Long pid = pids.get(name);
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    public Map<String, Long> pids() {
        return Map.copyOf(pids);
    }

    public Map<String, String> jvms() {
        Map<String, String> jvms = new LinkedHashMap<>();
        pids.forEach((name, pid) -> jvms.put(name, Processes.jvmDescription(pid)));
        return jvms;
    }

    public Map<String, Long> openFileLimits() {
        Map<String, Long> limits = new LinkedHashMap<>();
        pids.forEach((name, pid) -> limits.put(name, Processes.openFilesLimit(pid)));
        return limits;
    }

    /** CPU seconds so far of each process, the benchmark itself and the machine. */
    public CpuSnapshot cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, Processes.cpuSeconds(pid)));
        seconds.put("benchmark", Processes.cpuSeconds(ProcessHandle.current().pid()));
        return new CpuSnapshot(System.nanoTime(), Processes.machineBusySeconds(), seconds);
    }

    /** The column of the CPU table for processes that are not part of the stack or the benchmark. */
    public static final String OTHERS = org.accord.benchmark.report.Report.OTHERS;

    public record CpuSnapshot(long nanos, double machineSeconds, Map<String, Double> processSeconds) {

        /** Cores used on average since this snapshot, per process, busiest first. */
        public SectionCpu until(CpuSnapshot end, String part) {
            double wall = (end.nanos - nanos) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            processSeconds.entrySet().stream()
                    .filter(e -> end.processSeconds.containsKey(e.getKey()))
                    .map(e -> Map.entry(e.getKey(), (end.processSeconds.get(e.getKey()) - e.getValue()) / wall))
                    .filter(e -> !Double.isNaN(e.getValue()))
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .forEach(e -> cores.put(e.getKey(), e.getValue()));
            double machine = (end.machineSeconds - machineSeconds) / wall;
            // Whatever else ran meanwhile (other builds on a shared machine): the noise next to the figure.
            cores.put(OTHERS, Math.max(0, machine - cores.values().stream().mapToDouble(Double::doubleValue).sum()));
            return new SectionCpu(part, wall, machine, cores);
        }
    }

    /** The stack process that used the most CPU in a part (the benchmark client does not count). */
    public static List<String> busiest(SectionCpu cpu, int count) {
        return cpu.processCores().keySet().stream().filter(name -> !name.equals("benchmark") && !name.equals(OTHERS)).limit(count).toList();
    }

    /** Resident memory in bytes, or -1. */
    public long rssBytes(String name) {
        Long pid = pids.get(name);
        return pid == null ? -1 : Processes.rssKib(pid) * 1024;
    }

    /**
     * Heap in use right after a full collection ({@code jcmd <pid> GC.run}, then the service's own
     * {@code jvm_memory_used_bytes{area="heap"}} from /actuator/prometheus), or -1.
     */
    public long heapAfterGc(String name) {
        Long pid = pids.get(name);
        String url = endpoints.services().get(name);
        if (pid == null || url == null) {
            return -1;
        }
        jcmd(pid, Duration.ofSeconds(60), "GC.run");
        Http.Response metrics = http.get(url + "/actuator/prometheus", Map.of("Accept", "text/plain"));
        if (!metrics.ok()) {
            return -1;
        }
        double heap = 0;
        for (String line : metrics.text().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) heap;
    }

    /** A metric of a service's /actuator/prometheus, summed over the series that carry every given label, or NaN. */
    public double gauge(String service, String metric, String... labels) {
        String url = endpoints.services().get(service);
        Http.Response metrics = http.get(url + "/actuator/prometheus", Map.of("Accept", "text/plain"));
        if (!metrics.ok()) {
            return Double.NaN;
        }
        double sum = 0;
        boolean found = false;
        for (String line : metrics.text().split("\n")) {
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " "))
                    && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** Runs a jcmd command against a process; its output, or the reason it failed. */
    public static String jcmd(long pid, Duration timeout, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(Processes.jcmd(pid), Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "jcmd timed out";
            }
            return output;
        } catch (java.io.IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
