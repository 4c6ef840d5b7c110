package org.accord.publication.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.accord.publication.config.FeedProperties;
import org.accord.publication.domain.FeedEvent;
import org.accord.publication.persistence.StandardQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import reactor.util.retry.Retry;

/**
 * This instance's live feed: ONE hot stream of feed events that every SSE client of the instance
 * shares, each client being only a filter on it, so an idle client costs a subscription and an
 * empty queue.
 * <p>
 * The stream is fed from the store, which is the source of the feed's order: when woken (by the
 * fan-out consumer of accord.standards.v1, which every instance runs in a group of its own, by a
 * local write, or by a periodic sweep), it reads the events after the last one it emitted and
 * emits them strictly in sequence order. A reserved number that is not written yet (a concurrent
 * write on another instance) holds back the numbers after it until it is written or
 * {@code holeGrace} has passed. A reconnecting client gets the events after its Last-Event-ID from
 * the store up to the emitted mark, then the live ones after that mark: no gap, no duplicate.
 */
@Component
public class LiveFeed implements SmartInitializingSingleton, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final Comparator<FeedEvent> BY_SEQUENCE = Comparator.comparingLong(FeedEvent::sequence);

    private final StandardQueries queries;
    private final FeedProperties properties;
    private final Clock clock;
    private final Sinks.Many<FeedEvent> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger subscribers = new AtomicInteger();
    /** The sequence of the last emitted event; written before each emission (see {@link #events}). */
    private volatile long emitted = -1;
    private long holeAt = -1;
    private Instant holeSeenAt;
    private volatile boolean running;
    private Disposable sweeper;

    public LiveFeed(StandardQueries queries, FeedProperties properties, Clock clock, MeterRegistry registry) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("accord.feeds.sse.subscribers", subscribers, AtomicInteger::get)
                .description("SSE clients connected to this instance").register(registry);
        Gauge.builder("accord.feeds.emitted.sequence", this, feed -> feed.emitted)
                .description("Sequence of the last feed event this instance emitted live").register(registry);
    }

    /** Starts after the events already in the store: clients get those by their Last-Event-ID. */
    @Override
    public void afterSingletonsInstantiated() {
        emitted = queries.figures(null).map(StandardQueries.FeedFigures::maxSequence)
                .retryWhen(Retry.backoff(5, Duration.ofSeconds(1)))
                .block(Duration.ofSeconds(60));
        log.info("Live feed starts after feed event {}", emitted);
    }

    /**
     * The feed events for one client: with {@code lastEventId}, first those after it (from the
     * store), then live ones; without, only live ones. {@code committee} filters them.
     */
    public Flux<FeedEvent> events(String committee, Long lastEventId) {
        return Flux.defer(() -> {
            Sinks.Many<FeedEvent> queue = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<FeedEvent>get(properties.subscriberBuffer()).get());
            // Subscribe before reading the mark: an event emitted before this subscription was
            // marked before it was emitted, so the mark read after covers it (replayed from the store).
            Disposable live = sink.asFlux().subscribe(
                    event -> {
                        if (queue.tryEmitNext(event).isFailure()) {
                            // Too slow a client: end its stream; it reconnects with its Last-Event-ID.
                            queue.tryEmitComplete();
                        }
                    },
                    error -> queue.tryEmitComplete(),
                    queue::tryEmitComplete);
            long mark = emitted;
            long from = lastEventId == null ? mark : lastEventId;
            long liveAfter = Math.max(mark, from);
            Flux<FeedEvent> missed = from >= mark ? Flux.empty() : between(from, mark, committee);
            return Flux.concat(missed, queue.asFlux().filter(e -> e.sequence() > liveAfter))
                    .filter(e -> committee == null || committee.equals(e.committeeId()))
                    .doOnSubscribe(s -> subscribers.incrementAndGet())
                    .doFinally(signal -> {
                        live.dispose();
                        subscribers.decrementAndGet();
                    });
        });
    }

    /** Feed events with sequence in (after, upTo], in order, from the store. */
    public Flux<FeedEvent> between(long after, long upTo, String committee) {
        return queries.changedAfter(after, committee)
                .flatMapIterable(stored -> stored.state().feedEvents())
                .filter(e -> e.sequence() > after && e.sequence() <= upTo)
                .sort(BY_SEQUENCE);
    }

    public int subscribers() {
        return subscribers.get();
    }

    /** Asks for a look at the store soon; cheap, safe from any thread, as often as wanted. */
    public void wake() {
        again.set(true);
        tryDrain();
    }

    private void tryDrain() {
        if (!running || !draining.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        queries.changedAfter(emitted, null)
                .flatMapIterable(stored -> stored.state().feedEvents())
                .filter(e -> e.sequence() > emitted)
                .collectSortedList(BY_SEQUENCE)
                .doOnNext(this::emitInOrder)
                .doOnError(e -> log.warn("Live feed could not read the store; the next sweep retries: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> {
                    draining.set(false);
                    if (again.get()) {
                        tryDrain();
                    }
                })
                .subscribe();
    }

    /** Runs in one drain at a time, so emissions are serialised. */
    private void emitInOrder(List<FeedEvent> events) {
        for (FeedEvent event : events) {
            long expected = emitted + 1;
            if (event.sequence() != expected) {
                Instant now = clock.instant();
                if (holeAt != expected) {
                    holeAt = expected;
                    holeSeenAt = now;
                }
                if (Duration.between(holeSeenAt, now).compareTo(properties.holeGrace()) < 0) {
                    return;
                }
                log.warn("Feed events {}..{} were reserved but never written; the live feed steps over them",
                        expected, event.sequence() - 1);
            }
            emitted = event.sequence();
            sink.tryEmitNext(event);
        }
    }

    @Override
    public void start() {
        running = true;
        sweeper = Flux.interval(properties.sweepInterval(), properties.sweepInterval()).subscribe(tick -> wake());
        wake();
    }

    /** Ends every client's stream before the web server's graceful shutdown waits for them. */
    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.dispose();
        }
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512;
    }
}
