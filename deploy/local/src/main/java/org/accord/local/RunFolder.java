package org.accord.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The copies of the jars that the stack's processes run from ({@code <data>/run}). A rebuild
 * rewrites the jars under {@code target/}; a JVM reading classes lazily from a jar that changes
 * under it fails in odd ways, so every process runs from a copy made at start.
 */
final class RunFolder {

    private RunFolder() {
    }

    /** Copies the file unless the copy is already identical by size and time; returns the copy. */
    static Path copy(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target) && Files.size(target) == Files.size(source)
                    && Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(source))) {
                return target;
            }
            // A new file moved into place: a process still reading the old copy keeps its inode.
            Path tmp = target.resolveSibling(target.getFileName() + ".copying");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code target} hold exactly the jars of {@code source}. */
    static Path mirrorJars(Path source, Path target) {
        try (Stream<Path> jars = Files.list(source)) {
            Set<String> names = new HashSet<>();
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                names.add(jar.getFileName().toString());
                copy(jar, target.resolve(jar.getFileName()));
            }
            try (Stream<Path> existing = Files.list(target)) {
                List<Path> stale = existing.filter(p -> !names.contains(p.getFileName().toString())).toList();
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
