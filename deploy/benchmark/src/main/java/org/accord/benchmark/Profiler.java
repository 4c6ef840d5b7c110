package org.accord.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.accord.benchmark.report.Profile;

/**
 * Profiles stack processes with JDK Flight Recorder while a workload runs: {@code jcmd <pid>
 * JFR.start settings=profile}, the workload, {@code JFR.stop filename=...}, then the execution
 * samples are summed by method.
 */
public final class Profiler {

    private static final String RECORDING = "accord-benchmark";
    private static final int TOP = 12;
    /**
     * Code whose inclusive share says what a process was doing: Accord's own, the JWT signature
     * check every request makes, and the embedded store's query and storage layers.
     */
    private static final List<String> INCLUSIVE = List.of("org.accord.", "com.nimbusds.jose.crypto.",
            "de.bwaldvogel.mongo.backend.", "org.h2.mvstore.MVStore.");

    private Profiler() {
    }

    /** Records every named process while the workload runs; one profile per process that could be recorded. */
    public static List<Profile> record(Stack stack, List<String> processes, String during, Path directory, Runnable workload) {
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String name : processes) {
            OptionalLong pid = stack.pid(name);
            if (pid.isEmpty()) {
                continue;
            }
            Stack.jcmd(pid.getAsLong(), Duration.ofSeconds(30), "JFR.stop", "name=" + RECORDING);
            String started = Stack.jcmd(pid.getAsLong(), Duration.ofSeconds(60), "JFR.start", "name=" + RECORDING, "settings=profile");
            if (started.contains("Started recording")) {
                files.put(name, directory.resolve(name + "-" + slug(during) + ".jfr"));
            } else {
                System.out.println("    (JFR could not start in " + name + ": " + started.strip() + ")");
            }
        }
        try {
            workload.run();
        } finally {
            files.forEach((name, file) -> Stack.jcmd(stack.pid(name).getAsLong(), Duration.ofSeconds(120), "JFR.stop",
                    "name=" + RECORDING, "filename=" + file.toAbsolutePath()));
        }
        List<Profile> profiles = new ArrayList<>();
        files.forEach((name, file) -> {
            if (Files.exists(file)) {
                profiles.add(summarise(name, during, file));
            }
        });
        return profiles;
    }

    /** Sums the execution samples of a recording: leaf methods, and Accord methods anywhere on the stack. */
    public static Profile summarise(String process, String during, Path file) {
        Map<String, Integer> leaf = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> accord = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace trace = event.getStackTrace();
                if (trace == null || trace.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                leaf.merge(name(trace.getFrames().get(0)), 1, Integer::sum);
                packages.merge(component(trace.getFrames().get(0).getMethod().getType().getName()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : trace.getFrames()) {
                    String method = name(frame);
                    if (INCLUSIVE.stream().anyMatch(method::startsWith) && !method.contains("$$Lambda") && seen.add(method)) {
                        accord.merge(method, 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not read " + file, e);
        }
        return new Profile(process, during, file.getFileName().toString(), samples, top(packages, samples), top(leaf, samples),
                top(accord, samples));
    }

    private static List<Profile.Frame> top(Map<String, Integer> counts, int samples) {
        return counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(TOP)
                .map(e -> new Profile.Frame(e.getKey(), samples == 0 ? 0 : 100.0 * e.getValue() / samples))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        // Lambdas and generated classes carry addresses that differ per run; the enclosing class says enough.
        type = type.replaceAll("\\$\\$Lambda.*$", "\\$\\$Lambda").replaceAll("/0x[0-9a-f]+", "");
        return type + "." + frame.getMethod().getName();
    }

    /** The package a leaf frame belongs to, cut to three segments: what part of the stack the CPU was in. */
    static String component(String className) {
        int end = className.lastIndexOf('.');
        String pkg = end < 0 ? "(default)" : className.substring(0, end);
        String[] parts = pkg.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)));
    }

    private static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
