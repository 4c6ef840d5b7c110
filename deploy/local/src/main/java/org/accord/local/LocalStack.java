package org.accord.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.accord.local.ServiceCatalogue.ServiceSpec;
import org.bson.Document;

/**
 * Accord on one machine with only a JDK: the Mongo-wire store and the real Kafka broker (KRaft)
 * as processes of their own, then every service as its own {@code java} process on its fixed
 * port. It waits until each answers its health check, prints where everything is, and ends every
 * child process on Ctrl-C or {@code stop}. Everything it keeps lives in one data directory, so a
 * restart finds every proposal again.
 *
 * <p>Usage: {@code LocalStack [start] [--services=a,b|none] [--data=DIR] [--port-offset=N]} or {@code LocalStack stop}.
 */
public final class LocalStack {

    /** Flags that fit six Boot services with the broker and store into about 2 GB (STACK-NOTES). */
    static final List<String> SERVICE_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=192m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");
    static final List<String> STORE_FLAGS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:MaxMetaspaceSize=96m");

    static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration BROKER_TIMEOUT = Duration.ofSeconds(120);
    /** How long a service may take to answer UP (-Daccord.local.service-timeout-seconds on a crowded machine). */
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(Long.getLong("accord.local.service-timeout-seconds", 300));
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final PrintStream out;
    private final Supervisor supervisor;
    private final Instant started = Instant.now();
    private final Map<String, String> notRunning = new ConcurrentHashMap<>();
    /** Own threads: the common pool has one thread on two cores, which would serialise the health checks. */
    private final ExecutorService waiting = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "accord-local-wait");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, StackProcess> services = new ConcurrentHashMap<>();
    /** Processes ended on purpose (a fault drill): their exit is news to nobody. */
    private final java.util.Set<Long> deliberate = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.supervisor = new Supervisor(settings.pidFile(), settings.logs());
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "start" : arguments.get(0);
        List<String> options = arguments.isEmpty() || arguments.get(0).startsWith("--") ? arguments : arguments.subList(1, arguments.size());
        PrintStream out = System.out;
        StackSettings settings;
        try {
            settings = StackSettings.from(System.getenv(), options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        switch (command) {
            case "start" -> new LocalStack(settings, out).run();
            case "stop" -> System.exit(stopRunning(settings, out) ? 0 : 1);
            default -> {
                System.err.println("Usage: LocalStack [start] [--services=" + String.join(",", ServiceCatalogue.names())
                        + "|none] [--data=DIR] [--port-offset=N]   |   LocalStack stop");
                System.exit(2);
            }
        }
    }

    /** Starts everything, prints the table, and stays until Ctrl-C, {@code stop}, or every child has ended. */
    void run() {
        out.println("Accord local stack: data in " + settings.data());
        Optional<Long> running = runningLauncher(settings);
        if (running.isPresent()) {
            out.println("A local stack already runs from this data directory (pid " + running.get()
                    + "). Stop it with: deploy/local/run.sh stop");
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "accord-local-shutdown"));
        try {
            startInfrastructure();
            startServices();
        } catch (RuntimeException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        printTable();
        awaitChildren();
    }

    /** The store and the broker, each embedded unless MONGODB_URI / KAFKA_BOOTSTRAP_SERVERS name existing ones. */
    public void startInfrastructure() {
        if (settings.externalMongo().isEmpty()) {
            requireFree("store", settings.storePort());
        }
        if (settings.externalKafka().isEmpty()) {
            requireFree("kafka", settings.kafkaPort());
            requireFree("kafka controller", settings.controllerPort());
        }
        Path lib = installRunCopies();
        CompletableFuture<Void> store = CompletableFuture.runAsync(() -> startStore(lib), waiting);
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> startBroker(lib), waiting);
        try {
            CompletableFuture.allOf(store, broker).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Path installRunCopies() {
        if (!Files.exists(settings.localJar()) || !Files.isDirectory(settings.kafkaLib())) {
            throw new IllegalStateException("The local stack is not built (" + settings.localJar() + ", "
                    + settings.kafkaLib() + "): run deploy/local/run.sh --build");
        }
        RunFolder.copy(settings.localJar(), settings.run().resolve("accord-local.jar"));
        return RunFolder.mirrorJars(settings.kafkaLib(), settings.run().resolve("kafka-lib"));
    }

    private void startStore(Path lib) {
        if (settings.externalMongo().isPresent()) {
            say("store", "using MONGODB_URI " + settings.mongoUri());
            awaitStore(settings.mongoUri(), STORE_TIMEOUT, () -> true);
            say("store", "answers ping");
            return;
        }
        Path file = settings.data().resolve("store").resolve("accord.mv.db");
        StackProcess store = supervisor.start("store", Supervisor.javaCommand("store", STORE_FLAGS, List.of(
                        "-cp", Supervisor.classpath(settings.run().resolve("accord-local.jar"), lib.resolve("*")),
                        ShieldedMain.class.getName(), MongoWireStore.class.getName(),
                        "--port=" + settings.storePort(), "--file=" + file)),
                Map.of(), true);
        watch(store);
        awaitStore(settings.mongoUri(), STORE_TIMEOUT, store::alive);
        store.markReady();
        say("store", String.format(Locale.ROOT, "ready on %s (%.1f s), documents in %s",
                settings.mongoUri(), seconds(store.readyAfter()), file));
    }

    private void startBroker(Path lib) {
        if (settings.externalKafka().isPresent()) {
            say("kafka", "using KAFKA_BOOTSTRAP_SERVERS " + settings.kafkaBootstrapServers());
            KafkaBroker.awaitReady(settings.kafkaBootstrapServers(), BROKER_TIMEOUT, () -> true);
            say("kafka", "answers");
            return;
        }
        KafkaBroker broker = new KafkaBroker(settings);
        if (!broker.formatted()) {
            say("kafka", "formatting the storage in " + settings.data().resolve("kafka") + " (first start)");
        }
        broker.prepare(supervisor, lib);
        Path log4j = broker.writeLogConfig(settings.run().resolve("kafka-log4j2.properties"));
        StackProcess process = supervisor.start("kafka",
                broker.command(settings.run().resolve("accord-local.jar"), lib, log4j), Map.of(), true);
        watch(process);
        KafkaBroker.awaitReady(settings.kafkaBootstrapServers(), BROKER_TIMEOUT, process::alive);
        process.markReady();
        say("kafka", String.format(Locale.ROOT, "ready on %s (%.1f s), KRaft, log dirs in %s",
                settings.kafkaBootstrapServers(), seconds(process.readyAfter()), settings.data().resolve("kafka")));
    }

    /** Starts every chosen service at once (startup is CPU-bound; in parallel the whole is quickest) and waits for health. */
    public void startServices() {
        List<CompletableFuture<Boolean>> health = new ArrayList<>();
        for (ServiceSpec spec : ServiceCatalogue.SERVICES) {
            if (!settings.services().contains(spec.name())) {
                continue;
            }
            Path jar = settings.root().resolve(spec.jar());
            if (!Files.exists(jar)) {
                String reason = "not built (" + spec.jar() + ")" + (spec.optional() ? "" : "; run deploy/local/run.sh --build");
                notRunning.put(spec.name(), reason);
                say(spec.name(), (spec.optional() ? "skipped: " : "MISSING: ") + reason);
                continue;
            }
            int port = settings.portOf(spec);
            if (listening(port)) {
                notRunning.put(spec.name(), "port " + port + " is taken by another program");
                say(spec.name(), "NOT STARTED: port " + port + " is taken by another program");
                continue;
            }
            StackProcess process = launchService(spec, jar);
            health.add(CompletableFuture.supplyAsync(() -> awaitHealthy(spec, process), waiting));
        }
        CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
        services.values().forEach(this::watch);
    }

    /**
     * What every service is told: where the broker, the store and the token issuer are (the issuer
     * URL is also what identity writes into its tokens), and, for the gateway, where each service is.
     */
    Map<String, String> serviceEnvironment(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("MONGODB_URI", settings.mongoUri());
        env.put("ACCORD_ISSUER_URI", settings.urlOf("identity"));
        // Identity keeps its signing key under it, so tokens stay valid across restarts.
        env.put("ACCORD_DATA", settings.data().toString());
        for (ServiceSpec target : ServiceCatalogue.SERVICES) {
            if (!target.name().equals("gateway")) {
                env.put("ACCORD_" + target.name().toUpperCase(Locale.ROOT) + "_URI", settings.urlOf(target));
            }
        }
        env.put("SERVER_PORT", Integer.toString(settings.portOf(spec)));
        if (spec.name().equals("gateway")) {
            // Its actuator answers only there (the public port routes just the health checks to it).
            env.put("ACCORD_GATEWAY_MANAGEMENT_PORT", Integer.toString(StackSettings.GATEWAY_MANAGEMENT_PORT + settings.portOffset()));
        }
        return env;
    }

    private StackProcess launchService(ServiceSpec spec, Path jar) {
        Path copy = RunFolder.copy(jar, settings.run().resolve(spec.name() + ".jar"));
        StackProcess process = supervisor.start(spec.name(),
                Supervisor.javaCommand(spec.name(), SERVICE_FLAGS, List.of("-jar", copy.toString())), serviceEnvironment(spec), false);
        services.put(spec.name(), process);
        say(spec.name(), "starting on port " + settings.portOf(spec) + " (log " + process.log() + ")");
        return process;
    }

    private boolean awaitHealthy(ServiceSpec spec, StackProcess process) {
        String url = settings.urlOf(spec);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        Instant deadline = Instant.now().plus(SERVICE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                notRunning.put(spec.name(), "exited with code " + process.process().exitValue());
                say(spec.name(), "FAILED: exited with code " + process.process().exitValue() + "; last lines of " + process.log() + ":");
                process.tail(15).forEach(line -> out.println("      | " + line));
                return false;
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    process.markReady();
                    notRunning.remove(spec.name());
                    say(spec.name(), String.format(Locale.ROOT, "UP at %s (%.1f s)", url, seconds(process.readyAfter())));
                    return true;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            KafkaBroker.sleep(Duration.ofMillis(500));
        }
        notRunning.put(spec.name(), "no UP health within " + SERVICE_TIMEOUT.toSeconds() + " s");
        say(spec.name(), "NOT UP within " + SERVICE_TIMEOUT.toSeconds() + " s; see " + process.log());
        return false;
    }

    // ---------------------------------------------------------------- one process at a time (fault drills)

    /** The running process of that name (a service, {@code kafka} or {@code store}), if there is one. */
    public Optional<StackProcess> process(String name) {
        return supervisor.processes().stream().filter(p -> p.name().equals(name)).reduce((first, later) -> later);
    }

    /**
     * Ends one process at once, as {@code kill -9} does: no shutdown hook, no graceful close, no
     * last commit. What the stack does afterwards is what a crash leaves it to do.
     */
    public void kill(String name) {
        StackProcess process = running(name);
        deliberate.add(process.pid());
        say(name, "killing pid " + process.pid() + " (SIGKILL)");
        process.kill();
    }

    /** Stops one process gracefully (SIGTERM), waiting for it to end. */
    public void stop(String name) {
        StackProcess process = running(name);
        deliberate.add(process.pid());
        say(name, "stopping pid " + process.pid());
        process.terminate();
        process.awaitExit(STOP_GRACE);
    }

    /**
     * Starts a stopped or killed process again from the same run copies and data, and waits until
     * it is ready (services: health UP; the broker: it answers; the store: it answers ping).
     */
    public void start(String name) {
        process(name).filter(StackProcess::alive).ifPresent(p -> {
            throw new IllegalStateException(name + " still runs (pid " + p.pid() + ")");
        });
        Path lib = settings.run().resolve("kafka-lib");
        switch (name) {
            case "kafka" -> startBroker(lib);
            case "store" -> startStore(lib);
            default -> {
                ServiceSpec spec = ServiceCatalogue.spec(name);
                StackProcess process = launchService(spec, settings.root().resolve(spec.jar()));
                if (!awaitHealthy(spec, process)) {
                    throw new IllegalStateException(name + " did not come back: " + notRunning.get(name) + "; see " + process.log());
                }
                watch(process);
            }
        }
    }

    private StackProcess running(String name) {
        return process(name).filter(StackProcess::alive)
                .orElseThrow(() -> new IllegalStateException("No running process named " + name));
    }

    void printTable() {
        out.println();
        long up = services.values().stream().filter(p -> p.readyAfter() != null).count();
        out.printf(Locale.ROOT, "Accord local stack: %d of %d services UP after %.0f s%n", up,
                settings.services().size(), seconds(Duration.between(started, Instant.now())));
        out.printf(Locale.ROOT, "  %-12s %-28s %-8s %-9s %-8s %s%n", "process", "address", "pid", "ready", "rss", "serves");
        supervisor.processes().stream().filter(StackProcess::infrastructure).forEach(p -> row(p,
                p.name().equals("store") ? settings.mongoUri() : settings.kafkaBootstrapServers(),
                p.name().equals("store") ? "Mongo-wire store (one machine; production runs on MongoDB)" : "Apache Kafka broker, KRaft"));
        if (settings.externalMongo().isPresent()) {
            out.printf(Locale.ROOT, "  %-12s %s (MONGODB_URI)%n", "store", settings.mongoUri());
        }
        if (settings.externalKafka().isPresent()) {
            out.printf(Locale.ROOT, "  %-12s %s (KAFKA_BOOTSTRAP_SERVERS)%n", "kafka", settings.kafkaBootstrapServers());
        }
        for (ServiceSpec spec : ServiceCatalogue.SERVICES) {
            StackProcess p = services.get(spec.name());
            if (notRunning.containsKey(spec.name())) {
                out.printf(Locale.ROOT, "  %-12s %-28s %s%n", spec.name(), settings.urlOf(spec), notRunning.get(spec.name()));
            } else if (p != null) {
                row(p, settings.urlOf(spec), spec.paths());
            }
        }
        out.println();
        out.println("Health: <address>/actuator/health   API docs: <address>/swagger-ui.html   Logs: " + settings.logs());
        out.println("Stop with Ctrl-C here, or deploy/local/run.sh stop from another terminal.");
    }

    private void row(StackProcess p, String address, String serves) {
        OptionalLong rss = p.rssKib();
        out.printf(Locale.ROOT, "  %-12s %-28s %-8d %-9s %-8s %s%n", p.name(), address, p.pid(),
                p.readyAfter() == null ? "-" : String.format(Locale.ROOT, "%.1f s", seconds(p.readyAfter())),
                rss.isPresent() ? (rss.getAsLong() / 1024) + " MB" : "-", serves);
    }

    /** Stops every child process; safe to call more than once (the shutdown hook calls it too). */
    public synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (!supervisor.processes().isEmpty()) {
            out.println("Stopping the local stack ...");
            supervisor.stopAll(STOP_GRACE);
            out.println("Stopped.");
        }
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    public StackSettings settings() {
        return settings;
    }

    private void awaitChildren() {
        List<CompletableFuture<Process>> exits = supervisor.processes().stream().map(p -> p.process().onExit()).toList();
        CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).join();
        if (!stopping) {
            out.println("Every process of the stack has ended.");
            System.exit(1);
        }
    }

    /** Reports a child that ends while the stack runs: the user sees it at once, with its log. */
    private void watch(StackProcess process) {
        process.process().onExit().thenAccept(p -> {
            if (!stopping && !deliberate.contains(p.pid())) {
                out.println();
                out.println("!! " + process.name() + " (pid " + p.pid() + ") exited with code " + p.exitValue()
                        + "; log " + process.log());
            }
        });
    }

    private void say(String name, String message) {
        synchronized (out) {
            out.printf(Locale.ROOT, "  %-12s %s%n", name, message);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static void requireFree(String what, int port) {
        if (listening(port)) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is taken: is a stack already running? "
                    + "Stop it with deploy/local/run.sh stop, or set KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI to use it.");
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the store at the URI answers {@code ping} through the real MongoDB driver. */
    public static void awaitStore(String uri, Duration timeout, BooleanSupplier stillRunning) {
        Instant deadline = Instant.now().plus(timeout);
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(2, TimeUnit.SECONDS))
                .build();
        RuntimeException last = null;
        try (MongoClient client = MongoClients.create(clientSettings)) {
            while (Instant.now().isBefore(deadline)) {
                if (!stillRunning.getAsBoolean()) {
                    throw new IllegalStateException("The store exited while starting");
                }
                try {
                    client.getDatabase("admin").runCommand(new Document("ping", 1));
                    return;
                } catch (RuntimeException e) {
                    last = e;
                    KafkaBroker.sleep(Duration.ofMillis(300));
                }
            }
        }
        throw new IllegalStateException("No store answered ping at " + uri + " within " + timeout
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    /** The launcher that owns this data directory, if it still runs. */
    static Optional<Long> runningLauncher(StackSettings settings) {
        return readPidFile(settings.pidFile()).entrySet().stream()
                .filter(e -> e.getKey().equals("launcher"))
                .map(Map.Entry::getValue)
                .filter(pid -> pid != ProcessHandle.current().pid())
                .filter(pid -> ProcessHandle.of(pid).filter(LocalStack::ours).isPresent())
                .findFirst();
    }

    /**
     * Stops a stack started elsewhere from the same data directory: asks its launcher to stop (it
     * ends its children in order), then ends any child that is still there.
     */
    public static boolean stopRunning(StackSettings settings, PrintStream out) {
        Map<String, Long> pids = readPidFile(settings.pidFile());
        if (pids.isEmpty()) {
            out.println("No local stack is running from " + settings.data() + " (no " + settings.pidFile() + ").");
            return true;
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> alive = pids.values().stream()
                .filter(pid -> pid != self)
                .map(ProcessHandle::of).flatMap(Optional::stream)
                .filter(LocalStack::ours).toList();
        if (alive.isEmpty()) {
            out.println("No process of the local stack is alive; removing the stale " + settings.pidFile());
            deleteQuietly(settings.pidFile());
            return true;
        }
        out.println("Stopping the local stack (" + alive.size() + " processes) ...");
        Optional<ProcessHandle> launcher = Optional.ofNullable(pids.get("launcher")).filter(pid -> pid != self)
                .flatMap(ProcessHandle::of).filter(LocalStack::ours);
        if (launcher.isPresent()) {
            launcher.get().destroy();
            awaitEnd(List.of(launcher.get()), STOP_GRACE.multipliedBy(2).plusSeconds(10));
        }
        // Whatever the launcher left (or all of it, when the launcher was killed): services
        // first, then the broker and the store, as the launcher itself would.
        Map<Long, String> names = new LinkedHashMap<>();
        pids.forEach((name, pid) -> names.put(pid, name));
        List<ProcessHandle> services = alive.stream().filter(h -> !isInfrastructure(names.get(h.pid()))).toList();
        List<ProcessHandle> infrastructure = alive.stream().filter(h -> isInfrastructure(names.get(h.pid()))).toList();
        for (List<ProcessHandle> group : List.of(services, infrastructure)) {
            group.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
            awaitEnd(group, STOP_GRACE);
            group.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        deleteQuietly(settings.pidFile());
        out.println("Stopped.");
        return true;
    }

    private static boolean isInfrastructure(String name) {
        return "store".equals(name) || "kafka".equals(name);
    }

    private static void awaitEnd(List<ProcessHandle> processes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && processes.stream().anyMatch(ProcessHandle::isAlive)) {
            KafkaBroker.sleep(Duration.ofMillis(200));
        }
    }

    /** Only processes whose command line says they belong to a local stack are ever signalled. */
    static boolean ours(ProcessHandle handle) {
        String commandLine = handle.info().commandLine().orElse("");
        return commandLine.contains(Supervisor.MARKER) || commandLine.contains("accord-local")
                || commandLine.contains(LocalStack.class.getName());
    }

    static Map<String, Long> readPidFile(Path pidFile) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.exists(pidFile)) {
            return pids;
        }
        try {
            for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[1].matches("\\d+")) {
                    pids.put(parts[0], Long.parseLong(parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
        return pids;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing depends on it: a later start overwrites a stale pid file.
        }
    }
}
