package org.accord.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.accord.local.LocalStack;
import org.accord.local.ServiceCatalogue;
import org.accord.local.StackProcess;
import org.accord.local.StackSettings;

/**
 * One whole Accord stack for this test JVM, started by deploy/local's launcher exactly as
 * {@code run.sh} starts it (the Mongo-wire store, the Kafka broker and every service as its own
 * process from its {@code target/*.jar}), on the fixed ports plus an offset so that it never
 * touches a developer's running stack, with its data in {@code target/system-stack}.
 */
public final class SystemStack implements AutoCloseable {

    /** The services a fault drill may kill; identity and the gateway are the edge, not the workflow. */
    public static final List<String> WORKFLOW_SERVICES = List.of("proposals", "comments", "voting", "publication");

    private static SystemStack shared;

    private final LocalStack stack;
    private final StackSettings settings;

    private SystemStack(LocalStack stack, StackSettings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    /** The stack of this JVM, started on first use (about a minute on two cores). */
    public static synchronized SystemStack shared() {
        if (shared == null) {
            shared = start();
            SystemStack started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "system-stack-shutdown"));
        }
        return shared;
    }

    private static SystemStack start() {
        Path root = Path.of(System.getProperty("accord.root", "../..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("accord.system-tests.data", "target/system-stack")).toAbsolutePath().normalize();
        deleteRecursively(data);
        int offset = Integer.getInteger("accord.system-tests.port-offset", freeOffset());
        StackSettings every = StackSettings.everything(root, data, offset);
        // One scenario on a loaded machine needs fewer: -Daccord.system-tests.services=identity,proposals,comments,gateway
        String only = System.getProperty("accord.system-tests.services", "");
        StackSettings settings = only.isBlank() ? every : new StackSettings(every.root(), every.data(), every.storePort(),
                every.kafkaPort(), every.controllerPort(), every.externalKafka(), every.externalMongo(),
                java.util.Set.of(only.split(",")), offset);
        for (ServiceCatalogue.ServiceSpec spec : ServiceCatalogue.SERVICES) {
            if (!Files.exists(root.resolve(spec.jar()))) {
                throw new IllegalStateException("Not built: " + spec.jar() + " (the reactor builds it before this module; "
                        + "alone: ./mvnw -q -B install -DskipTests -pl <module>)");
            }
        }
        Instant begin = Instant.now();
        LocalStack stack = new LocalStack(settings, System.out);
        SystemStack system = new SystemStack(stack, settings);
        try {
            stack.startInfrastructure();
            stack.startServices();
            List<String> down = settings.services().stream()
                    .filter(name -> stack.process(name).map(p -> !p.alive() || p.readyAfter() == null).orElse(true))
                    .toList();
            if (!down.isEmpty()) {
                throw new IllegalStateException("Not UP: " + down + "; logs in " + settings.logs());
            }
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        System.out.printf(Locale.ROOT, "SCENARIO stack-start took %.1f s (port offset %d, data %s)%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0, offset, data);
        return system;
    }

    public String gatewayUrl() {
        return settings.urlOf("gateway");
    }

    /** A service's own address, behind the gateway: for the checks of what a service answers itself. */
    public String serviceUrl(String name) {
        return settings.urlOf(name);
    }

    public String kafkaBootstrapServers() {
        return settings.kafkaBootstrapServers();
    }

    public Path logs() {
        return settings.logs();
    }

    /** {@code kill -9} of one process of the stack (a service, {@code kafka} or {@code store}). */
    public void kill(String name) {
        stack.kill(name);
    }

    /** SIGTERM, waiting for the end. */
    public void stop(String name) {
        stack.stop(name);
    }

    /** Starts the process again from the same data and waits until it is ready. */
    public Duration start(String name) {
        Instant begin = Instant.now();
        stack.start(name);
        return Duration.between(begin, Instant.now());
    }

    public boolean alive(String name) {
        return stack.process(name).map(StackProcess::alive).orElse(false);
    }

    @Override
    public void close() {
        stack.stop();
    }

    /**
     * An offset under which every port of the stack is free: 20000 normally (gateway 28080,
     * identity 29000, broker 29092, store 47017), another when a previous run still holds it.
     */
    private static int freeOffset() {
        for (int offset = 20_000; offset <= 30_000; offset += 500) {
            List<Integer> ports = new ArrayList<>(List.of(StackSettings.STORE_PORT + offset, StackSettings.KAFKA_PORT + offset,
                    StackSettings.CONTROLLER_PORT + offset));
            for (ServiceCatalogue.ServiceSpec spec : ServiceCatalogue.SERVICES) {
                ports.add(spec.port() + offset);
            }
            if (ports.stream().allMatch(SystemStack::free)) {
                return offset;
            }
        }
        throw new IllegalStateException("No free set of ports for a second stack between offsets 20000 and 30000");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + dir, e);
        }
    }
}
