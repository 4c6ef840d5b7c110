package org.accord.proposals.events;

import org.accord.events.EventType;
import org.accord.events.Topics;

/** The proposals service's published events: its contract with every other service. */
public final class ProposalEvents {

    public static final EventType<ProposalSubmitted> SUBMITTED =
            EventType.of("org.accord.proposal.submitted.v1", Topics.PROPOSALS, ProposalSubmitted.class);
    public static final EventType<ReviewOpened> REVIEW_OPENED =
            EventType.of("org.accord.proposal.review-opened.v1", Topics.PROPOSALS, ReviewOpened.class);
    public static final EventType<ReviewCloseRequested> REVIEW_CLOSE_REQUESTED =
            EventType.of("org.accord.proposal.review-close-requested.v1", Topics.PROPOSALS, ReviewCloseRequested.class);
    public static final EventType<DraftRevised> DRAFT_REVISED =
            EventType.of("org.accord.proposal.draft-revised.v1", Topics.PROPOSALS, DraftRevised.class);
    public static final EventType<BallotRequested> BALLOT_REQUESTED =
            EventType.of("org.accord.proposal.ballot-requested.v1", Topics.PROPOSALS, BallotRequested.class);
    public static final EventType<StageChanged> STAGE_CHANGED =
            EventType.of("org.accord.proposal.stage-changed.v1", Topics.PROPOSALS, StageChanged.class);
    public static final EventType<PublicationApproved> PUBLICATION_APPROVED =
            EventType.of("org.accord.proposal.publication-approved.v1", Topics.PROPOSALS, PublicationApproved.class);
    public static final EventType<ProposalWithdrawn> WITHDRAWN =
            EventType.of("org.accord.proposal.withdrawn.v1", Topics.PROPOSALS, ProposalWithdrawn.class);
    public static final EventType<CommitteeMembershipChanged> MEMBERSHIP_CHANGED =
            EventType.of("org.accord.committee.membership-changed.v1", Topics.COMMITTEES, CommitteeMembershipChanged.class);
    public static final EventType<CommitteeProcedureSet> PROCEDURE_SET =
            EventType.of("org.accord.committee.procedure-set.v1", Topics.COMMITTEES, CommitteeProcedureSet.class);

    public static final EventType<MemberBodyAdmitted> MEMBER_BODY_ADMITTED =
            EventType.of("org.accord.member-body.admitted.v1", Topics.MEMBER_BODIES, MemberBodyAdmitted.class);
    public static final EventType<MemberBodyCategoryChanged> MEMBER_BODY_CATEGORY_CHANGED =
            EventType.of("org.accord.member-body.category-changed.v1", Topics.MEMBER_BODIES, MemberBodyCategoryChanged.class);
    public static final EventType<MemberBodySuspended> MEMBER_BODY_SUSPENDED =
            EventType.of("org.accord.member-body.suspended.v1", Topics.MEMBER_BODIES, MemberBodySuspended.class);
    public static final EventType<MemberBodyReinstated> MEMBER_BODY_REINSTATED =
            EventType.of("org.accord.member-body.reinstated.v1", Topics.MEMBER_BODIES, MemberBodyReinstated.class);
    public static final EventType<MemberBodyResigned> MEMBER_BODY_RESIGNED =
            EventType.of("org.accord.member-body.resigned.v1", Topics.MEMBER_BODIES, MemberBodyResigned.class);

    public static final java.util.List<EventType<?>> ALL = java.util.List.of(SUBMITTED, REVIEW_OPENED,
            REVIEW_CLOSE_REQUESTED, DRAFT_REVISED, BALLOT_REQUESTED, STAGE_CHANGED, PUBLICATION_APPROVED, WITHDRAWN,
            MEMBERSHIP_CHANGED, PROCEDURE_SET, MEMBER_BODY_ADMITTED, MEMBER_BODY_CATEGORY_CHANGED, MEMBER_BODY_SUSPENDED,
            MEMBER_BODY_REINSTATED, MEMBER_BODY_RESIGNED);

    private ProposalEvents() {
    }
}
