package org.accord.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class DeadlinesTest {

    static final Instant T0 = Instant.parse("2027-01-31T12:00:00Z");

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hands clock = new Hands();
    final Deadlines deadlines = new Deadlines("test item", Duration.ofHours(1), Duration.ofHours(1), clock);
    final List<String> fired = new ArrayList<>();
    final Map<String, Instant> stored = new ConcurrentHashMap<>();

    DeadlinesTest() {
        deadlines.handle(() -> Flux.fromIterable(stored.entrySet()).map(e -> new Deadlines.Deadline(e.getKey(), e.getValue())),
                id -> Mono.fromRunnable(() -> fired.add(id)));
    }

    @Test
    void shouldFireOnlyWhatIsDueInOrderOfDueTimeAndEachOnce() {
        deadlines.track("b", T0.plusSeconds(20));
        deadlines.track("a", T0.plusSeconds(10));
        deadlines.track("later", T0.plusSeconds(3600));

        assertThat(deadlines.fireDue().block()).isZero();
        clock.now = T0.plusSeconds(30);
        assertThat(deadlines.fireDue().block()).isEqualTo(2);
        assertThat(deadlines.fireDue().block()).isZero();

        assertThat(fired).containsExactly("a", "b");
        assertThat(deadlines.size()).isEqualTo(1);
    }

    @Test
    void shouldFollowADeadlineThatMovesAndForgetOneThatEnded() {
        deadlines.track("moved", T0.plusSeconds(10));
        deadlines.track("closed early", T0.plusSeconds(10));
        deadlines.track("moved", T0.plusSeconds(100));
        deadlines.track("closed early", null);

        clock.now = T0.plusSeconds(50);
        deadlines.fireDue().block();
        assertThat(fired).isEmpty();
        clock.now = T0.plusSeconds(100);
        deadlines.fireDue().block();
        assertThat(fired).containsExactly("moved");
    }

    @Test
    void shouldKeepAnItemWhoseHandlingFailedAndFireItAgainAtTheNextTick() {
        List<String> attempts = new ArrayList<>();
        deadlines.handle(Flux::empty, id -> Mono.fromRunnable(() -> attempts.add(id))
                .then(Mono.defer(() -> attempts.size() == 1 ? Mono.error(new IllegalStateException("store unavailable")) : Mono.empty())));
        deadlines.track("x", T0);

        assertThat(deadlines.fireDue().block()).isZero();
        assertThat(deadlines.dueOf("x")).isEqualTo(T0);
        assertThat(deadlines.fireDue().block()).isEqualTo(1);
        assertThat(attempts).containsExactly("x", "x");
        assertThat(deadlines.dueOf("x")).isNull();
    }

    @Test
    void shouldRebuildFromTheStoredItemsSoWhatFellDueWhileDownIsFiredAtTheFirstTick() {
        stored.put("overdue", T0.minusSeconds(600));
        stored.put("future", T0.plusSeconds(600));

        assertThat(deadlines.rebuild().block()).isEqualTo(2);
        deadlines.fireDue().block();

        assertThat(fired).containsExactly("overdue");
        assertThat(deadlines.dueOf("future")).isEqualTo(T0.plusSeconds(600));
    }
}
