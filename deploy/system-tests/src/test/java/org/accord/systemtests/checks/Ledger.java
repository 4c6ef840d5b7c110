package org.accord.systemtests.checks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.accord.systemtests.workflow.ProposalRun;

/**
 * Everything the scenarios of this JVM did to the shared stack: every proposal they drove, and
 * every record they deliberately made undeliverable. The checks after each scenario hold the
 * stack to all of it, so a later fault that damaged an earlier scenario's work is caught too.
 */
public final class Ledger {

    /** A record that must be in exactly this dead-letter topic. */
    public record ExpectedDeadLetter(String topic, String key, String value) {
    }

    private static final List<ProposalRun> RUNS = new CopyOnWriteArrayList<>();
    private static final Set<ExpectedDeadLetter> DEAD_LETTERS = ConcurrentHashMap.newKeySet();

    private Ledger() {
    }

    public static ProposalRun record(ProposalRun run) {
        RUNS.add(run);
        return run;
    }

    public static List<ProposalRun> runs() {
        return List.copyOf(RUNS);
    }

    public static void expectDeadLetter(ExpectedDeadLetter letter) {
        DEAD_LETTERS.add(letter);
    }

    public static Set<ExpectedDeadLetter> expectedDeadLetters() {
        return Set.copyOf(DEAD_LETTERS);
    }
}
