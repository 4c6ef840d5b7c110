package org.accord.systemtests;

import static org.accord.systemtests.api.AccordApi.body;
import static org.accord.systemtests.api.AccordApi.editor;
import static org.accord.systemtests.api.AccordApi.nationalBody;
import static org.accord.systemtests.api.AccordApi.secretariat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.Workflow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Many proposals at once: the whole workflow for fifty of them side by side, thirty member bodies taking part. */
@Order(3)
class ManyProposalsIT extends SystemTest {

    static final int PROPOSALS = 50;
    static final int COMMENTERS_PER_PROPOSAL = 6;

    @Test
    void shouldCarryFiftyProposalsThroughTheWholeWorkflowAtOnceWithThirtyMemberBodiesVotingAndCommenting() {
        // ACC/TC 1 has 29 members; the secretariat adds Rwanda's as the thirtieth.
        api.idempotent("PUT", secretariat(), "/api/committees/" + Workflow.TC1_SLUG + "/members/RW", body("status", "P"), Map.of())
                .requireStatus(200);
        List<String> members = workflow.committee(Workflow.TC1_SLUG).all();
        assertThat(members).hasSize(30).contains("RW");
        members.forEach(mb -> api.token(nationalBody(mb)));
        api.token(editor());

        // Slower polling: fifty journeys wait at once, and their reads must not crowd out the work.
        Workflow patient = new Workflow(api, REQUESTS, Duration.ofSeconds(1));
        Instant started = Instant.now();
        List<ProposalRun> runs = new ArrayList<>();
        List<CompletableFuture<ProposalRun.Edition>> journeys = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            ProposalRun run = newRun("many");
            runs.add(run);
            List<String> commenters = new ArrayList<>();
            for (int k = 0; k < COMMENTERS_PER_PROPOSAL; k++) {
                commenters.add(members.get((i * COMMENTERS_PER_PROPOSAL + k) % members.size()));
            }
            journeys.add(CompletableFuture.supplyAsync(() -> patient.fullJourney(run, commenters, Duration.ofMinutes(5)), JOURNEYS));
        }
        try {
            CompletableFuture.allOf(journeys.toArray(CompletableFuture[]::new)).get(8, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("Not all " + PROPOSALS + " journeys ended within 8 minutes: "
                    + runs.stream().filter(r -> r.edition().isEmpty()).map(ProposalRun::toString).toList(), e);
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        long comments = runs.stream().flatMap(r -> r.periods().stream()).mapToLong(p -> p.sent().size()).sum();
        long votes = runs.stream().flatMap(r -> r.ballots().stream()).mapToLong(b -> b.votes().size()).sum();
        System.out.printf(Locale.ROOT, "MANY %d proposals published in %.1f s: %d comments, %d votes, %d member bodies%n",
                PROPOSALS, seconds, comments, votes, members.size());
        assertThat(runs.stream().flatMap(r -> r.periods().stream()).flatMap(p -> p.sent().stream())
                .map(ProposalRun.SentComment::memberBody).distinct()).hasSize(30);
        // Every member body votes, unless its ballot had closed early because no vote still to come could change the
        // outcome (Workflow.vote checks that closedBecause is OUTCOME_SETTLED); checks.verify finds each recorded vote once.
        assertThat(votes).isLessThanOrEqualTo((long) PROPOSALS * members.size());
        assertThat(runs).allSatisfy(r -> assertThat(r.ballots()).allSatisfy(b -> assertThat(b.votes()).isNotEmpty()));
        checks.verify(runs);
    }
}
