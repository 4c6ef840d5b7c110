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
    /** Names ended on purpose and not started again yet: the supervisor leaves them down. */
    private final java.util.Set<String> held = ConcurrentHashMap.newKeySet();
    /** Every process name this launcher has started: what it keeps running when it supervises. */
    private final java.util.Set<String> expected = ConcurrentHashMap.newKeySet();
    private final boolean supervise;
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    private volatile Thread watcher;
    private volatile boolean stopping;

    public LocalStack(StackSettings settings, PrintStream out) {
        this(settings, out, false);
    }

    /** @param supervise restart a process of the stack that dies, with an exponential back-off ({@link Backoff}) */
    public LocalStack(StackSettings settings, PrintStream out, boolean supervise) {
        this(settings, out, supervise, true);
    }

    private LocalStack(StackSettings settings, PrintStream out, boolean supervise, boolean launcher) {
        this.settings = settings;
        this.out = out;
        this.supervise = supervise;
        this.supervisor = new Supervisor(settings.pidFile(), settings.logs(), launcher);
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "start" : arguments.get(0);
        List<String> options = arguments.isEmpty() || arguments.get(0).startsWith("--") ? arguments : arguments.subList(1, arguments.size());
        PrintStream out = System.out;
        boolean supervise = options.contains("--supervise") || "true".equalsIgnoreCase(System.getenv("ACCORD_SUPERVISE"));
        options = options.stream().filter(option -> !option.equals("--supervise")).toList();
        String target = null;
        if (command.equals("restart")) {
            if (options.isEmpty() || options.get(0).startsWith("--")) {
                command = "usage";
            } else {
                target = options.get(0);
                options = options.subList(1, options.size());
            }
        }
        StackSettings settings;
        try {
            settings = StackSettings.from(System.getenv(), options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        switch (command) {
            case "start" -> new LocalStack(settings, out, supervise).run();
            case "stop" -> System.exit(stopRunning(settings, out) ? 0 : 1);
            case "restart" -> System.exit(restartRunning(settings, target, out) ? 0 : 1);
            default -> {
                System.err.println("Usage: LocalStack [start] [--supervise] [--services=" + String.join(",", ServiceCatalogue.names())
                        + "|none] [--data=DIR] [--port-offset=N]   |   LocalStack stop   |   LocalStack restart <"
                        + String.join("|", processNames()) + ">");
                System.exit(2);
            }
        }
    }

    /** The names the launcher gives its processes: what {@code restart} accepts. */
    static List<String> processNames() {
        List<String> names = new ArrayList<>(List.of("store", "kafka"));
        names.addAll(ServiceCatalogue.names());
        return names;
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
        settings.save();
        try {
            startInfrastructure();
            startServices();
        } catch (RuntimeException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        printTable();
        if (supervise) {
            out.println("Supervising: a process that dies is started again (back-off " + Backoff.FIRST.toSeconds() + " s doubling to "
                    + Backoff.CAP.toSeconds() + " s, " + Backoff.ATTEMPTS + " attempts in a row at most).");
        }
        startWatching();
        awaitStackEnd();
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
        if (supervise) {
            startWatching();
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
        expected.add("store");
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
        expected.add("kafka");
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
        if (spec.name().equals("identity")) {
            // A local stack gives every client the published <client-id>-secret, asked for by name
            // (identity refuses them otherwise); ACCORD_DEVELOPMENT_SECRETS=false in the launcher's
            // environment turns it off, for secrets from ACCORD_CLIENT_SECRETS_FILE.
            env.put("ACCORD_DEVELOPMENT_SECRETS", System.getenv().getOrDefault("ACCORD_DEVELOPMENT_SECRETS", "true"));
        }
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
        expected.add(spec.name());
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
        held.add(name);
        deliberate.add(process.pid());
        say(name, "killing pid " + process.pid() + " (SIGKILL)");
        process.kill();
    }

    /** Stops one process gracefully (SIGTERM), waiting for it to end. */
    public void stop(String name) {
        StackProcess process = running(name);
        held.add(name);
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
        held.remove(name);
        if (stopping) {
            throw new IllegalStateException("The stack is stopping: " + name + " is not started again");
        }
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
        long self = ProcessHandle.current().pid();
        boolean others = supervisor.records().read().values().stream()
                .anyMatch(r -> r.pid() != self && r.live().isPresent());
        if (!supervisor.processes().isEmpty() || others) {
            out.println("Stopping the local stack ...");
            supervisor.stopAll(STOP_GRACE);
            // Processes of this stack that another command started (run.sh restart) are ours to stop too.
            stopRecorded(supervisor.records(), STOP_GRACE);
            supervisor.records().delete();
            out.println("Stopped.");
        }
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    public StackSettings settings() {
        return settings;
    }

    /**
     * Stays while any process of the stack lives, whoever started it (a process started again by
     * {@code run.sh restart} is not this launcher's child, but it is the stack's), or a restart is
     * under way; exits once every one has ended.
     */
    private void awaitStackEnd() {
        while (!stopping) {
            KafkaBroker.sleep(Duration.ofSeconds(1));
            if (!stopping && !anyAlive() && backoffs.values().stream().noneMatch(Backoff::pending)) {
                out.println("Every process of the stack has ended.");
                System.exit(1);
            }
        }
    }

    private boolean anyAlive() {
        Map<String, PidRecords.Recorded> records = supervisor.records().read();
        return expected.stream().anyMatch(name -> records.containsKey(name) && records.get(name).live().isPresent()
                || restartingElsewhere(name));
    }

    /** Looks at the stack once a second: reports a process that ended and, when supervising, starts it again. */
    private synchronized void startWatching() {
        if (watcher != null) {
            return;
        }
        watcher = new Thread(() -> {
            while (!stopping) {
                try {
                    look();
                } catch (RuntimeException e) {
                    out.println("!! supervisor: " + e.getMessage());
                }
                KafkaBroker.sleep(Duration.ofSeconds(1));
            }
        }, "accord-local-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void look() {
        Map<String, PidRecords.Recorded> records = supervisor.records().read();
        for (String name : expected) {
            PidRecords.Recorded record = records.get(name);
            Backoff backoff = backoffs.computeIfAbsent(name, n -> new Backoff());
            if (record != null && record.live().isPresent()) {
                backoff.seenAlive(record.pid());
                continue;
            }
            if (stopping || held.contains(name) || backoff.pending() || restartingElsewhere(name)
                    || record == null || !backoff.firstNewsOf(record.pid())) {
                continue;
            }
            if (supervisor.processes().stream().noneMatch(p -> p.pid() == record.pid())) {
                // Not our child (started by run.sh restart): watch() could not report it.
                out.println();
                out.println("!! " + name + " (pid " + record.pid() + ") ended; log " + settings.logs().resolve(name + ".log"));
            }
            if (supervise) {
                superviseRestart(name, backoff);
            }
        }
    }

    private void superviseRestart(String name, Backoff backoff) {
        Optional<Duration> delay = backoff.next();
        if (delay.isEmpty()) {
            say(name, "NOT restarted: it died " + Backoff.ATTEMPTS + " times in a row; start it with deploy/local/run.sh restart " + name);
            return;
        }
        say(name, String.format(Locale.ROOT, "restarting in %.0f s (attempt %d)", seconds(delay.get()), backoff.attempts()));
        waiting.submit(() -> {
            long before = Optional.ofNullable(supervisor.records().read().get(name)).map(PidRecords.Recorded::pid).orElse(-1L);
            try {
                KafkaBroker.sleep(delay.get());
                if (!stopping && !held.contains(name) && !restartingElsewhere(name)) {
                    start(name);
                    say(name, "restarted (pid " + process(name).map(StackProcess::pid).orElse(-1L) + ")");
                }
            } catch (RuntimeException e) {
                say(name, "restart failed: " + e.getMessage());
            } finally {
                long after = Optional.ofNullable(supervisor.records().read().get(name)).map(PidRecords.Recorded::pid).orElse(-1L);
                backoff.done(after != before);
            }
        });
    }

    /** Whether {@code run.sh restart <name>} is at work on that process from another terminal. */
    private boolean restartingElsewhere(String name) {
        return restartMarker(settings, name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent();
    }

    private static Optional<Long> restartMarker(StackSettings settings, String name) {
        Path marker = settings.run().resolve("restarting-" + name);
        try {
            return Files.exists(marker) ? Optional.of(Long.parseLong(Files.readString(marker).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Reports a child that ends while the stack runs: the user sees it at once, with its log. */
    private void watch(StackProcess process) {
        process.process().onExit().thenAccept(p -> {
            if (!stopping && !deliberate.contains(p.pid()) && !restartingElsewhere(process.name())) {
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
        return Optional.ofNullable(new PidRecords(settings.pidFile()).read().get("launcher"))
                .filter(r -> r.pid() != ProcessHandle.current().pid())
                .flatMap(PidRecords.Recorded::live)
                .map(ProcessHandle::pid);
    }

    /**
     * Stops a stack started elsewhere from the same data directory: asks its launcher to stop (it
     * ends every process of the stack in order), then ends any recorded process that is still there,
     * also when the launcher itself was killed and whoever started the process.
     */
    public static boolean stopRunning(StackSettings settings, PrintStream out) {
        PidRecords records = new PidRecords(settings.pidFile());
        if (records.read().isEmpty()) {
            out.println("No local stack is running from " + settings.data() + " (no " + settings.pidFile() + ").");
            return true;
        }
        long self = ProcessHandle.current().pid();
        List<PidRecords.Recorded> alive = records.read().values().stream()
                .filter(r -> r.pid() != self && r.live().isPresent()).toList();
        if (alive.isEmpty()) {
            out.println("No process of the local stack is alive; removing the stale " + settings.pidFile());
            records.delete();
            return true;
        }
        out.println("Stopping the local stack (" + alive.size() + " processes) ...");
        alive.stream().filter(r -> r.name().equals("launcher")).findFirst().flatMap(PidRecords.Recorded::live).ifPresent(launcher -> {
            launcher.destroy();
            awaitEnd(List.of(launcher), STOP_GRACE.multipliedBy(2).plusSeconds(10));
        });
        // Whatever the launcher left (or all of it, when the launcher was killed).
        stopRecorded(records, STOP_GRACE);
        records.delete();
        out.println("Stopped.");
        return true;
    }

    /**
     * Ends every recorded process but this one: the services first, then the broker and the store,
     * as the launcher does; SIGTERM, then SIGKILL for what has not ended within the grace period.
     */
    static void stopRecorded(PidRecords records, Duration grace) {
        long self = ProcessHandle.current().pid();
        Map<String, PidRecords.Recorded> recorded = records.read();
        List<PidRecords.Recorded> others = recorded.values().stream()
                .filter(r -> r.pid() != self && !r.name().equals("launcher")).toList();
        for (boolean infrastructure : new boolean[] {false, true}) {
            List<ProcessHandle> group = others.stream().filter(r -> r.infrastructure() == infrastructure)
                    .map(PidRecords.Recorded::live).flatMap(Optional::stream).toList();
            group.forEach(ProcessHandle::destroy);
            awaitEnd(group, grace);
            group.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitEnd(group, Duration.ofSeconds(10));
        }
    }

    /**
     * {@code run.sh restart <name>} from another terminal: ends that process of the running stack
     * (SIGTERM, SIGKILL after the grace period), starts it again exactly as its launcher did (the
     * launcher's saved settings, the same run copies and data) and waits until it is ready; one that
     * died is just started. The new process is recorded, so the launcher's supervisor watches it and
     * {@code stop} ends it. A name the stack never started is refused.
     */
    public static boolean restartRunning(StackSettings given, String name, PrintStream out) {
        if (!processNames().contains(name)) {
            out.println("Unknown process '" + name + "' (known: " + String.join(", ", processNames()) + ")");
            return false;
        }
        StackSettings settings = given.asSaved();
        if (name.equals("store") && settings.externalMongo().isPresent()
                || name.equals("kafka") && settings.externalKafka().isPresent()) {
            out.println("The " + name + " of this stack is not one of its processes (MONGODB_URI / KAFKA_BOOTSTRAP_SERVERS)");
            return false;
        }
        Path marker = settings.run().resolve("restarting-" + name);
        try {
            Files.createDirectories(settings.run());
            Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
            LocalStack restarter = new LocalStack(settings, out, false, false);
            PidRecords.Recorded recorded = restarter.supervisor.records().read().get(name);
            if (recorded == null) {
                // A process that died is started again; one that was never part of this stack is not.
                out.println("No " + name + " was started from " + settings.data() + " (no record in " + settings.pidFile()
                        + "): start the stack with deploy/local/run.sh");
                return false;
            }
            Optional<ProcessHandle> running = recorded.live();
            if (running.isPresent()) {
                restarter.say(name, "stopping pid " + running.get().pid());
                running.get().destroy();
                awaitEnd(List.of(running.get()), STOP_GRACE);
                if (running.get().isAlive()) {
                    running.get().destroyForcibly();
                    awaitEnd(List.of(running.get()), Duration.ofSeconds(10));
                }
            }
            restarter.start(name);
            restarter.say(name, "restarted: pid " + restarter.process(name).map(StackProcess::pid).orElse(-1L));
            return true;
        } catch (IOException | RuntimeException e) {
            out.println("FAILED to restart " + name + ": " + e.getMessage());
            return false;
        } finally {
            deleteQuietly(marker);
        }
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

    /** The recorded pid of each process of the stack (and of its launcher), by name. */
    static Map<String, Long> readPidFile(Path pidFile) {
        Map<String, Long> pids = new LinkedHashMap<>();
        new PidRecords(pidFile).read().forEach((name, record) -> pids.put(name, record.pid()));
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
