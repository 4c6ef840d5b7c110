package org.accord.voting.messaging;

import java.util.function.Consumer;

import org.accord.events.MalformedEventException;
import org.accord.messaging.EventConsumers;
import org.accord.problem.InvalidInputException;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.ProposalEvents;
import org.accord.voting.application.BallotService;
import org.accord.voting.domain.BallotRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens on the proposals topic (binding {@code proposalEvents-in-0}) for ballot requests, and
 * for withdrawals, which end every ballot of the project still running.
 */
@Configuration(proxyBeanMethods = false)
public class ProposalEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> proposalEvents(EventConsumers consumers, BallotService ballots) {
        return consumers.consumer("proposal-events")
                .on(ProposalEvents.BALLOT_REQUESTED, event -> ballots.open(request(event.payload()))
                        // A request the domain refuses will be refused however often it comes: dead-letter it at once.
                        .onErrorMap(InvalidInputException.class, e -> new MalformedEventException(
                                "Ballot request " + event.id() + " cannot open a ballot: " + e.getMessage(), e)))
                .on(ProposalEvents.WITHDRAWN, event -> ballots.withdraw(event.payload().proposalId(),
                        event.payload().fromStage()))
                .build();
    }

    static BallotRequest request(BallotRequested requested) {
        return new BallotRequest(requested.ballotId(), requested.proposalId(), requested.committeeId(),
                requested.ballotType(), requested.ruleSet(), requested.version(), requested.versionSha256(),
                requested.participatingMembers(),
                requested.observingMembers(), requested.observersMayVote(), requested.earlyCloseAllowed(),
                requested.deadline());
    }
}
