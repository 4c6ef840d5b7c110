package org.accord.comments.domain;

import static org.accord.comments.domain.Fixtures.EDITOR;
import static org.accord.comments.domain.Fixtures.NOW;
import static org.accord.comments.domain.Fixtures.SECRETARIAT;
import static org.accord.comments.domain.Fixtures.committee;
import static org.accord.comments.domain.Fixtures.draft;
import static org.accord.comments.domain.Fixtures.nb;
import static org.accord.comments.domain.Fixtures.period;
import static org.accord.comments.domain.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.accord.comments.events.CommentAmended;
import org.accord.comments.events.CommentPeriodClosed;
import org.accord.comments.events.CommentResolved;
import org.accord.comments.events.CommentSubmitted;
import org.accord.comments.events.CommentWithdrawn;
import org.accord.problem.ConflictException;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

class CommentSubmissionTest {

    @Test
    void shouldAcceptABatchAsOneSubmissionWithOneEventPerComment() {
        Change<CommentSubmission> change = CommentSubmission.submit("cs-000000000000000000000001", period(), committee(), nb("KE"),
                SubmissionForm.CSV, Fixtures.rows(draft("KE", "5.2", "te", "a"), draft("KE", "1", "ed", "b")), "key-1", "fp", NOW);

        assertThat(change.state().comments()).extracting(Comment::commentId)
                .containsExactly("cs-000000000000000000000001-1", "cs-000000000000000000000001-2");
        assertThat(change.state().comments()).extracting(Comment::sourceRow).containsExactly(2, 3);
        assertThat(change.events()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(CommentSubmitted.class));
        CommentSubmitted first = (CommentSubmitted) change.events().get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.memberBody()).isEqualTo("KE");
        assertThat(first.type()).isEqualTo("te");
        assertThat(change.state().idempotencyKey()).isEqualTo("key-1");
    }

    @Test
    void shouldRefuseCommentsOnceTheDeadlineHasPassedEvenBeforeTheScannerClosesThePeriod() {
        CommentPeriod due = Fixtures.period(NOW.minusSeconds(1));

        assertThatThrownBy(() -> CommentSubmission.submit(SubmissionIds.fresh(), due, committee(), nb("KE"), SubmissionForm.SINGLE,
                List.of(draft("KE", "1", "ge", "late")), null, "fp", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("passed its deadline");
    }

    @Test
    void shouldLetTheMemberBodyAmendItsCommentAndKeepWhatItReplaced() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "first words"));
        String id = submission.comments().get(0).commentId();

        Change<CommentSubmission> change = submission.amend(id, draft(null, "5.3", "ed", "better words"), period(), nb("KE"), NOW);

        Comment amended = change.state().requireComment(id);
        assertThat(amended.fields().clause()).isEqualTo("5.3");
        assertThat(amended.submittedFields().comment()).isEqualTo("first words");
        assertThat(amended.history()).extracting(CommentHistoryEntry::action).containsExactly(CommentAction.SUBMITTED, CommentAction.AMENDED);
        assertThat(change.events()).singleElement().isInstanceOf(CommentAmended.class);
    }

    @Test
    void shouldNotLetAnotherMemberBodyTouchAComment() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "ours"));
        String id = submission.comments().get(0).commentId();

        assertThatThrownBy(() -> submission.amend(id, draft(null, "5.2", "te", "theirs"), period(), nb("FR"), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> submission.withdraw(id, period(), nb("FR"), NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> submission.amend(id, draft("FR", "5.2", "te", "moved"), period(), nb("KE"), NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldRefuseAmendmentsAndWithdrawalsAfterThePeriodClosed() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "ours"));
        String id = submission.comments().get(0).commentId();
        CommentPeriod closed = period().close(CloseReason.EDITOR, List.of(), NOW).state();

        assertThatThrownBy(() -> submission.amend(id, draft(null, "5.2", "te", "later"), closed, nb("KE"), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> submission.withdraw(id, closed, nb("KE"), NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldWithdrawOnceAndTreatASecondWithdrawalAsDone() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "ours"));
        String id = submission.comments().get(0).commentId();

        Change<CommentSubmission> first = submission.withdraw(id, period(), nb("KE"), NOW);
        Change<CommentSubmission> second = first.state().withdraw(id, period(), nb("KE"), NOW);

        assertThat(first.events()).singleElement().isInstanceOf(CommentWithdrawn.class);
        assertThat(first.state().requireComment(id).isWithdrawn()).isTrue();
        assertThat(second.changed()).isFalse();
        assertThat(second.events()).isEmpty();
    }

    @Test
    void shouldRecordWhoResolvedACommentAndLetALaterDispositionReplaceIt() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "ours"));
        String id = submission.comments().get(0).commentId();

        CommentSubmission once = submission.resolve(id, "modified", "A list of reasons is added", EDITOR, NOW).state();
        Change<CommentSubmission> again = once.resolve(id, "accepted", null, SECRETARIAT, NOW.plusSeconds(60));

        Comment resolved = again.state().requireComment(id);
        assertThat(resolved.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(resolved.resolvedBy()).isEqualTo("secretariat");
        assertThat(resolved.history()).filteredOn(h -> h.action() == CommentAction.RESOLVED)
                .extracting(CommentHistoryEntry::by, CommentHistoryEntry::disposition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("editor", Disposition.ACCEPTED_IN_PRINCIPLE),
                        org.assertj.core.groups.Tuple.tuple("secretariat", Disposition.ACCEPTED));
        assertThat(again.events()).singleElement().isInstanceOfSatisfying(CommentResolved.class,
                e -> assertThat(e.disposition()).isEqualTo("ACCEPTED"));
        assertThat(again.state().resolve(id, "accepted", null, SECRETARIAT, NOW).changed()).isFalse();
    }

    @Test
    void shouldLetOnlyTheEditorOrSecretariatResolveAndOnlyWithAKnownDisposition() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "ours"));
        String id = submission.comments().get(0).commentId();

        assertThatThrownBy(() -> submission.resolve(id, "accepted", null, nb("KE"), NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> submission.resolve(id, "rejected", null, EDITOR, NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("disposition");
    }

    @Test
    void shouldNotResolveOrAmendAWithdrawnCommentNorAmendAResolvedOne() {
        CommentSubmission submission = submitted(nb("KE"), draft("KE", "5.2", "te", "a"), draft("KE", "5.3", "te", "b"));
        String first = submission.comments().get(0).commentId();
        String second = submission.comments().get(1).commentId();
        CommentSubmission changed = submission.withdraw(first, period(), nb("KE"), NOW).state()
                .resolve(second, "noted", null, EDITOR, NOW).state();

        assertThatThrownBy(() -> changed.resolve(first, "noted", null, EDITOR, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> changed.amend(second, draft(null, "5.3", "te", "c"), period(), nb("KE"), NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("disposition");
    }

    @Test
    void shouldCloseOnceWithCountsByTypeAndMemberBodyLeavingOutWithdrawnComments() {
        CommentSubmission ke = submitted(nb("KE"), draft("KE", "5.2", "te", "a"), draft("KE", "5.3", "ed", "b"));
        ke = ke.withdraw(ke.comments().get(1).commentId(), period(), nb("KE"), NOW).state();
        CommentSubmission fr = submitted(nb("FR"), draft("FR", "1", "ge", "c"), draft("FR", "2", "te", "d"));
        List<Comment> comments = FiledComment.commentsOf(List.of(ke, fr));

        Change<CommentPeriod> closing = period().close(CloseReason.DEADLINE, comments, Instant.parse("2027-01-26T00:00:00Z"));
        Change<CommentPeriod> again = closing.state().close(CloseReason.EDITOR, comments, NOW);

        CommentPeriodClosed closed = (CommentPeriodClosed) closing.events().get(0);
        assertThat(closed.total()).isEqualTo(3);
        assertThat(closed.byType()).containsExactly(java.util.Map.entry("ge", 1), java.util.Map.entry("te", 2),
                java.util.Map.entry("ed", 0));
        assertThat(closed.byMemberBody()).containsExactly(java.util.Map.entry("FR", 2), java.util.Map.entry("KE", 1));
        assertThat(closed.reason()).isEqualTo("DEADLINE");
        assertThat(closing.state().status()).isEqualTo(PeriodStatus.CLOSED);
        assertThat(again.changed()).isFalse();
        assertThat(again.state().closeReason()).isEqualTo(CloseReason.DEADLINE);
    }

    @Test
    void shouldCompileWithoutWithdrawnCommentsInClauseThenMemberBodyOrderWithTheDispositionInTheObservations() {
        CommentSubmission us = submitted(nb("US"), draft("US", "Annex A", "ge", "x"), draft("US", "6.2", "te", "y"),
                draft("US", "5.2", "ed", "withdrawn"));
        us = us.withdraw(us.comments().get(2).commentId(), period(), nb("US"), NOW).state();
        CommentSubmission de = submitted(nb("DE"), draft("DE", "Foreword", "ed", "z"), draft("DE", "2", "te", "w"));
        de = de.resolve(de.comments().get(1).commentId(), "not-accepted", "Out of scope.", EDITOR, NOW).state();

        Compilation compilation = Compilation.of(period(), List.of(us, de));

        assertThat(compilation.comments()).extracting(f -> f.comment().fields().clause() + "/" + f.comment().fields().memberBody())
                .containsExactly("Foreword/DE", "2/DE", "6.2/US", "Annex A/US");
        assertThat(compilation.comments().get(1).secretariatObservations()).isEqualTo("Not accepted. Out of scope.");
    }

    @Test
    void shouldDeriveTheSameSubmissionIdFromTheSameKeyAndMemberBodyOnly() {
        assertThat(SubmissionIds.forKey("cp-1", "KE", "k-1")).isEqualTo(SubmissionIds.forKey("cp-1", "KE", "k-1"))
                .isNotEqualTo(SubmissionIds.forKey("cp-1", "FR", "k-1")).isNotEqualTo(SubmissionIds.forKey("cp-1", "KE", "k-2"))
                .as("the same key in another period").isNotEqualTo(SubmissionIds.forKey("cp-2", "KE", "k-1"));
        String commentId = SubmissionIds.commentId(SubmissionIds.forKey("cp-1", "KE", "k-1"), 12);
        assertThat(SubmissionIds.submissionOf(commentId)).contains(SubmissionIds.forKey("cp-1", "KE", "k-1"));
        assertThat(SubmissionIds.submissionOf("c-77aa01")).isEmpty();
        assertThatThrownBy(() -> SubmissionIds.requireValidKey("has space")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldFingerprintWhatWasAskedNotWhereItCameFrom() {
        List<CommentDraft> asRows = Fixtures.rows(draft("KE", "1", "ge", "a"));
        List<CommentDraft> asArray = Fixtures.indexed(draft("KE", "1", "ge", "a"));

        assertThat(SubmissionFingerprint.of("cp-1", SubmissionForm.CSV, asRows))
                .isEqualTo(SubmissionFingerprint.of("cp-1", SubmissionForm.BATCH, asArray))
                .isNotEqualTo(SubmissionFingerprint.of("cp-2", SubmissionForm.BATCH, asArray))
                .isNotEqualTo(SubmissionFingerprint.of("cp-1", SubmissionForm.BATCH, Fixtures.indexed(draft("KE", "1", "ge", "b"))));
    }
}
