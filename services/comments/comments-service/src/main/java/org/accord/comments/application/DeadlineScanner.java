package org.accord.comments.application;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes comment periods whose deadline has passed. Deadlines are stored data, not timers, so a
 * period that fell due while the service was down closes at the first scan after it starts; with
 * several instances each scans, and the version-guarded close makes the second close a no-op.
 */
@Component
public class DeadlineScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

    private final CommentPeriods periods;
    private final Duration interval;
    private volatile Disposable scanning;

    public DeadlineScanner(CommentPeriods periods, @Value("${accord.deadlines.scan-interval:PT1S}") Duration interval) {
        this.periods = periods;
        this.interval = interval;
    }

    @Override
    public void start() {
        scanning = Flux.interval(interval, interval)
                .onBackpressureDrop()
                // One scan at a time: a slow scan makes the next tick wait instead of overlapping it.
                .concatMap(tick -> periods.closeDue().then()
                        .onErrorResume(e -> {
                            log.warn("Deadline scan failed, the next one retries: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = scanning;
        if (current != null) {
            current.dispose();
        }
        scanning = null;
    }

    @Override
    public boolean isRunning() {
        return scanning != null && !scanning.isDisposed();
    }
}
