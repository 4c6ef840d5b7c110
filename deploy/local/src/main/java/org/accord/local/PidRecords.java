package org.accord.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which process of a stack runs under which pid: one line {@code <name> <pid> <start-ms>} per
 * process in {@code <data>/run/stack.pid}, the launcher's as {@code launcher}. Whoever starts a
 * process records it (the launcher, its supervisor, {@code run.sh restart} from another terminal),
 * so {@code run.sh stop} finds every process of the stack whoever started it. The start time
 * guards against a recycled pid: a process whose start differs from the record is not ours.
 * Writers take a file lock, so a restart and the launcher never lose each other's lines.
 */
final class PidRecords {

    /** How far the start time the OS reports may stray from the recorded one (it rounds to clock ticks). */
    private static final long START_TOLERANCE_MS = 1_000;

    /** One process as recorded. {@code startMillis} 0: written by an older launcher, without a start time. */
    record Recorded(String name, long pid, long startMillis) {

        /** The process, if it still runs and is the one recorded (same start time, our marker on its command line). */
        Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> startMillis == 0 || h.info().startInstant()
                            .map(start -> Math.abs(start.toEpochMilli() - startMillis) <= START_TOLERANCE_MS).orElse(true))
                    .filter(LocalStack::ours);
        }

        boolean infrastructure() {
            return name.equals("store") || name.equals("kafka");
        }
    }

    private final Path file;

    PidRecords(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    static Recorded of(String name, ProcessHandle handle) {
        return new Recorded(name, handle.pid(), handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    }

    void put(String name, ProcessHandle handle) {
        update(records -> records.put(name, of(name, handle)));
    }

    void remove(String name) {
        update(records -> records.remove(name));
    }

    /** Every recorded process, by name, in the order recorded. */
    Map<String, Recorded> read() {
        Map<String, Recorded> records = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2 && parts[1].matches("\\d+")) {
                    long start = parts.length >= 3 && parts[2].matches("\\d+") ? Long.parseLong(parts[2]) : 0;
                    records.put(parts[0], new Recorded(parts[0], Long.parseLong(parts[1]), start));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return records;
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A later start overwrites stale records.
        }
    }

    private void update(Consumer<Map<String, Recorded>> change) {
        // The file lock keeps other JVMs out; threads of this one take turns here first.
        synchronized (PidRecords.class) {
            updateLocked(change);
        }
    }

    private void updateLocked(Consumer<Map<String, Recorded>> change) {
        try {
            Files.createDirectories(file.getParent());
            Path lock = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Map<String, Recorded> records = read();
                change.accept(records);
                StringBuilder text = new StringBuilder();
                records.values().forEach(r -> text.append(r.name()).append(' ').append(r.pid()).append(' ')
                        .append(r.startMillis()).append('\n'));
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record in " + file + ": " + e.getMessage(), e);
        }
    }
}
