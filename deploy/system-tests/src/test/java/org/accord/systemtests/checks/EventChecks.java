package org.accord.systemtests.checks;

import static org.accord.systemtests.api.AccordApi.editor;
import static org.accord.systemtests.api.AccordApi.encode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentSubmitted;
import org.accord.comments.events.CommentWithdrawn;
import org.accord.events.CloudEvent;
import org.accord.events.KafkaCloudEvents;
import org.accord.events.MalformedEventException;
import org.accord.events.Topics;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ProposalSubmitted;
import org.accord.publication.events.StandardEvents;
import org.accord.publication.events.StandardPublished;
import org.accord.systemtests.api.AccordApi;
import org.accord.systemtests.api.Reply;
import org.accord.voting.events.BallotEvents;
import org.accord.voting.events.BallotOpened;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Every event on the broker held against the state the API reads back: no event for a state
 * that does not exist (each submitted proposal, opened ballot and submitted comment is readable,
 * a comment exactly once), project numbers of new projects never handed out twice, and no
 * edition of a standard published twice (two {@code standard.published} records with different
 * ids). A record the relay sent again carries the same event id and counts once.
 */
public final class EventChecks {

    private EventChecks() {
    }

    /** What was found, for the scenario's log. */
    public record Counts(int events, int proposals, int ballots, int comments, int editions) {
    }

    public static Counts verify(SoftAssertions soft, AccordApi api, String bootstrapServers) {
        Map<String, CloudEvent> byId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : BrokerRecords.readAll(bootstrapServers, Topics.ALL::contains)) {
            try {
                CloudEvent event = KafkaCloudEvents.fromRecord(record);
                byId.putIfAbsent(event.id(), event);
            } catch (MalformedEventException deliberatelyMalformed) {
                // The malformed-record scenario's records: the dead-letter checks hold them.
            }
        }
        Map<String, ProposalSubmitted> proposals = new TreeMap<>();
        Map<Integer, Set<String>> newProjects = new TreeMap<>();
        Map<String, BallotOpened> ballots = new TreeMap<>();
        Map<String, List<String>> commentsByPeriod = new TreeMap<>();
        Set<String> withdrawn = new HashSet<>();
        Map<String, Set<String>> publicationIds = new TreeMap<>();
        for (CloudEvent event : byId.values()) {
            if (event.type().equals(ProposalEvents.SUBMITTED.name())) {
                ProposalSubmitted p = event.payload(ProposalSubmitted.class);
                proposals.put(p.proposalId(), p);
                if ("NEW".equals(p.kind())) {
                    newProjects.computeIfAbsent(p.projectNumber(), n -> new HashSet<>()).add(p.proposalId());
                }
            } else if (event.type().equals(BallotEvents.OPENED.name())) {
                BallotOpened b = event.payload(BallotOpened.class);
                ballots.put(b.ballotId(), b);
            } else if (event.type().equals(CommentEvents.SUBMITTED.name())) {
                CommentSubmitted c = event.payload(CommentSubmitted.class);
                commentsByPeriod.computeIfAbsent(c.periodId(), p -> new ArrayList<>()).add(c.commentId());
            } else if (event.type().equals(CommentEvents.WITHDRAWN.name())) {
                withdrawn.add(event.payload(CommentWithdrawn.class).commentId());
            } else if (event.type().equals(StandardEvents.PUBLISHED.name())) {
                StandardPublished s = event.payload(StandardPublished.class);
                publicationIds.computeIfAbsent(s.designation() + " edition " + s.edition(), k -> new HashSet<>()).add(event.id());
            }
        }

        newProjects.forEach((number, ids) -> soft.assertThat(ids)
                .as("proposals submitted as new project number " + number).hasSize(1));
        publicationIds.forEach((edition, ids) -> soft.assertThat(ids)
                .as("standard.published events (distinct ids) of " + edition).hasSize(1));
        proposals.values().forEach(p -> {
            Reply read = api.get(editor(), "/api/proposals/" + p.proposalId());
            soft.assertThat(read.status()).as("proposal " + p.proposalId() + " of a proposal.submitted event").isEqualTo(200);
            if (read.status() == 200) {
                soft.assertThat(read.json().path("projectNumber").asInt())
                        .as("project number of " + p.proposalId()).isEqualTo(p.projectNumber());
            }
        });
        ballots.keySet().forEach(ballotId -> soft.assertThat(api.get(editor(), "/api/ballots/" + ballotId).status())
                .as("ballot " + ballotId + " of a ballot.opened event").isEqualTo(200));
        commentsByPeriod.forEach((periodId, commentIds) -> {
            Reply read = api.get(editor(), "/api/comment-periods/" + periodId + "/comments");
            soft.assertThat(read.status()).as("comment period " + periodId + " of comment.submitted events").isEqualTo(200);
            if (read.status() == 200) {
                Map<String, Integer> stored = new HashMap<>();
                for (JsonNode comment : read.json()) {
                    stored.merge(comment.path("commentId").asString(), 1, Integer::sum);
                }
                for (String commentId : commentIds) {
                    if (!withdrawn.contains(commentId)) {
                        soft.assertThat(stored.getOrDefault(commentId, 0))
                                .as("comment " + commentId + " of a comment.submitted event, in period " + periodId).isEqualTo(1);
                    }
                }
            }
        });
        Set<String> designations = new HashSet<>();
        publicationIds.keySet().forEach(edition -> designations.add(edition.substring(0, edition.lastIndexOf(" edition "))));
        for (String designation : designations) {
            Reply read = api.getAnonymous("/api/standards/" + encode(designation) + "/editions", null);
            soft.assertThat(read.status()).as("editions of " + designation).isEqualTo(200);
            if (read.status() == 200) {
                Set<String> readable = new HashSet<>();
                read.json().forEach(e -> readable.add(designation + " edition " + e.path("edition").asInt()));
                publicationIds.keySet().stream().filter(k -> k.startsWith(designation + " edition "))
                        .forEach(k -> soft.assertThat(readable).as("editions readable of " + designation).contains(k));
            }
        }
        int comments = commentsByPeriod.values().stream().mapToInt(List::size).sum();
        return new Counts(byId.size(), proposals.size(), ballots.size(), comments, publicationIds.size());
    }
}
