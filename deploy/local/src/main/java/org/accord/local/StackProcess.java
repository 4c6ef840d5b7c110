package org.accord.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the stack (the store, the broker or a service), its log file, and when
 * it started and became ready.
 */
public final class StackProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final boolean infrastructure;
    private final Instant started = Instant.now();
    private volatile Duration readyAfter;

    StackProcess(String name, Process process, Path log, boolean infrastructure) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.infrastructure = infrastructure;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** The store and the broker: stopped after every service, so services shut down against live infrastructure. */
    public boolean infrastructure() {
        return infrastructure;
    }

    public void markReady() {
        readyAfter = Duration.between(started, Instant.now());
    }

    /** Time from start to ready, or null while not ready. */
    public Duration readyAfter() {
        return readyAfter;
    }

    public Duration age() {
        return Duration.between(started, Instant.now());
    }

    /** Resident memory of the process in KiB, where the platform tells it (Linux /proc). */
    public OptionalLong rssKib() {
        return rssKib(pid());
    }

    static OptionalLong rssKib(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Asks the process and everything it started to stop (SIGTERM on Unix). */
    public void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Ends the process and everything it started at once (SIGKILL on Unix) and waits until it is gone. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to end; kills it and its descendants when it has not ended in time. */
    public void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The last lines of the log, to show why a process failed. */
    public List<String> tail(int lines) {
        Deque<String> last = new ArrayDeque<>();
        try (var reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}
