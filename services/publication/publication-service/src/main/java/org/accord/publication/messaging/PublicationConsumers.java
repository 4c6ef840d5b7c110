package org.accord.publication.messaging;

import java.util.function.Consumer;

import org.accord.messaging.EventConsumers;
import org.accord.messaging.ReceivedEvent;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.PublicationApproved;
import org.accord.publication.application.LiveFeed;
import org.accord.publication.application.Publishing;
import org.accord.publication.domain.Approval;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two bindings of the service. {@code proposalEvents} (the service's group, one member per
 * instance) issues a standard for each PublicationApproved. {@code standardFanOut} reads
 * accord.standards.v1 in a group of this instance alone, so every instance hears of every
 * publication and withdrawal, whichever instance wrote it, and wakes its live feed for its own
 * SSE clients.
 */
@Configuration
public class PublicationConsumers {

    @Bean
    Consumer<Message<byte[]>> proposalEvents(EventConsumers consumers, Publishing publishing) {
        return consumers.consumer("proposal-events")
                .on(ProposalEvents.PUBLICATION_APPROVED, event -> publishing.issue(approval(event), event.id()))
                .build();
    }

    /**
     * Only a wake-up: the live feed reads what is new from the store, in sequence order, so the
     * record's content does not matter, and a malformed record cannot hold up the live feed with
     * retries (this binding has no dead-letter topic: its group is this instance's alone).
     */
    @Bean
    Consumer<Message<byte[]>> standardFanOut(LiveFeed liveFeed) {
        return message -> liveFeed.wake();
    }

    static Approval approval(ReceivedEvent<PublicationApproved> event) {
        PublicationApproved a = event.payload();
        return new Approval(a.proposalId(), a.version(), a.projectNumber(), a.committeeId(), a.title(), a.kind(), a.basedOn(),
                a.text(), a.textSha256());
    }
}
