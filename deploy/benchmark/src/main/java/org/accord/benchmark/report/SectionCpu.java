package org.accord.benchmark.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU went while one part of the benchmark ran: cores used on average by each process
 * (CPU seconds / wall seconds, from /proc), and by the whole machine. On a 2-core machine a
 * machine figure near 2 means the cores were the limit, and the biggest process is the one to
 * profile.
 */
public record SectionCpu(String section, double wallSeconds, double machineCores, Map<String, Double> processCores) {

    public SectionCpu {
        processCores = new LinkedHashMap<>(processCores);
    }
}
