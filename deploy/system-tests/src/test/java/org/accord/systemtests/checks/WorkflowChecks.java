package org.accord.systemtests.checks;

import static org.accord.systemtests.api.AccordApi.editor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.systemtests.api.AccordApi;
import org.accord.systemtests.workflow.ProposalRun;
import org.accord.systemtests.workflow.Workflow;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after every scenario, read back only through the public API, the feeds and
 * the broker: every proposal submitted once and in its final stage; every comment sent stored
 * exactly once as sent, and nothing else; every vote counted exactly once as cast; exactly one
 * Atom entry and one JSON Feed item per published edition; and in the dead-letter topics exactly
 * the records a scenario made undeliverable, each with its reason.
 */
public final class WorkflowChecks {

    private final Workflow workflow;
    private final String bootstrapServers;

    public WorkflowChecks(Workflow workflow, String bootstrapServers) {
        this.workflow = workflow;
        this.bootstrapServers = bootstrapServers;
    }

    /** Checks the given runs in depth, and the feeds and dead letters against everything in the ledger. */
    public void verify(Collection<ProposalRun> runs) {
        SoftAssertions soft = new SoftAssertions();
        AccordApi api = workflow.api();
        for (ProposalRun run : runs) {
            soft.assertThat(run.proposalId()).as(run.name + " was submitted").isNotNull();
            if (run.proposalId() == null) {
                continue;
            }
            soft.assertThat(workflow.proposalsTitled(run)).as(run.name + ": proposals with its title").containsExactly(run.proposalId());
            JsonNode proposal = workflow.proposal(run);
            soft.assertThat(proposal.path("stage").asString()).as(run.name + ": final stage").isEqualTo(run.expectedFinalStage());
            if (run.projectNumber() != null) {
                soft.assertThat(proposal.path("projectNumber").asInt()).as(run.name + ": the project number it was answered with")
                        .isEqualTo(run.projectNumber());
            }
            for (ProposalRun.Period period : run.periods()) {
                JsonNode stored = api.get(editor(), "/api/comment-periods/" + period.periodId + "/comments").requireStatus(200).json();
                List<String> read = new ArrayList<>();
                stored.forEach(c -> read.add(key(c.path("memberBody").asString(), c.path("clause").asString(), c.path("type").asString(),
                        c.path("comment").asString(), c.path("proposedChange").isString() ? c.path("proposedChange").asString() : null)));
                List<String> sent = period.sent().stream()
                        .map(c -> key(c.memberBody(), c.clause(), c.type(), c.comment(), c.proposedChange())).toList();
                soft.assertThat(read).as(run.name + ": comments stored in " + period.kind + " period " + period.periodId)
                        .containsExactlyInAnyOrderElementsOf(sent);
            }
            for (ProposalRun.Ballot ballot : run.ballots()) {
                JsonNode view = api.getAnonymous("/api/ballots/" + ballot.ballotId, null).requireStatus(200).json();
                soft.assertThat(view.path("status").asString()).as(run.name + ": ballot " + ballot.ballotId).isEqualTo("CLOSED");
                Map<String, String> counted = new HashMap<>();
                view.path("votes").forEach(v -> counted.put(v.path("memberBody").asString(), v.path("position").asString()));
                soft.assertThat(counted).as(run.name + ": votes counted in " + ballot.ballotId).isEqualTo(ballot.votes());
                JsonNode history = api.getAnonymous("/api/ballots/" + ballot.ballotId + "/history", null).requireStatus(200).json();
                List<String> cast = new ArrayList<>();
                history.forEach(v -> cast.add(v.path("memberBody").asString()));
                soft.assertThat(cast).as(run.name + ": every vote cast in " + ballot.ballotId + ", once")
                        .containsExactlyInAnyOrderElementsOf(ballot.votes().keySet());
            }
        }
        verifyFeeds(soft, api);
        verifyDeadLetters(soft);
        soft.assertAll();
    }

    /**
     * After a fault of the store or the broker: every event on the broker against the state the
     * API reads ({@link EventChecks}), and no project number answered to two runs of this JVM.
     */
    public EventChecks.Counts verifyEvents() {
        SoftAssertions soft = new SoftAssertions();
        EventChecks.Counts counts = EventChecks.verify(soft, workflow.api(), bootstrapServers);
        Map<Integer, List<String>> answered = Ledger.runs().stream().filter(r -> r.projectNumber() != null && "NEW".equals(r.kind))
                .collect(Collectors.groupingBy(ProposalRun::projectNumber, Collectors.mapping(r -> r.name, Collectors.toList())));
        answered.forEach((number, runs) -> soft.assertThat(runs).as("runs answered with project number " + number).hasSize(1));
        soft.assertAll();
        return counts;
    }

    private static void verifyFeeds(SoftAssertions soft, AccordApi api) {
        List<ProposalRun.Edition> editions = Ledger.runs().stream().flatMap(r -> r.edition().stream()).toList();
        Map<String, Long> atom = count(Feeds.atomEntryIds(api), Function.identity());
        Map<String, Long> json = count(Feeds.jsonFeedItems(api), item -> item.path("_accord").path("designation").asString()
                + " edition " + item.path("_accord").path("edition").asInt());
        for (ProposalRun.Edition edition : editions) {
            soft.assertThat(atom.getOrDefault(edition.feedEntryId(), 0L)).as("Atom entries of " + edition.feedEntryId()).isEqualTo(1L);
            soft.assertThat(json.getOrDefault(edition.designation() + " edition " + edition.edition(), 0L))
                    .as("JSON Feed items of " + edition.designation() + " edition " + edition.edition()).isEqualTo(1L);
        }
        soft.assertThat(atom.values()).as("Atom entries per id").allMatch(n -> n == 1L);
        soft.assertThat(json.values()).as("JSON Feed items per edition").allMatch(n -> n == 1L);
    }

    private void verifyDeadLetters(SoftAssertions soft) {
        List<DeadLetters.DeadLetter> letters = DeadLetters.readAll(bootstrapServers);
        List<Ledger.ExpectedDeadLetter> found = letters.stream()
                .map(l -> new Ledger.ExpectedDeadLetter(l.topic(), l.key(), l.value())).toList();
        soft.assertThat(found).as("records in the dead-letter topics").containsExactlyInAnyOrderElementsOf(Ledger.expectedDeadLetters());
        soft.assertThat(letters).as("every dead letter names its reason").allMatch(l -> !l.reason().isBlank());
    }

    private static String key(String memberBody, String clause, String type, String comment, String proposedChange) {
        return String.join(" | ", memberBody, clause.replaceFirst("^Annex\\s+", ""), type, comment, String.valueOf(proposedChange));
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
