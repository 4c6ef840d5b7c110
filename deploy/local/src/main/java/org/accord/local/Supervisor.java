package org.accord.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts the stack's processes as plain {@code java} processes with their output in one log
 * file each, records their ids and start times ({@link PidRecords}, so {@code run.sh stop} can end
 * a stack started in another terminal), and stops them: services first, then the broker and the store.
 */
public final class Supervisor {

    /** System property on every child's command line: marks a process as ours before anything is killed. */
    public static final String MARKER = "accord.local.process";

    private final PidRecords records;
    private final Path logs;
    private final boolean launcher;
    private final List<StackProcess> processes = new CopyOnWriteArrayList<>();

    public Supervisor(Path pidFile, Path logs) {
        this(pidFile, logs, true);
    }

    /**
     * @param launcher true in the launcher, which records itself beside its processes; false in
     *                 {@code run.sh restart}, which only starts one process for a stack it does not run
     */
    public Supervisor(Path pidFile, Path logs, boolean launcher) {
        this.records = new PidRecords(pidFile);
        this.logs = logs;
        this.launcher = launcher;
    }

    PidRecords records() {
        return records;
    }

    /** The java binary of this JVM: every child runs on the same Java as the launcher. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <flags> -Daccord.local.process=<name> <launch...>}. */
    public static List<String> javaCommand(String name, List<String> flags, List<String> launch) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags);
        command.add("-D" + MARKER + "=" + name);
        command.addAll(launch);
        return command;
    }

    public static String classpath(Path... entries) {
        return String.join(File.pathSeparator, Arrays.stream(entries).map(Path::toString).toList());
    }

    public StackProcess start(String name, List<String> command, Map<String, String> env, boolean infrastructure) {
        Path log = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
            rotate(log);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(env);
            StackProcess process = new StackProcess(name, builder.start(), log, infrastructure);
            // A restart replaces the ended process of the same name.
            processes.removeIf(p -> p.name().equals(name) && !p.alive());
            processes.add(process);
            if (launcher && !records.read().containsKey("launcher")) {
                records.put("launcher", ProcessHandle.current());
            }
            records.put(name, process.process().toHandle());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short-lived command to its end (e.g. formatting Kafka's storage) and returns its output. */
    public String runToEnd(String name, List<String> command, Duration timeout) {
        Path log = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    public List<StackProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Stops every process: the services at once (each shuts down gracefully on SIGTERM), then the
     * broker and the store, so the services' last commits and offset commits still reach them.
     */
    public void stopAll(Duration grace) {
        List<StackProcess> services = processes.stream().filter(p -> !p.infrastructure()).toList();
        List<StackProcess> infrastructure = processes.stream().filter(StackProcess::infrastructure).toList();
        stop(services, grace);
        stop(infrastructure, grace);
        processes.clear();
    }

    private static void stop(List<StackProcess> group, Duration grace) {
        group.forEach(StackProcess::terminate);
        group.forEach(p -> p.awaitExit(grace));
    }

    /** Keeps the previous run's log beside the new one: the first thing to read after a failed restart. */
    private static void rotate(Path log) throws IOException {
        if (Files.exists(log) && Files.size(log) > 0) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
