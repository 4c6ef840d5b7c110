package org.accord.comments.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.comments.events.CommentPeriodClosed;
import org.accord.comments.events.CommentPeriodOpened;
import org.accord.problem.ConflictException;
import org.accord.problem.ForbiddenException;

/**
 * A time during which national bodies comment on one version of a draft: a committee
 * consultation or the enquiry that comes with a DIS/FDIS ballot. It knows the clauses of that
 * version (a comment must name one of them), the committee whose members may comment (for an
 * enquiry also the ballot's electorate), and its deadline, after which it accepts nothing even if
 * the scanner has not closed it yet.
 */
public record CommentPeriod(String periodId, String proposalId, String committeeId, PeriodKind kind, int version,
                            List<DraftClause> clauses, List<String> participating, List<String> observing,
                            Instant deadline, String openedBy, Instant openedAt, PeriodStatus status,
                            CloseReason closeReason, Instant closedAt, CommentCounts counts) {

    public CommentPeriod {
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        participating = participating == null ? List.of() : List.copyOf(participating);
        observing = observing == null ? List.of() : List.copyOf(observing);
    }

    /** Opens a period; the electorate lists are empty for a committee consultation. */
    public static Change<CommentPeriod> open(String periodId, String proposalId, String committeeId, PeriodKind kind, int version,
                                             List<DraftClause> clauses, List<String> participating, List<String> observing,
                                             Instant deadline, String openedBy, Instant now) {
        CommentPeriod period = new CommentPeriod(periodId, proposalId, committeeId, kind, version, clauses, participating,
                observing, deadline, openedBy, now, PeriodStatus.OPEN, null, null, null);
        return Change.of(period, new CommentPeriodOpened(periodId, proposalId, committeeId, version, kind.name(), deadline, now));
    }

    public boolean isOpen() {
        return status == PeriodStatus.OPEN;
    }

    /** Open and before its deadline: a comment arriving at the deadline is late even if the period is not closed yet. */
    public boolean acceptsCommentsAt(Instant now) {
        return isOpen() && now.isBefore(deadline);
    }

    public CommentPeriod requireAcceptingCommentsAt(Instant now) {
        if (closeReason == CloseReason.WITHDRAWN) {
            throw (ConflictException) new ConflictException("Comment period withdrawn",
                    "Comment period '" + periodId + "' ended when its project was withdrawn at " + closedAt
                            + "; it accepts no comments, amendments or withdrawals")
                    .with("periodId", periodId).with("periodStatus", status.name()).with("closeReason", closeReason.name())
                    .with("deadline", deadline.toString());
        }
        if (!acceptsCommentsAt(now)) {
            throw (ConflictException) new ConflictException("Comment period closed",
                    "Comment period '" + periodId + "' " + (isOpen() ? "passed its deadline " + deadline : "is closed")
                            + "; it accepts no comments, amendments or withdrawals")
                    .with("periodId", periodId).with("periodStatus", isOpen() ? "DEADLINE_PASSED" : status.name())
                    .with("deadline", deadline.toString());
        }
        return this;
    }

    public boolean isDueAt(Instant now) {
        return isOpen() && !now.isBefore(deadline);
    }

    /**
     * Closes the period and counts the comments it holds; closing a closed period changes
     * nothing, so the scanner and an early close by the editor may race harmlessly.
     */
    public Change<CommentPeriod> close(CloseReason reason, List<Comment> comments, Instant now) {
        if (!isOpen()) {
            return Change.none(this);
        }
        CommentCounts counted = CommentCounts.of(comments);
        CommentPeriod closed = new CommentPeriod(periodId, proposalId, committeeId, kind, version, clauses, participating,
                observing, deadline, openedBy, openedAt, PeriodStatus.CLOSED, reason, now, counted);
        return Change.of(closed, new CommentPeriodClosed(periodId, proposalId, version, kind.name(), reason.name(),
                counted.total(), counted.byType(), counted.byMemberBody(), now));
    }

    /** The clause of the commented version that a reference names, however it is spelt ("Clause 5.2."). */
    public Optional<DraftClause> clause(String reference) {
        String wanted = ClauseOrder.canonical(reference);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return clauses.stream().filter(c -> ClauseOrder.canonical(c.number()).equals(wanted)).findFirst();
    }

    /** Whether a member body may comment: a P- or O-member of the committee, or of the ballot's electorate. */
    public boolean admits(String memberBody, Committee committee) {
        return memberBody != null && (committee != null && committee.isMember(memberBody)
                || participating.contains(memberBody) || observing.contains(memberBody));
    }

    /** The editor and the secretariat see every period; a national body those of its committees. */
    public CommentPeriod requireReadableBy(Actor actor, Committee committee) {
        actor.require(Role.EDITOR, Role.SECRETARIAT, Role.NATIONAL_BODY);
        if (!isReadableBy(actor, committee)) {
            throw new ForbiddenException(actor.name() + " (member body " + actor.memberBody() + ") is not a member of "
                    + committeeId + ", whose comment period '" + periodId + "' this is");
        }
        return this;
    }

    public boolean isReadableBy(Actor actor, Committee committee) {
        return actor.has(Role.EDITOR) || actor.has(Role.SECRETARIAT)
                || actor.has(Role.NATIONAL_BODY) && admits(actor.memberBody(), committee);
    }
}
