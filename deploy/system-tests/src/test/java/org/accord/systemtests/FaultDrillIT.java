package org.accord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.accord.systemtests.stack.SystemStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long fault drill, run on demand: {@code -Daccord.fault-drill.kills=N} SIGKILLs, most of
 * them of the store and the broker, the rest of the workflow services, three to a round of
 * journeys, batch uploads and submissions (see {@link FaultRounds}), each round checked in full.
 *
 * <pre>./mvnw -B verify -pl deploy/system-tests -Dit.test=FaultDrillIT -Daccord.fault-drill.kills=20</pre>
 */
@Order(9)
@EnabledIfSystemProperty(named = "accord.fault-drill.kills", matches = "[1-9][0-9]*",
        disabledReason = "the long drill runs when -Daccord.fault-drill.kills=N asks for it")
class FaultDrillIT extends FaultRounds {

    private static final long SEED = Long.getLong("accord.system-tests.seed", System.nanoTime());
    static final int KILLS_PER_ROUND = 3;
    /** The store and the broker twice as often as each service: their kills are the ones that were never tried. */
    static final List<String> TARGETS;

    static {
        List<String> targets = new ArrayList<>(List.of("store", "store", "kafka", "kafka"));
        targets.addAll(SystemStack.WORKFLOW_SERVICES);
        TARGETS = List.copyOf(targets);
    }

    @Test
    void shouldKeepEveryAnsweredWriteAndEveryEventsStateThroughManyKills() {
        int kills = Integer.getInteger("accord.fault-drill.kills");
        Random random = new Random(SEED);
        System.out.println("FAULT drill of " + kills + " kills, seed " + SEED + " (repeat with -Daccord.system-tests.seed=" + SEED + ")");
        List<Round> rounds = new ArrayList<>();
        int done = 0;
        while (done < kills) {
            List<String> targets = new ArrayList<>();
            for (int k = 0; k < Math.min(KILLS_PER_ROUND, kills - done); k++) {
                targets.add(TARGETS.get(random.nextInt(TARGETS.size())));
            }
            rounds.add(round("drill" + (rounds.size() + 1), random, 2, targets));
            done += targets.size();
        }
        System.out.println("FAULT drill done: " + done + " kills in " + rounds.size() + " rounds");
        rounds.forEach(r -> System.out.println("FAULT   " + r));
        assertThat(rounds.stream().mapToInt(r -> r.killed().size()).sum()).isEqualTo(kills);
    }
}
