package org.accord.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

/**
 * DIS ballots (the enquiry) prepared for measurements: a proposal submitted, its ballot open
 * with early close allowed, and every P-member but one having approved; the last P-member's vote
 * and then O-members' votes close it ({@link #closingVote}). Closing them gives proposals at 40.99
 * (approved without disapproval), ready for the approval that sends them to publication.
 */
public final class Enquiry {

    public static final String DIS_BALLOT = "40.20";
    public static final String DIS_APPROVED = "40.99";
    public static final String UNDER_PUBLICATION = "60.00";
    public static final String PUBLISHED = "60.60";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Enquiry() {
    }

    /** A ballot whose P-members but one have approved. */
    public record Pending(String proposalId, int projectNumber, String ballotId, String lastVoter) {
    }

    public static List<Pending> prepare(Bench bench, int count, String purpose) {
        Accord accord = bench.direct();
        List<String> voters = bench.participating();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Pending>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    JsonNode view = accord.submit("Benchmark " + purpose + " " + n + " " + Instant.now());
                    String id = view.path("id").asString();
                    JsonNode requested = accord.requestDisBallot(id, Instant.now().plus(Duration.ofHours(2)));
                    String ballotId = requested.path("ballot").path("ballotId").asString();
                    accord.awaitOpenBallot(id, ballotId, WAIT);
                    for (String voter : voters.subList(0, voters.size() - 1)) {
                        vote(accord, ballotId, voter);
                    }
                    return new Pending(id, view.path("projectNumber").asInt(), ballotId, voters.get(voters.size() - 1));
                }));
            }
            List<Pending> pending = new ArrayList<>();
            for (Future<Pending> future : futures) {
                pending.add(future.get());
            }
            return pending;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not prepare the ballots: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Proposals at 40.99, ready to be approved for publication. */
    public static List<Pending> approved(Bench bench, int count, String purpose) {
        List<Pending> pending = prepare(bench, count, purpose);
        for (Pending p : pending) {
            closingVote(bench, bench.direct(), p);
            bench.direct().awaitStage(p.proposalId(), Set.of(DIS_APPROVED), WAIT, Duration.ofMillis(50));
        }
        return pending;
    }

    /**
     * The vote that closes a pending ballot: the last P-member's, then the O-members' one by one until an answer
     * says CLOSED. ISO's enquiry counts O-members' votes too and closes before its deadline only once every member
     * has voted or no vote still to come can change the outcome, so the last P-member's vote alone does not close it.
     */
    public static Http.Response closingVote(Bench bench, Accord accord, Pending p) {
        Http.Response vote = vote(accord, p.ballotId(), p.lastVoter());
        java.util.Iterator<String> observers = bench.observing().iterator();
        while (!"CLOSED".equals(vote.json().path("ballotStatus").asString()) && observers.hasNext()) {
            vote = vote(accord, p.ballotId(), observers.next());
        }
        return vote;
    }

    /** APPROVE, retried on a conflict the voting service gave up on (concurrent votes on one ballot). */
    public static Http.Response vote(Accord accord, String ballotId, String memberBody) {
        Http.Response response = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            response = accord.vote(ballotId, memberBody, "APPROVE");
            if (response.status() != 409) {
                return response.requireOk();
            }
            if ("CLOSED".equals(response.json().path("ballotStatus").asString())) {
                // Closed early (closedBecause OUTCOME_SETTLED or ALL_VOTED): no vote still to come could change
                // the outcome, so the voting service refuses the rest; the workflow goes on with the stage it moved to.
                return response;
            }
            Accord.sleep(Duration.ofMillis(20L * (attempt + 1)));
        }
        return response.requireOk();
    }
}
