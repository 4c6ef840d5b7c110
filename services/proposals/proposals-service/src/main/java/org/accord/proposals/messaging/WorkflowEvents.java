package org.accord.proposals.messaging;

import java.util.function.Consumer;

import org.accord.comments.events.CommentEvents;
import org.accord.comments.events.CommentPeriodClosed;
import org.accord.messaging.EventConsumers;
import org.accord.proposals.application.ProposalService;
import org.accord.proposals.domain.PublishedStandard;
import org.accord.publication.events.StandardEvents;
import org.accord.publication.events.StandardPublished;
import org.accord.voting.events.BallotClosed;
import org.accord.voting.events.BallotEvents;
import org.accord.voting.events.Tally;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/**
 * The other services' events that move a proposal: a closed comment period, a closed ballot, a
 * published standard. Each is handed to the application as plain values; the application applies
 * it once per event id.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowEvents {

    @Bean
    Consumer<Message<byte[]>> commentEvents(EventConsumers consumers, ProposalService proposals) {
        return consumers.consumer("comment-events")
                .on(CommentEvents.PERIOD_CLOSED, event -> {
                    CommentPeriodClosed closed = event.payload();
                    return proposals.commentPeriodClosed(event.id(), event.envelope().source(), closed.proposalId(),
                            closed.periodId(), closed.reason(), closed.total());
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> ballotEvents(EventConsumers consumers, ProposalService proposals) {
        return consumers.consumer("ballot-events")
                .on(BallotEvents.CLOSED, event -> {
                    BallotClosed closed = event.payload();
                    if ("WITHDRAWN".equals(closed.outcome())) {
                        // A ballot ended by the project's withdrawal has no result: it moves no stage.
                        return Mono.empty();
                    }
                    return proposals.ballotClosed(event.id(), event.envelope().source(), closed.proposalId(),
                            closed.ballotId(), "APPROVED".equals(closed.outcome()), negativeVotes(closed.tally()),
                            closed.explanation());
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> standardEvents(EventConsumers consumers, ProposalService proposals) {
        return consumers.consumer("standard-events")
                .on(StandardEvents.PUBLISHED, event -> {
                    StandardPublished published = event.payload();
                    return proposals.standardPublished(event.id(), event.envelope().source(), new PublishedStandard(
                            published.designation(), published.projectNumber(), published.edition(),
                            published.committeeId(), published.title(), published.proposalId(), published.publishedAt()));
                })
                .build();
    }

    /** Every disapproval counts against skipping the final ballot, with or without reasons; no tally, no skipping. */
    static Integer negativeVotes(Tally tally) {
        return tally == null ? null : tally.disapprovals() + tally.disapprovalsWithoutReasons();
    }
}
