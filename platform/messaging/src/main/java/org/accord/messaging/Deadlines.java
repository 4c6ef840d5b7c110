package org.accord.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Items that fall due at a stored time — comment periods and ballots at their deadlines, and
 * whatever else a service must act on at a given instant (reminders, reviews) — without reading
 * the store to find them. The schedule lives in memory: rebuilt at start (and every
 * {@code rebuildInterval}, for items another instance wrote) by one read of the items still
 * pending, and told by the service after every write that opens, moves or ends an item
 * ({@link #track}). Every {@code tick} the items due are fired one at a time; a fire is a
 * version-guarded command that changes nothing on an item already handled, so firing twice (two
 * instances, a retry) is harmless. A fire that fails stays scheduled and is fired again at the
 * next tick. Deadlines are stored data, so a restart still fires what fell due while it was down.
 */
public class Deadlines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    private static final Comparator<Deadline> BY_DUE = Comparator.comparing(Deadline::due).thenComparing(Deadline::id);

    /** An item that falls due at an instant. */
    public record Deadline(String id, Instant due) {
    }

    private final String name;
    private final Duration tick;
    private final Duration rebuildInterval;
    private final Clock clock;
    private final Map<String, Instant> byId = new HashMap<>();
    private final NavigableSet<Deadline> byDue = new TreeSet<>(BY_DUE);
    private volatile Supplier<Flux<Deadline>> pending;
    private volatile Function<String, Mono<?>> fire;
    private volatile Disposable running;

    public Deadlines(String name, Duration tick, Duration rebuildInterval, Clock clock) {
        this.name = name;
        this.tick = tick;
        this.rebuildInterval = rebuildInterval;
        this.clock = clock;
    }

    /**
     * What to read to rebuild the schedule (the pending items with their due times, from an
     * indexed query) and what to do with an item that falls due. Set once, before start.
     */
    public void handle(Supplier<Flux<Deadline>> pending, Function<String, Mono<?>> fire) {
        this.pending = pending;
        this.fire = fire;
    }

    /** After a write: the item is due at {@code due}, or, with null, no longer scheduled. */
    public synchronized void track(String id, Instant due) {
        Instant previous = due == null ? byId.remove(id) : byId.put(id, due);
        if (previous != null) {
            byDue.remove(new Deadline(id, previous));
        }
        if (due != null) {
            byDue.add(new Deadline(id, due));
        }
    }

    /** Items scheduled, due or not. */
    public synchronized int size() {
        return byId.size();
    }

    /** The item's scheduled time, or null. */
    public synchronized Instant dueOf(String id) {
        return byId.get(id);
    }

    private synchronized List<Deadline> dueAt(Instant now) {
        List<Deadline> due = new ArrayList<>();
        for (Deadline deadline : byDue) {
            if (deadline.due().isAfter(now)) {
                break;
            }
            due.add(deadline);
        }
        return due;
    }

    /** Removes an item that was fired, unless a write moved it meanwhile. */
    private synchronized void fired(Deadline deadline) {
        if (deadline.due().equals(byId.get(deadline.id()))) {
            byId.remove(deadline.id());
            byDue.remove(deadline);
        }
    }

    /** Fires every item due now, one at a time; emits how many were fired successfully. */
    public Mono<Long> fireDue() {
        return Flux.defer(() -> Flux.fromIterable(dueAt(clock.instant())))
                .concatMap(deadline -> fire.apply(deadline.id())
                        .then(Mono.fromRunnable(() -> fired(deadline)).thenReturn(true))
                        .onErrorResume(e -> {
                            log.warn("Could not handle {} {} due at {}; the next tick retries: {}", name, deadline.id(),
                                    deadline.due(), e.toString());
                            return Mono.just(false);
                        }))
                .filter(Boolean::booleanValue)
                .count();
    }

    /** Reads the pending items from the store and schedules each; emits how many it read. */
    public Mono<Long> rebuild() {
        return Flux.defer(pending).doOnNext(d -> track(d.id(), d.due())).count()
                .doOnNext(read -> log.debug("{} schedule rebuilt: {} pending", name, read));
    }

    @Override
    public void start() {
        if (pending == null || fire == null) {
            throw new IllegalStateException("No handler for the " + name + " schedule");
        }
        Flux<Mono<Long>> rebuilds = Flux.interval(Duration.ZERO, rebuildInterval).map(i -> rebuild());
        Flux<Mono<Long>> ticks = Flux.interval(tick, tick).map(i -> fireDue());
        running = Flux.merge(rebuilds, ticks)
                .onBackpressureDrop()
                // One step at a time: a slow rebuild or fire makes the next tick wait instead of overlapping it.
                .concatMap(step -> step.onErrorResume(e -> {
                    log.warn("{} schedule step failed; the next one retries: {}", name, e.toString());
                    return Mono.just(0L);
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = running;
        return current != null && !current.isDisposed();
    }
}
