package org.accord.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.accord.systemtests.api.AccordApi;
import org.accord.systemtests.api.Reply;
import org.accord.systemtests.checks.EventChecks;
import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.Workflow;

/**
 * One round of faults as an operator would cause them: while whole journeys run, national
 * bodies upload comment batches with Idempotency-Keys and editors submit proposals at once, one
 * after another, the named processes are killed with SIGKILL at random moments and started again. Then
 * every answer that came back 2xx is read back through the gateway and every event on the
 * broker is held against the state ({@code checks.verify} and {@code checks.verifyEvents}).
 * Shared by {@link FaultToleranceIT} (a few kills in CI) and {@link FaultDrillIT} (many, on demand).
 */
abstract class FaultRounds extends SystemTest {

    /** How long the store stays dead before it is started again (an operator noticing, a supervisor's back-off). */
    static final Duration STORE_DOWN = Duration.ofSeconds(3);
    static final int SUBMITTERS = 3;

    /** A request sent while the store was dead, as the gateway answered it. */
    record Unavailable(int status, String contentType, String retryAfter) {
    }

    record Round(String label, List<String> killed, int runs, int comments, EventChecks.Counts events, Duration took,
                 List<Unavailable> whileStoreDead) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: killed %s; %d proposals, %d comments uploaded, checked %d events "
                            + "(%d proposals, %d ballots, %d comments, %d editions) in %.0f s", label, killed, runs, comments,
                    events.events(), events.proposals(), events.ballots(), events.comments(), events.editions(),
                    took.toMillis() / 1000.0);
        }
    }

    static Round round(String label, Random random, int journeys, List<String> targets) {
        Instant begin = Instant.now();
        List<String> members = workflow.committee(Workflow.TC1_SLUG).all();
        List<ProposalRun> runs = new ArrayList<>();
        List<CompletableFuture<?>> load = new ArrayList<>();
        for (int j = 0; j < journeys; j++) {
            ProposalRun run = newRun(label + "-journey");
            runs.add(run);
            List<String> commenters = pick(random, members, 3);
            load.add(CompletableFuture.supplyAsync(() -> workflow.fullJourney(run, commenters, STEP), JOURNEYS));
        }

        // Batch uploads into one open period, then the period closed: a run that ends at 30.60.
        ProposalRun uploads = newRun(label + "-uploads");
        uploads.expectFinalStage("30.60");
        runs.add(uploads);
        workflow.submit(uploads, Workflow.draft(uploads.name));
        workflow.openCommentPeriod(uploads, Instant.now().plus(Duration.ofMinutes(20)));
        ProposalRun.Period period = uploads.lastPeriod("COMMITTEE");
        List<String> uploaders = pick(random, members, 6);
        load.add(CompletableFuture.runAsync(() -> workflow.uploadBatches(uploads, period, uploaders, 3, 15), JOURNEYS));

        // Three editors submitting one proposal after another until the faults are over: each answered
        // project number must hold, and none may be answered twice.
        AtomicBoolean faultsOver = new AtomicBoolean();
        List<ProposalRun> submitted = Collections.synchronizedList(new ArrayList<>());
        for (int editor = 0; editor < SUBMITTERS; editor++) {
            load.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2 || !faultsOver.get(); i++) {
                    ProposalRun run = newRun(label + "-submission");
                    run.expectFinalStage("10.00");
                    submitted.add(run);
                    workflow.submit(run, Workflow.draft(run.name));
                }
            }, JOURNEYS));
        }

        List<String> killed = new ArrayList<>();
        List<Unavailable> whileStoreDead = new ArrayList<>();
        for (String target : targets) {
            Workflow.sleep(Duration.ofMillis(1_500 + random.nextInt(5_000)));
            System.out.println("FAULT kill -9 " + target + " (" + label + ") while " + runs.get(0).name + " is at '"
                    + runs.get(0).step() + "' and the uploads at '" + uploads.step() + "'");
            stack.kill(target);
            killed.add(target);
            if (target.equals("store")) {
                Instant killedAt = Instant.now();
                // One request while the store is dead: the service waits for it (server selection), then refuses cleanly.
                Reply reply = api.exchange("GET", "/api/proposals/" + uploads.proposalId(), AccordApi.editor(), null, null, Map.of());
                whileStoreDead.add(new Unavailable(reply.status(), reply.headers().firstValue("Content-Type").orElse(""),
                        reply.headers().firstValue("Retry-After").orElse("")));
                System.out.println("FAULT while the store was dead: " + reply.status() + " " + reply.text());
                Duration left = STORE_DOWN.minus(Duration.between(killedAt, Instant.now()));
                if (!left.isNegative()) {
                    Workflow.sleep(left);
                }
            }
            Duration back = stack.start(target);
            System.out.printf(Locale.ROOT, "FAULT %s up again after %.1f s%n", target, back.toMillis() / 1000.0);
        }
        faultsOver.set(true);
        await(load);
        workflow.closeCommentPeriodEarly(uploads);
        workflow.awaitStage(uploads, "30.60", STEP);

        List<ProposalRun> all = new ArrayList<>(runs);
        all.addAll(submitted);
        checks.verify(all);
        EventChecks.Counts events = checks.verifyEvents();
        Round round = new Round(label, killed, all.size(), period.sent().size(), events, Duration.between(begin, Instant.now()),
                whileStoreDead);
        System.out.println("FAULT round " + round);
        return round;
    }

    static List<String> pick(Random random, List<String> members, int count) {
        List<String> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }

    static void await(List<? extends CompletableFuture<?>> work) {
        try {
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(6, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("The journeys did not end within 6 minutes", e);
        }
    }
}
