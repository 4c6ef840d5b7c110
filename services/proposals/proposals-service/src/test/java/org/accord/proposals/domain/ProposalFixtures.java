package org.accord.proposals.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;

/** Proposals in any stage, with what that stage implies (an open period, a running ballot), for domain tests. */
final class ProposalFixtures {

    static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");
    static final Actor EDITOR = Actor.of("editor", Role.EDITOR);
    static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    static final String TEXT_V1 = "# Foreword\n\nPrepared by ACC/TC 1.\n\n# 1 Scope\n\nEvaluation reports.\n\n## 1.1 Exclusions\n\nNone.\n";
    static final String TEXT_V2 = TEXT_V1.replace("Evaluation reports.", "Evaluation reports of machine-learning models.");
    static final Electorate ELECTORATE = new Electorate(List.of("CN", "FR", "KE"), List.of("US", "MX"));

    private ProposalFixtures() {
    }

    static Proposal submitted() {
        Submission submission = new Submission("ACC/TC 1", "Interoperable evaluation reports", "Evaluation reports",
                ProposalKind.NEW, null);
        ParsedDraft draft = Proposal.prepare(submission, TEXT_V1, EDITOR);
        return Proposal.submit("p-1", 42, submission, draft, EDITOR, NOW.minus(Duration.ofDays(30))).state();
    }

    /** A proposal at the stage with the context the stage implies, so that every step the rules allow there succeeds. */
    static Proposal at(Stage stage) {
        Proposal p = submitted();
        CommentPeriod period = stage == Stage.CD_CONSULTATION
                ? new CommentPeriod("cp-1", 1, NOW.plus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(5)), false) : null;
        BallotType ballotType = switch (stage) {
            case NP_BALLOT -> BallotType.NP;
            case DIS_BALLOT, DIS_NEW_BALLOT -> BallotType.DIS;
            case FDIS_BALLOT -> BallotType.FDIS;
            default -> null;
        };
        RequestedBallot ballot = ballotType == null ? null : new RequestedBallot("b-1", ballotType,
                ballotType.defaultRuleSet(), 1, NOW.plus(Duration.ofDays(20)), false, NOW.minus(Duration.ofDays(1)),
                p.latestVersion().sha256());
        // At 40.99 the enquiry approved version 1, the only version there is.
        ApprovedVersion approved = stage == Stage.DIS_APPROVED
                ? new ApprovedVersion("b-0", BallotType.DIS, 1, p.latestVersion().sha256()) : null;
        boolean referredBack = stage == Stage.NP_RETURNED || stage == Stage.DIS_REFERRED_BACK || stage == Stage.FDIS_REFERRED_BACK;
        Integer disapprovals = stage == Stage.DIS_APPROVED ? 0 : null;
        return new Proposal(p.proposalId(), p.projectNumber(), p.committeeId(), p.title(), p.scope(), p.kind(), p.basedOn(),
                stage, p.versions(), p.clauses(), period, ballot, disapprovals, referredBack,
                stage == Stage.PUBLISHED ? "ACC 42:2027" : null, p.history(), p.submittedBy(), p.submittedAt(), approved);
    }

    static Proposal withDisapprovals(Proposal p, Integer disapprovals) {
        return new Proposal(p.proposalId(), p.projectNumber(), p.committeeId(), p.title(), p.scope(), p.kind(), p.basedOn(),
                p.stage(), p.versions(), p.clauses(), p.commentPeriod(), p.ballot(), disapprovals, p.revisedSinceReferral(),
                p.designation(), p.history(), p.submittedBy(), p.submittedAt(), p.approved());
    }

    static Proposal notRevisedSinceReferral(Proposal p) {
        return new Proposal(p.proposalId(), p.projectNumber(), p.committeeId(), p.title(), p.scope(), p.kind(), p.basedOn(),
                p.stage(), p.versions(), p.clauses(), p.commentPeriod(), p.ballot(), p.enquiryDisapprovals(), false,
                p.designation(), p.history(), p.submittedBy(), p.submittedAt(), p.approved());
    }

    /** Performs an action as the role that may perform it, with valid arguments. */
    static Change<Proposal> perform(Proposal p, Step step) {
        return switch (step) {
            case OPEN_COMMENT_PERIOD -> p.openCommentPeriod("cp-2", NOW.plus(Duration.ofDays(30)), EDITOR, NOW);
            case CLOSE_COMMENT_PERIOD -> p.closeCommentPeriod(p.commentPeriod() == null ? "cp-0" : p.commentPeriod().periodId(),
                    EDITOR, NOW);
            case REVISE_DRAFT -> p.reviseDraft(p.latestVersion().sha256().equals(TextDigest.sha256(TEXT_V2)) ? TEXT_V1 : TEXT_V2,
                    "comments applied", EDITOR, NOW);
            case REQUEST_NP_BALLOT -> p.requestBallot("b-2", BallotType.NP, null, NOW.plus(Duration.ofDays(60)), false,
                    ELECTORATE, EDITOR, NOW);
            case REQUEST_DIS_BALLOT -> p.requestBallot("b-2", BallotType.DIS, null, NOW.plus(Duration.ofDays(84)), false,
                    ELECTORATE, EDITOR, NOW);
            case REQUEST_FDIS_BALLOT -> p.requestBallot("b-2", BallotType.FDIS, null, NOW.plus(Duration.ofDays(56)), false,
                    ELECTORATE, EDITOR, NOW);
            case SKIP_FINAL_BALLOT -> p.skipFinalBallot(latestText(p), EDITOR, NOW);
            case WITHDRAW -> p.withdraw("merged into another project", SECRETARIAT, NOW);
            default -> throw new IllegalArgumentException(step + " is a reaction");
        };
    }

    /** Reacts to the matching event of another service (the period or ballot the proposal waits for). */
    static Optional<Change<Proposal>> react(Proposal p, Step step) {
        String ballotId = p.ballot() == null ? "b-0" : p.ballot().ballotId();
        return switch (step) {
            case COMMENT_PERIOD_CLOSED -> p.commentPeriodClosed(p.commentPeriod() == null ? "cp-0" : p.commentPeriod().periodId(),
                    "DEADLINE", 3, "/accord/comments", NOW);
            case BALLOT_APPROVED -> p.ballotClosed(ballotId, true, 0, "approved under the rules", latestText(p),
                    "/accord/voting", NOW);
            case BALLOT_REJECTED -> p.ballotClosed(ballotId, false, 5, "too many disapprovals", latestText(p),
                    "/accord/voting", NOW);
            case STANDARD_PUBLISHED -> p.standardPublished("ACC 42:2027", "/accord/publication", NOW);
            default -> throw new IllegalArgumentException(step + " is an action");
        };
    }

    static String latestText(Proposal p) {
        return p.latestVersion().sha256().equals(TextDigest.sha256(TEXT_V2)) ? TEXT_V2 : TEXT_V1;
    }
}
