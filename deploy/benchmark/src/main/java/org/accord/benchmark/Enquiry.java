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
 * with early close allowed, and every P-member but one having approved, so that one vote closes
 * it. Closing them gives proposals at 40.99 (approved without disapproval), ready for the
 * approval that sends them to publication.
 */
public final class Enquiry {

    public static final String DIS_BALLOT = "40.20";
    public static final String DIS_APPROVED = "40.99";
    public static final String UNDER_PUBLICATION = "60.00";
    public static final String PUBLISHED = "60.60";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Enquiry() {
    }

    /** A ballot one P-member vote short of closing. */
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
            vote(bench.direct(), p.ballotId(), p.lastVoter());
            bench.direct().awaitStage(p.proposalId(), Set.of(DIS_APPROVED), WAIT, Duration.ofMillis(50));
        }
        return pending;
    }

    /** APPROVE, retried on a conflict the voting service gave up on (concurrent votes on one ballot). */
    public static Http.Response vote(Accord accord, String ballotId, String memberBody) {
        Http.Response response = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            response = accord.vote(ballotId, memberBody, "APPROVE");
            if (response.status() != 409) {
                return response.requireOk();
            }
            Accord.sleep(Duration.ofMillis(20L * (attempt + 1)));
        }
        return response.requireOk();
    }
}
