package org.accord.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void shouldDoubleTheDelayWithEachDeathInARowUpToTheCapAndThenGiveUp() {
        Backoff backoff = new Backoff(clock);
        List<Long> delays = new ArrayList<>();
        for (Optional<Duration> next = backoff.next(); next.isPresent(); next = backoff.next()) {
            delays.add(next.get().toSeconds());
            backoff.done(true);
        }

        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L);
        assertThat(backoff.next()).isEmpty();
    }

    @Test
    void shouldStartOverOnceTheProcessHasStayedUpLongEnough() {
        Backoff backoff = new Backoff(clock);
        backoff.next();
        backoff.next();
        backoff.seenAlive(42);
        clock.advance(Backoff.STABLE.minusSeconds(1));
        backoff.seenAlive(42);

        assertThat(backoff.next()).contains(Duration.ofSeconds(4));

        backoff.seenAlive(43);
        clock.advance(Backoff.STABLE);
        backoff.seenAlive(43);

        assertThat(backoff.next()).contains(Duration.ofSeconds(1));
    }

    @Test
    void shouldReportEachDeathOnceAndTryAgainWhenAnAttemptStartedNothing() {
        Backoff backoff = new Backoff(clock);

        assertThat(backoff.firstNewsOf(7)).isTrue();
        assertThat(backoff.firstNewsOf(7)).isFalse();
        backoff.next();
        assertThat(backoff.pending()).isTrue();
        backoff.done(false);

        assertThat(backoff.pending()).isFalse();
        assertThat(backoff.firstNewsOf(7)).as("no new process was recorded: the same death counts again").isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
