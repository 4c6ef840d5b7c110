package org.accord.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Where one local stack lives and what it runs: the checkout it takes the jars from, the data
 * directory (store file, Kafka log dirs, logs, run copies), the ports of the embedded
 * infrastructure, the existing infrastructure to use instead, which services to start, and the
 * offset added to every service's fixed port (a second stack beside a developer's running one).
 *
 * @param services   names of the services to start; empty means none (infrastructure only)
 * @param portOffset added to each service's fixed port (identity 9000, gateway 8080, ...); 0 normally
 */
public record StackSettings(Path root, Path data, int storePort, int kafkaPort, int controllerPort,
                            Optional<String> externalKafka, Optional<String> externalMongo,
                            Set<String> services, int portOffset) {

    public static final int STORE_PORT = 27017;
    public static final int KAFKA_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;
    /** The gateway's actuator (Prometheus, health with details): never on its public port. */
    public static final int GATEWAY_MANAGEMENT_PORT = 8090;

    public StackSettings {
        root = root.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
        services = Set.copyOf(services);
        if (portOffset < 0 || portOffset > 40_000) {
            throw new IllegalArgumentException("ACCORD_PORT_OFFSET must be between 0 and 40000, was " + portOffset);
        }
    }

    /**
     * Settings from the environment ({@code ACCORD_DATA}, {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code MONGODB_URI}, {@code ACCORD_SERVICES}, {@code ACCORD_PORT_OFFSET}, {@code ACCORD_STORE_PORT},
     * {@code ACCORD_KAFKA_PORT}, {@code ACCORD_KAFKA_CONTROLLER_PORT}) and the command line
     * ({@code --data=DIR}, {@code --services=a,b|none}, {@code --port-offset=N}), the command line
     * winning. The offset moves every port, the store's and the broker's too, unless a port is named.
     */
    public static StackSettings from(Map<String, String> env, List<String> options) {
        Path root = findRoot(env);
        String data = env.getOrDefault("ACCORD_DATA", "");
        String services = env.getOrDefault("ACCORD_SERVICES", "");
        String offset = env.getOrDefault("ACCORD_PORT_OFFSET", "");
        for (String option : options) {
            if (option.startsWith("--data=")) {
                data = option.substring("--data=".length());
            } else if (option.startsWith("--services=")) {
                services = option.substring("--services=".length());
            } else if (option.startsWith("--port-offset=")) {
                offset = option.substring("--port-offset=".length());
            } else {
                throw new IllegalArgumentException("Unknown option " + option
                        + " (known: --data=DIR, --services=" + String.join(",", ServiceCatalogue.names())
                        + "|none, --port-offset=N)");
            }
        }
        int portOffset = number("ACCORD_PORT_OFFSET", offset, 0);
        Path dataDir = data.isBlank() ? root.resolve("deploy/local/data") : root.resolve(data);
        return new StackSettings(root, dataDir,
                port(env, "ACCORD_STORE_PORT", STORE_PORT + portOffset),
                port(env, "ACCORD_KAFKA_PORT", KAFKA_PORT + portOffset),
                port(env, "ACCORD_KAFKA_CONTROLLER_PORT", CONTROLLER_PORT + portOffset),
                nonBlank(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(env.get("MONGODB_URI")),
                parseServices(services), portOffset);
    }

    /** Only the embedded store and broker, on the given ports: what the tests of this module start. */
    public static StackSettings infrastructureOnly(Path root, Path data, int storePort, int kafkaPort, int controllerPort) {
        return new StackSettings(root, data, storePort, kafkaPort, controllerPort, Optional.empty(), Optional.empty(), Set.of(), 0);
    }

    /**
     * The embedded store and broker and every service, all on their fixed ports plus {@code portOffset}:
     * a complete second stack that does not touch a developer's running one (the system tests start one).
     */
    public static StackSettings everything(Path root, Path data, int portOffset) {
        return new StackSettings(root, data, STORE_PORT + portOffset, KAFKA_PORT + portOffset, CONTROLLER_PORT + portOffset,
                Optional.empty(), Optional.empty(), new LinkedHashSet<>(ServiceCatalogue.names()), portOffset);
    }

    /** The port a service listens on in this stack: its fixed port plus the offset. */
    public int portOf(ServiceCatalogue.ServiceSpec spec) {
        return spec.port() + portOffset;
    }

    public String urlOf(ServiceCatalogue.ServiceSpec spec) {
        return "http://localhost:" + portOf(spec);
    }

    public String urlOf(String service) {
        return urlOf(ServiceCatalogue.spec(service));
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

    /** What the launcher was started with, so {@code run.sh restart} starts a process exactly as the launcher would. */
    public Path savedFile() {
        return run().resolve("stack.properties");
    }

    public void save() {
        Properties saved = new Properties();
        saved.setProperty("root", root.toString());
        saved.setProperty("data", data.toString());
        saved.setProperty("store-port", Integer.toString(storePort));
        saved.setProperty("kafka-port", Integer.toString(kafkaPort));
        saved.setProperty("controller-port", Integer.toString(controllerPort));
        externalKafka.ifPresent(v -> saved.setProperty("external-kafka", v));
        externalMongo.ifPresent(v -> saved.setProperty("external-mongo", v));
        saved.setProperty("services", String.join(",", services));
        saved.setProperty("port-offset", Integer.toString(portOffset));
        try {
            Files.createDirectories(run());
            try (Writer writer = Files.newBufferedWriter(savedFile(), StandardCharsets.UTF_8)) {
                saved.store(writer, "Accord local stack: what its launcher was started with");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + savedFile(), e);
        }
    }

    /** The settings the launcher of this data directory saved, or these when it saved none. */
    public StackSettings asSaved() {
        if (!Files.exists(savedFile())) {
            return this;
        }
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(savedFile(), StandardCharsets.UTF_8)) {
            saved.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + savedFile(), e);
        }
        String services = saved.getProperty("services", "");
        return new StackSettings(Path.of(saved.getProperty("root", root.toString())), data,
                Integer.parseInt(saved.getProperty("store-port")), Integer.parseInt(saved.getProperty("kafka-port")),
                Integer.parseInt(saved.getProperty("controller-port")),
                Optional.ofNullable(saved.getProperty("external-kafka")), Optional.ofNullable(saved.getProperty("external-mongo")),
                services.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(services.split(","))),
                Integer.parseInt(saved.getProperty("port-offset", "0")));
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
        return number(name, env.get(name), fallback);
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
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
