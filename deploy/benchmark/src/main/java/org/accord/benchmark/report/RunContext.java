package org.accord.benchmark.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditions every figure of one run was measured under: when, on how many cores, against
 * which stack, and the JVM flags of every process involved.
 *
 * @param processJvms  per process of the stack (and the benchmark client, the Kafka tools): Java version and flags
 * @param openFiles    per process: its open-file limit (the fan-out needs one descriptor per subscriber)
 */
public record RunContext(Instant date, int cores, String cpuModel, long memoryMb, String os, String target, String stack,
                         Map<String, String> processJvms, Map<String, Long> openFiles, boolean quick) {

    public RunContext {
        processJvms = new LinkedHashMap<>(processJvms);
        openFiles = new LinkedHashMap<>(openFiles);
    }
}
