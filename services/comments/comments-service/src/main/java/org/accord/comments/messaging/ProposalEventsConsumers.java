package org.accord.comments.messaging;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.accord.comments.application.CommentPeriods;
import org.accord.comments.application.CommitteeRoster;
import org.accord.comments.application.DraftVersions;
import org.accord.comments.application.MemberBodyRegister;
import org.accord.comments.domain.CloseReason;
import org.accord.comments.domain.Committee;
import org.accord.comments.domain.DraftClause;
import org.accord.comments.domain.MemberBodyStanding;
import org.accord.comments.domain.PeriodKind;
import org.accord.messaging.EventConsumers;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.Clause;
import org.accord.proposals.events.CommitteeMembershipChanged;
import org.accord.proposals.events.ProposalEvents;
import org.accord.proposals.events.ReviewOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/**
 * What the comments service takes from the proposals service: the clause lists of draft
 * versions, reviews and DIS/FDIS ballots that open comment periods, early closes, withdrawals
 * (which close every period of the project), committee memberships, and the member-body register (who is
 * suspended, resigned or a subscriber, and so may not comment). Each handler translates the event and hands it to the application; all are
 * idempotent (natural ids, newer-snapshot-wins, closing twice changes nothing).
 */
@Configuration(proxyBeanMethods = false)
public class ProposalEventsConsumers {

    private static final Logger log = LoggerFactory.getLogger(ProposalEventsConsumers.class);

    @Bean
    Consumer<Message<byte[]>> proposalEvents(EventConsumers consumers, CommentPeriods periods, DraftVersions drafts) {
        return consumers.consumer("proposal-events")
                .on(ProposalEvents.SUBMITTED, e -> drafts.record(e.payload().proposalId(), e.payload().version(),
                        clauses(e.payload().clauses())))
                .on(ProposalEvents.DRAFT_REVISED, e -> drafts.record(e.payload().proposalId(), e.payload().version(),
                        clauses(e.payload().clauses())))
                .on(ProposalEvents.REVIEW_OPENED, e -> openReview(periods, e.payload()))
                .on(ProposalEvents.BALLOT_REQUESTED, e -> openEnquiry(periods, e.payload()))
                .on(ProposalEvents.REVIEW_CLOSE_REQUESTED, e -> periods.close(e.payload().periodId(), CloseReason.EDITOR, e.id()))
                .on(ProposalEvents.WITHDRAWN, e -> periods.closeAllOf(e.payload().proposalId(), CloseReason.WITHDRAWN, e.id()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> committeeEvents(EventConsumers consumers, CommitteeRoster roster) {
        return consumers.consumer("committee-events")
                .on(ProposalEvents.MEMBERSHIP_CHANGED, e -> roster.apply(committee(e.payload())))
                .build();
    }

    /** The register's changes, each applied to the body's standing when its revision is newer than the one kept. */
    @Bean
    Consumer<Message<byte[]>> memberBodyEvents(EventConsumers consumers, MemberBodyRegister register) {
        return consumers.consumer("member-body-events")
                .on(ProposalEvents.MEMBER_BODY_ADMITTED, e -> apply(register, e.payload().code(),
                        s -> s.admitted(e.payload().category(), e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_CATEGORY_CHANGED, e -> apply(register, e.payload().code(),
                        s -> s.withCategory(e.payload().category(), e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_SUSPENDED, e -> apply(register, e.payload().code(),
                        s -> s.withSuspension(true, e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_REINSTATED, e -> apply(register, e.payload().code(),
                        s -> s.withSuspension(false, e.payload().revision())))
                .on(ProposalEvents.MEMBER_BODY_RESIGNED, e -> apply(register, e.payload().code(),
                        s -> s.withResignation(e.payload().revision())))
                .build();
    }

    private static Mono<Void> apply(MemberBodyRegister register, String code, UnaryOperator<MemberBodyStanding> change) {
        return register.apply(code, current -> change.apply(current.orElseGet(() -> MemberBodyStanding.unknown(code))));
    }

    private static Mono<?> openReview(CommentPeriods periods, ReviewOpened e) {
        return periods.open(e.periodId(), e.proposalId(), e.committeeId(), PeriodKind.COMMITTEE, e.version(), clauses(e.clauses()),
                List.of(), List.of(), e.deadline(), e.openedBy());
    }

    private static Mono<?> openEnquiry(CommentPeriods periods, BallotRequested e) {
        return PeriodKind.forBallot(e.ballotType())
                .<Mono<?>>map(kind -> periods.open(e.ballotId(), e.proposalId(), e.committeeId(), kind, e.version(),
                        clauses(e.clauses()), e.participatingMembers(), e.observingMembers(), e.deadline(), e.requestedBy()))
                .orElseGet(() -> {
                    log.debug("{} ballot {} carries no comments; no period opened", e.ballotType(), e.ballotId());
                    return Mono.empty();
                });
    }

    private static Committee committee(CommitteeMembershipChanged e) {
        return new Committee(e.committeeId(), e.title(), e.secretariat(), e.participating(), e.observing(), e.membershipVersion());
    }

    private static List<DraftClause> clauses(List<Clause> clauses) {
        return clauses == null ? List.of() : clauses.stream().map(c -> new DraftClause(c.number(), c.title())).toList();
    }
}
