package org.accord.systemtests.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One proposal driven through the workflow by a scenario, and everything that was sent for it:
 * the comments of each period and the votes of each ballot, which the checks compare with what
 * the API reads back; the stage it must end in; and the edition it was published as.
 */
public final class ProposalRun {

    /** A comment as sent, in the template's fields. */
    public record SentComment(String memberBody, String clause, String type, String comment, String proposedChange) {
    }

    /** A comment period of the proposal and the comments sent into it. */
    public static final class Period {
        public final String periodId;
        public final String kind;
        final List<SentComment> sent = Collections.synchronizedList(new ArrayList<>());

        Period(String periodId, String kind) {
            this.periodId = periodId;
            this.kind = kind;
        }

        public List<SentComment> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }
    }

    /** A ballot of the proposal and the position each member body voted. */
    public static final class Ballot {
        public final String ballotId;
        public final String type;
        final Map<String, String> votes = new ConcurrentHashMap<>();

        Ballot(String ballotId, String type) {
            this.ballotId = ballotId;
            this.type = type;
        }

        public Map<String, String> votes() {
            return Map.copyOf(votes);
        }
    }

    /** A published edition as the publication service recorded it. */
    public record Edition(String designation, String slug, int edition, String textSha256, String previousEditionSha256) {

        public String feedEntryId() {
            return "urn:accord:standard:" + slug + ":edition:" + edition;
        }
    }

    public final String name;
    public final String committee;
    public final String title;
    public final String kind;
    public final String basedOn;
    volatile String proposalId;
    volatile Integer projectNumber;
    private volatile String step = "not started";
    private volatile java.util.function.Consumer<String> onStep = s -> { };
    volatile String expectedFinalStage = "60.60";
    volatile Edition edition;
    final List<Period> periods = new CopyOnWriteArrayList<>();
    final List<Ballot> ballots = new CopyOnWriteArrayList<>();

    public ProposalRun(String name, String committee, String title, String kind, String basedOn) {
        this.name = name;
        this.committee = committee;
        this.title = title;
        this.kind = kind;
        this.basedOn = basedOn;
    }

    public String proposalId() {
        return proposalId;
    }

    /** The run begins a step: a fault drill armed on it may strike now. */
    void enter(String next) {
        step = next;
        onStep.accept(next);
    }

    /** Called with each step as the run enters it (a fault drill's trigger). */
    public void onStep(java.util.function.Consumer<String> listener) {
        onStep = listener;
    }

    /** What the run is doing now: printed when a fault hits it. */
    public String step() {
        return step;
    }

    public String expectedFinalStage() {
        return expectedFinalStage;
    }

    /** For a run that ends before publication (withdrawn, left after its comment period, a fault drill's submissions and uploads): where the checks find it. */
    public ProposalRun expectFinalStage(String stage) {
        expectedFinalStage = stage;
        return this;
    }

    /** The project number the submission was answered with, or null where its answer was lost. */
    public Integer projectNumber() {
        return projectNumber;
    }

    public Optional<Edition> edition() {
        return Optional.ofNullable(edition);
    }

    public List<Period> periods() {
        return List.copyOf(periods);
    }

    public List<Ballot> ballots() {
        return List.copyOf(ballots);
    }

    public Period period(String periodId) {
        return periods.stream().filter(p -> p.periodId.equals(periodId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No period " + periodId + " in run " + name));
    }

    public Period lastPeriod(String kind) {
        List<Period> ofKind = periods.stream().filter(p -> p.kind.equals(kind)).toList();
        if (ofKind.isEmpty()) {
            throw new IllegalStateException("No " + kind + " period in run " + name);
        }
        return ofKind.get(ofKind.size() - 1);
    }

    public Ballot lastBallot() {
        if (ballots.isEmpty()) {
            throw new IllegalStateException("No ballot in run " + name);
        }
        return ballots.get(ballots.size() - 1);
    }

    @Override
    public String toString() {
        return name + " (" + proposalId + ", " + step + ")";
    }
}
