package org.accord.local;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class with SIGINT ignored. A terminal's Ctrl-C reaches every process of the
 * foreground group at once; the store and the broker must outlive the services' graceful
 * shutdown (their last writes, offset commits and outbox removals), so they leave SIGINT to the
 * launcher, which ends them with SIGTERM once the services are gone.
 *
 * <p>Usage: {@code ShieldedMain <main class> [args...]}
 */
public final class ShieldedMain {

    private ShieldedMain() {
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("Usage: ShieldedMain <main class> [args...]");
            System.exit(2);
        }
        try {
            // A handler that does nothing; a handler installed later (Kafka's logs the signal) chains to it.
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException unsupported) {
            // No SIGINT on this platform: nothing to shield from.
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
