package org.accord.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.benchmark.report.Measurement;
import org.accord.benchmark.report.Numbers;
import org.accord.benchmark.report.Reading;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * 5. The whole workflow through the gateway, as people would run it with short deadlines and
 * early close: the editor submits a draft and opens a committee consultation; each of the 30
 * member bodies sends three comments; the editor closes the consultation early and requests the
 * DIS ballot (early close allowed); every member body approves, the O-members first, so the last
 * P-member's vote closes it; the editor sends the approved draft to publication, and the
 * proposal is done when the standard is published (60.60). Several proposals run at once.
 */
public final class Workflow {

    static final int COMMENTS_PER_MEMBER = 3;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Bench bench;
    private final AtomicInteger requests = new AtomicInteger();

    public Workflow(Bench bench) {
        this.bench = bench;
    }

    public void run() {
        int proposals = bench.options().size(15, 1);
        int concurrency = bench.options().size(3, 1);
        List<String> members = bench.members();
        Bench.log("5. workflow: %d proposals, %d at a time, %d member bodies voting and commenting", proposals, concurrency,
                members.size());
        ExecutorService pipelines = Executors.newFixedThreadPool(concurrency);
        ExecutorService memberBodies = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Long> durations = new ConcurrentLinkedQueue<>();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long[] window = new long[2];
        bench.part("5 whole workflow", () -> {
            window[0] = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < proposals; i++) {
                int n = i;
                futures.add(pipelines.submit(() -> {
                    long start = System.nanoTime();
                    try {
                        oneProposal(n, members, memberBodies);
                        durations.add(System.nanoTime() - start);
                    } catch (RuntimeException e) {
                        failures.add(e.getMessage());
                        Bench.log("   proposal %d failed: %s", n, e.getMessage());
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            window[1] = System.nanoTime();
            return null;
        });
        pipelines.shutdownNow();
        memberBodies.shutdownNow();
        double minutes = (window[1] - window[0]) / 60e9;
        Distribution each = Distribution.ofNanos(durations);
        double perMinute = durations.size() / minutes;
        Bench.log("   %d of %d published in %.1f min: %.1f proposals/min; each p50 %.1f s", durations.size(), proposals, minutes,
                perMinute, each.percentile(50) / 1000);
        bench.report().add(Measurement.of("5", "Whole workflow: proposals taken from submission to publication, " + members.size()
                        + " member bodies voting and commenting", Reading.of(perMinute, "proposals/min"))
                .notes(String.format(Locale.ROOT, "%d of %d proposals reached 60.60 in %.1f min, %d at a time, all through the gateway "
                                + "with each actor's own token (%,d commands, comment batches and votes; status polls not counted). Per proposal: submit, open a "
                                + "consultation, %d member bodies x %d comments (one batch each), close early, DIS ballot with early "
                                + "close, %d approvals (O-members first), skip the final ballot, publication. Time per proposal p50 "
                                + "%s s, max %s s.%s", durations.size(), proposals, minutes, concurrency, requests.get(), members.size(),
                        COMMENTS_PER_MEMBER, members.size(), Numbers.format(each.percentile(50) / 1000),
                        Numbers.format(each.max() / 1000), failures.isEmpty() ? "" : " Failed: " + failures.get(0))
                        + " " + bench.cpuPerItem("5 whole workflow", durations.size(), "proposal") + ".")
                .build());
    }

    private void oneProposal(int n, List<String> members, ExecutorService memberBodies) {
        Accord accord = bench.gateway();
        JsonNode view = accord.submit("Benchmark workflow " + n + " " + Instant.now());
        String id = view.path("id").asString();
        requests.incrementAndGet();
        JsonNode opened = accord.openCommentPeriod(id, Instant.now().plus(Duration.ofMinutes(10)));
        requests.incrementAndGet();
        String periodId = opened.path("commentPeriod").path("periodId").asString();
        JsonNode period = accord.awaitCommentPeriod(periodId, WAIT);
        List<String> clauses = new ArrayList<>();
        period.path("clauses").forEach(c -> clauses.add(c.path("number").asString()));

        all(memberBodies, members, member -> {
            ArrayNode batch = Json.array();
            for (int i = 0; i < COMMENTS_PER_MEMBER; i++) {
                batch.add(Ingestion.comment(clauses, members.indexOf(member) * COMMENTS_PER_MEMBER + i, "workflow " + member));
            }
            accord.http().exchange(accord.batchOfComments(periodId, member, Json.write(batch))).block(Http.BLOCK).requireOk();
        });
        accord.closeCommentPeriod(id, periodId);
        requests.incrementAndGet();
        accord.awaitStage(id, Set.of("30.60"), WAIT, POLL);

        JsonNode requested = accord.requestDisBallot(id, Instant.now().plus(Duration.ofMinutes(10)));
        requests.incrementAndGet();
        String ballotId = requested.path("ballot").path("ballotId").asString();
        accord.awaitOpenBallot(id, ballotId, WAIT);
        all(memberBodies, bench.observing(), member -> Enquiry.vote(accord, ballotId, member));
        all(memberBodies, bench.participating(), member -> Enquiry.vote(accord, ballotId, member));
        accord.awaitStage(id, Set.of(Enquiry.DIS_APPROVED), WAIT, POLL);

        accord.skipFinalBallot(id).requireOk();
        requests.incrementAndGet();
        accord.awaitStage(id, Set.of(Enquiry.PUBLISHED), WAIT, POLL);
    }

    /** The same step for each member body, several at once; fails with the first failure. */
    private void all(ExecutorService pool, List<String> members, java.util.function.Consumer<String> step) {
        List<Future<?>> futures = new ArrayList<>();
        for (String member : members) {
            futures.add(pool.submit(() -> {
                step.accept(member);
                requests.incrementAndGet();
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
