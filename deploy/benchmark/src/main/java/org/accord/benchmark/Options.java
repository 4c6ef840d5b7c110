package org.accord.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to measure and where: {@code --target=URL} (the gateway, default http://localhost:8080),
 * {@code --out=DIR} (default deploy/benchmark/results), {@code --only=ingestion,propagation,reads,workflow,fanout},
 * {@code --quick} (small sizes: a smoke run, not for comparison), {@code --stack=TEXT} (how the
 * stack was started, said in the report; run.sh sets it).
 */
public record Options(String target, Path root, Path out, Set<String> parts, boolean quick, String stack) {

    public static final List<String> PARTS = List.of("ingestion", "propagation", "reads", "workflow", "fanout");

    public static Options parse(List<String> args) {
        String target = "http://localhost:8080";
        Path root = Path.of("").toAbsolutePath();
        Path out = null;
        Set<String> parts = new LinkedHashSet<>(PARTS);
        boolean quick = false;
        String stack = "the running stack at the target";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && !name.equals("--quick") && i + 1 < args.size()) {
                value = args.get(++i);
            }
            switch (name) {
                case "--target" -> target = value;
                case "--root" -> root = Path.of(value).toAbsolutePath();
                case "--out" -> out = Path.of(value).toAbsolutePath();
                case "--only" -> {
                    parts = new LinkedHashSet<>();
                    for (String part : value.split(",")) {
                        if (!PARTS.contains(part.trim())) {
                            throw new IllegalArgumentException("Unknown part '" + part + "' (known: " + String.join(",", PARTS) + ")");
                        }
                        parts.add(part.trim());
                    }
                }
                case "--quick" -> quick = true;
                case "--stack" -> stack = value;
                default -> throw new IllegalArgumentException("Unknown option " + arg
                        + " (known: --target=URL --out=DIR --only=" + String.join(",", PARTS) + " --quick)");
            }
        }
        return new Options(target, root, out == null ? root.resolve("deploy/benchmark/results") : out, parts, quick, stack);
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }

    /** The full size, or the quick one. */
    public int size(int full, int quickSize) {
        return quick ? quickSize : full;
    }

    public Path kafkaLib() {
        return root.resolve("deploy/local/target/kafka-lib");
    }

    public Path work() {
        return root.resolve("deploy/benchmark/target/work");
    }
}
