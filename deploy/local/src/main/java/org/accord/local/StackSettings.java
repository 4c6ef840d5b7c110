package org.accord.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where one local stack lives and what it runs: the checkout it takes the jars from, the data
 * directory (store file, Kafka log dirs, logs, run copies), the ports of the embedded
 * infrastructure, the existing infrastructure to use instead, and which services to start.
 *
 * @param services names of the services to start; empty means none (infrastructure only)
 */
public record StackSettings(Path root, Path data, int storePort, int kafkaPort, int controllerPort,
                            Optional<String> externalKafka, Optional<String> externalMongo,
                            Set<String> services) {

    public static final int STORE_PORT = 27017;
    public static final int KAFKA_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;

    public StackSettings {
        root = root.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
        services = Set.copyOf(services);
    }

    /**
     * Settings from the environment ({@code ACCORD_DATA}, {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code MONGODB_URI}, {@code ACCORD_SERVICES}, {@code ACCORD_STORE_PORT},
     * {@code ACCORD_KAFKA_PORT}, {@code ACCORD_KAFKA_CONTROLLER_PORT}) and the command line
     * ({@code --data=DIR}, {@code --services=a,b|none}), the command line winning.
     */
    public static StackSettings from(Map<String, String> env, List<String> options) {
        Path root = findRoot(env);
        String data = env.getOrDefault("ACCORD_DATA", "");
        String services = env.getOrDefault("ACCORD_SERVICES", "");
        for (String option : options) {
            if (option.startsWith("--data=")) {
                data = option.substring("--data=".length());
            } else if (option.startsWith("--services=")) {
                services = option.substring("--services=".length());
            } else {
                throw new IllegalArgumentException("Unknown option " + option
                        + " (known: --data=DIR, --services=" + String.join(",", ServiceCatalogue.names()) + "|none)");
            }
        }
        Path dataDir = data.isBlank() ? root.resolve("deploy/local/data") : root.resolve(data);
        return new StackSettings(root, dataDir,
                port(env, "ACCORD_STORE_PORT", STORE_PORT),
                port(env, "ACCORD_KAFKA_PORT", KAFKA_PORT),
                port(env, "ACCORD_KAFKA_CONTROLLER_PORT", CONTROLLER_PORT),
                nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(env.get("MONGODB_URI")),
                parseServices(services));
    }

    /** Only the embedded store and broker, on the given ports: what the tests of this module start. */
    public static StackSettings infrastructureOnly(Path root, Path data, int storePort, int kafkaPort, int controllerPort) {
        return new StackSettings(root, data, storePort, kafkaPort, controllerPort, Optional.empty(), Optional.empty(), Set.of());
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    public String mongoUri() {
        return externalMongo.orElse("mongodb://localhost:" + storePort);
    }

    public Path logs() {
        return data.resolve("logs");
    }

    /** Copies of the jars the processes run from, so a rebuild never pulls a jar from under a running process. */
    public Path run() {
        return data.resolve("run");
    }

    public Path pidFile() {
        return run().resolve("stack.pid");
    }

    /** The build output of this module: the launcher jar and the one runtime classpath of store, broker and tools. */
    public Path localJar() {
        return root.resolve("deploy/local/target/accord-local.jar");
    }

    public Path kafkaLib() {
        return root.resolve("deploy/local/target/kafka-lib");
    }

    private static Set<String> parseServices(String value) {
        if (value.isBlank() || value.equals("all")) {
            return new LinkedHashSet<>(ServiceCatalogue.names());
        }
        if (value.equals("none")) {
            return Set.of();
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!ServiceCatalogue.names().contains(name)) {
                throw new IllegalArgumentException("Unknown service '" + name + "' (known: "
                        + String.join(", ", ServiceCatalogue.names()) + ")");
            }
            chosen.add(name);
        }
        return chosen;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * The checkout: {@code ACCORD_HOME}, else the nearest directory holding {@code deploy/local}
     * above the working directory or above this jar (run.sh starts it from the checkout).
     */
    private static Path findRoot(Map<String, String> env) {
        String home = env.get("ACCORD_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        for (Path start : candidates()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("deploy/local")) && Files.exists(dir.resolve("pom.xml"))) {
                    return dir;
                }
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static List<Path> candidates() {
        Path cwd = Path.of("").toAbsolutePath();
        try {
            Path code = Path.of(StackSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(cwd, code.toAbsolutePath());
        } catch (Exception e) {
            return List.of(cwd);
        }
    }
}
