package org.accord.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What Linux says about the stack's processes (all on this machine: the benchmark stays on
 * loopback): which process listens on a port, its JVM flags, resident memory, CPU time and
 * open-file limit, all read from /proc.
 */
public final class Processes {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux this runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    private Processes() {
    }

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** The process listening on a TCP port of this machine, if there is one we may look at. */
    public static OptionalLong listeningOn(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.UTF_8)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !f[3].equals("0A")) {
                        continue;
                    }
                    String local = f[1];
                    int p = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    if (p == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No such table (no IPv6): the other one decides.
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // Closed meanwhile.
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // A process that is gone or not ours.
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    public static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return args;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The JVM's version and its -X/-XX flags (and JAVA_TOOL_OPTIONS, when set): what the report lists per process. */
    public static String jvmDescription(long pid) {
        List<String> flags = commandLine(pid).stream()
                .filter(a -> a.startsWith("-X") || a.startsWith("-server") || a.startsWith("-javaagent"))
                .toList();
        String toolOptions = environment(pid, "JAVA_TOOL_OPTIONS");
        String version = javaVersion(pid);
        return (version.isEmpty() ? "" : "Java " + version + " ") + (flags.isEmpty() ? "(JVM defaults)" : String.join(" ", flags))
                + (toolOptions.isEmpty() ? "" : " JAVA_TOOL_OPTIONS=" + toolOptions);
    }

    static String javaVersion(long pid) {
        try {
            Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            Path release = exe.getParent().getParent().resolve("release");
            if (!Files.exists(release)) {
                return "";
            }
            try (Stream<String> lines = Files.lines(release)) {
                return lines.filter(l -> l.startsWith("JAVA_VERSION=")).map(l -> l.substring(13).replace("\"", "")).findFirst().orElse("");
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The JDK's {@code jcmd} beside the process's own java, so it attaches to a JVM of the same version. */
    public static String jcmd(long pid) {
        try {
            Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe"));
            Path jcmd = exe.getParent().resolve("jcmd");
            if (Files.isExecutable(jcmd)) {
                return jcmd.toString();
            }
        } catch (IOException e) {
            // Fall through to the one on the PATH.
        }
        return "jcmd";
    }

    static String environment(long pid, String name) {
        try {
            String env = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), StandardCharsets.UTF_8);
            for (String entry : env.split("\u0000")) {
                if (entry.startsWith(name + "=")) {
                    return entry.substring(name.length() + 1);
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /** Resident memory in KiB (VmRSS), or -1. */
    public static long rssKib(long pid) {
        return statusField(pid, "VmRSS:");
    }

    static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds the process has used so far (user + system), or NaN when it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses: fields count from the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Busy CPU seconds of the whole machine so far (every core; idle and iowait excluded). */
    public static double machineBusySeconds() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The soft limit on open files ("Max open files"), or -1. */
    public static long openFilesLimit(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    public static long memoryMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version").replaceAll("-.*", "")
                + " " + System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    }
}
