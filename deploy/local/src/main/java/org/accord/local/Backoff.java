package org.accord.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the supervisor starts a process that died again: after {@link #FIRST}, doubling with each
 * death in a row up to {@link #CAP}; a process that stayed up {@link #STABLE} starts over at the
 * first delay; after {@link #ATTEMPTS} deaths in a row it stays down (a process that cannot start
 * is a fault to read in its log, not one to hide by starting it for ever).
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofMinutes(2);
    static final int ATTEMPTS = 10;

    private final Clock clock;
    private int failures;
    private long alivePid = -1;
    private Instant aliveSince;
    private long reportedPid = -1;
    private volatile boolean pending;

    Backoff() {
        this(Clock.systemUTC());
    }

    Backoff(Clock clock) {
        this.clock = clock;
    }

    /** The process of this name runs under {@code pid}; once it has run {@link #STABLE}, the count starts over. */
    synchronized void seenAlive(long pid) {
        Instant now = clock.instant();
        if (pid != alivePid) {
            alivePid = pid;
            aliveSince = now;
        } else if (!Duration.between(aliveSince, now).minus(STABLE).isNegative()) {
            failures = 0;
        }
    }

    /** True the first time the death of this pid is seen. */
    synchronized boolean firstNewsOf(long pid) {
        if (pid == reportedPid) {
            return false;
        }
        reportedPid = pid;
        return true;
    }

    /** The delay before the next attempt, or empty when it has died {@link #ATTEMPTS} times in a row. */
    synchronized Optional<Duration> next() {
        if (failures >= ATTEMPTS) {
            return Optional.empty();
        }
        Duration delay = FIRST.multipliedBy(1L << Math.min(failures, 30));
        failures++;
        pending = true;
        return Optional.of(delay.compareTo(CAP) > 0 ? CAP : delay);
    }

    synchronized int attempts() {
        return failures;
    }

    boolean pending() {
        return pending;
    }

    /** The attempt is over; when it failed before a process was recorded, the next look tries again. */
    synchronized void done(boolean started) {
        pending = false;
        if (!started) {
            reportedPid = -1;
        }
    }
}
