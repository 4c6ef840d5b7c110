package org.accord.comments.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.comments.events.CommentAmended;
import org.accord.comments.events.CommentResolved;
import org.accord.comments.events.CommentSubmitted;
import org.accord.comments.events.CommentWithdrawn;
import org.accord.problem.ConflictException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;

/**
 * The comments one national body sent in one request (one comment, a JSON array, or a filled-in
 * template), kept together as one aggregate: accepting a national position is one write however
 * many comments it holds, with one CommentSubmitted event per comment in the same document. The
 * comments stay individually addressable: each is amended, withdrawn and resolved on its own.
 * A submission sent with an {@code Idempotency-Key} keeps the key and the fingerprint of what it
 * asked for, so a retry is answered from it.
 */
public record CommentSubmission(String submissionId, String periodId, String proposalId, String committeeId,
                                String memberBody, int version, SubmissionForm form, String idempotencyKey,
                                String fingerprint, String submittedBy, Instant submittedAt, List<Comment> comments) {

    public CommentSubmission {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** Accepts a national body's comments if the period is open and every comment passes the rules; else accepts none. */
    public static Change<CommentSubmission> submit(String submissionId, CommentPeriod period, Committee committee, Actor actor,
                                                   SubmissionForm form, List<CommentDraft> drafts, String idempotencyKey,
                                                   String fingerprint, Instant now) {
        CommentRules.authorize(drafts, period, committee, actor);
        period.requireAcceptingCommentsAt(now);
        List<CommentFields> valid = CommentRules.validate(drafts, period, committee, actor);
        List<Comment> comments = new ArrayList<>(valid.size());
        List<Object> events = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            int position = i + 1;
            String commentId = SubmissionIds.commentId(submissionId, position);
            CommentFields f = valid.get(i);
            comments.add(new Comment(commentId, position, drafts.get(i).origin().row(), f, CommentStatus.SUBMITTED, null, null,
                    null, null, List.of(CommentHistoryEntry.of(CommentAction.SUBMITTED, actor.name(), now))));
            events.add(new CommentSubmitted(commentId, period.periodId(), period.proposalId(), f.memberBody(), period.version(),
                    f.lineNumber(), f.clause(), f.element(), f.type().code(), f.comment(), f.proposedChange(), actor.name(), now));
        }
        CommentSubmission submission = new CommentSubmission(submissionId, period.periodId(), period.proposalId(),
                period.committeeId(), actor.memberBody(), period.version(), form, idempotencyKey, fingerprint, actor.name(), now,
                comments);
        return new Change<>(submission, events, true);
    }

    /** Whether a retry with this submission's idempotency key asks for exactly what this submission was. */
    public boolean isRepeatedBy(String otherFingerprint) {
        return Objects.equals(fingerprint, otherFingerprint);
    }

    public Optional<Comment> comment(String commentId) {
        return comments.stream().filter(c -> c.commentId().equals(commentId)).findFirst();
    }

    public Comment requireComment(String commentId) {
        return comment(commentId).orElseThrow(() -> new NotFoundException("Comment", commentId));
    }

    /** The member body changes its own comment's content while the period accepts comments and nobody has resolved it. */
    public Change<CommentSubmission> amend(String commentId, CommentDraft draft, CommentPeriod period, Actor actor, Instant now) {
        Comment comment = requireComment(commentId);
        actor.requireMemberBody(memberBody);
        if (comment.isWithdrawn()) {
            throw withdrawn(commentId);
        }
        period.requireAcceptingCommentsAt(now);
        if (comment.disposition() != null) {
            throw (ConflictException) new ConflictException("Comment resolved", "Comment '" + commentId
                    + "' already has a disposition (" + comment.disposition().code() + "); it can no longer be amended")
                    .with("commentId", commentId);
        }
        CommentFields fields = CommentRules.validateAmendment(draft, memberBody, period);
        if (fields.equals(comment.fields())) {
            return Change.none(this);
        }
        CommentSubmission next = replace(comment.amended(fields, actor.name(), now));
        return Change.of(next, new CommentAmended(commentId, periodId, proposalId, memberBody, fields.lineNumber(), fields.clause(),
                fields.element(), fields.type().code(), fields.comment(), fields.proposedChange(), actor.name(), now));
    }

    /** The member body takes its own comment back while the period accepts comments; withdrawing twice changes nothing. */
    public Change<CommentSubmission> withdraw(String commentId, CommentPeriod period, Actor actor, Instant now) {
        Comment comment = requireComment(commentId);
        actor.requireMemberBody(memberBody);
        if (comment.isWithdrawn()) {
            return Change.none(this);
        }
        period.requireAcceptingCommentsAt(now);
        CommentSubmission next = replace(comment.withdrawn(actor.name(), now));
        return Change.of(next, new CommentWithdrawn(commentId, periodId, proposalId, memberBody, actor.name(), now));
    }

    /**
     * The editor or the secretariat records what was done with a comment; a later disposition
     * replaces an earlier one, and recording the same one again changes nothing.
     */
    public Change<CommentSubmission> resolve(String commentId, String disposition, String observations, Actor actor, Instant now) {
        actor.require(Role.EDITOR, Role.SECRETARIAT);
        Comment comment = requireComment(commentId);
        Disposition decided = Disposition.parse(disposition).orElseThrow(() -> new InvalidInputException("disposition",
                disposition == null || disposition.isBlank() ? "is required: one of " + Disposition.codes()
                        : "'" + disposition + "' is not one of " + Disposition.codes()));
        String text = CommentRules.text(observations);
        if (text != null && text.length() > CommentRules.MAX_TEXT) {
            throw new InvalidInputException("observations", "is longer than " + CommentRules.MAX_TEXT + " characters");
        }
        if (comment.isWithdrawn()) {
            throw withdrawn(commentId);
        }
        if (decided == comment.disposition() && Objects.equals(text, comment.observations())) {
            return Change.none(this);
        }
        CommentSubmission next = replace(comment.resolved(decided, text, actor.name(), now));
        return Change.of(next, new CommentResolved(commentId, periodId, proposalId, decided.name(), text, actor.name(), now));
    }

    private CommentSubmission replace(Comment changed) {
        List<Comment> next = new ArrayList<>(comments);
        next.set(next.indexOf(requireComment(changed.commentId())), changed);
        return new CommentSubmission(submissionId, periodId, proposalId, committeeId, memberBody, version, form, idempotencyKey,
                fingerprint, submittedBy, submittedAt, next);
    }

    private static ConflictException withdrawn(String commentId) {
        return (ConflictException) new ConflictException("Comment withdrawn", "Comment '" + commentId + "' was withdrawn")
                .with("commentId", commentId);
    }
}
