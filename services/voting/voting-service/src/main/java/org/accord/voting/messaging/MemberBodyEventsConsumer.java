package org.accord.voting.messaging;

import java.util.function.Consumer;

import org.accord.messaging.EventConsumers;
import org.accord.proposals.events.ProposalEvents;
import org.accord.voting.application.MemberBodyRegister;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Listens on the member-body register's topic (binding {@code memberBodyEvents-in-0}, the voting
 * group): each admission, category change, suspension, reinstatement and resignation is applied
 * to the body's standing when its revision is newer than the one kept.
 */
@Configuration(proxyBeanMethods = false)
public class MemberBodyEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> memberBodyEvents(EventConsumers consumers, MemberBodyRegister register) {
        return consumers.consumer("member-body-events")
                .on(ProposalEvents.MEMBER_BODY_ADMITTED, e -> register.apply(e.payload().code(),
                        s -> s.admitted(e.payload().category(), e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_CATEGORY_CHANGED, e -> register.apply(e.payload().code(),
                        s -> s.categoryChanged(e.payload().category(), e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_SUSPENDED, e -> register.apply(e.payload().code(),
                        s -> s.suspended(e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_REINSTATED, e -> register.apply(e.payload().code(),
                        s -> s.reinstated(e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_RESIGNED, e -> register.apply(e.payload().code(),
                        s -> s.resigned(e.payload().revision())))
                .build();
    }
}
