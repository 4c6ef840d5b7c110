package org.accord.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The live heap of a process by class ({@code jcmd <pid> GC.class_histogram}, which collects
 * first), and what grew between two of them: where the memory of a subscriber goes.
 */
public final class Histogram {

    private Histogram() {
    }

    /** Bytes of live objects per class name; empty when the process cannot be asked. */
    public static Map<String, Long> of(Stack stack, String process) {
        OptionalLong pid = stack.pid(process);
        Map<String, Long> bytes = new HashMap<>();
        if (pid.isEmpty()) {
            return bytes;
        }
        return parse(Stack.jcmd(pid.getAsLong(), Duration.ofSeconds(120), "GC.class_histogram"));
    }

    static Map<String, Long> parse(String output) {
        Map<String, Long> bytes = new HashMap<>();
        for (String line : output.split("\\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[0].substring(0, f[0].length() - 1).matches("\\d+")) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
            }
        }
        return bytes;
    }

    /** The classes that grew most, in bytes per subscriber: "`byte[]` 9,120 B, ...". */
    public static String growth(Map<String, Long> before, Map<String, Long> after, int subscribers, int top) {
        if (before.isEmpty() || after.isEmpty() || subscribers == 0) {
            return "";
        }
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(top)
                .map(e -> String.format(Locale.ROOT, "`%s` %,d B", readable(e.getKey()), e.getValue() / subscribers))
                .collect(Collectors.joining(", "));
    }

    private static String readable(String jvmName) {
        return switch (jvmName) {
            case "[B" -> "byte[]";
            case "[C" -> "char[]";
            case "[I" -> "int[]";
            case "[J" -> "long[]";
            case "[Ljava.lang.Object;" -> "Object[]";
            default -> jvmName.startsWith("[L") ? jvmName.substring(2, jvmName.length() - 1) + "[]" : jvmName;
        };
    }
}
