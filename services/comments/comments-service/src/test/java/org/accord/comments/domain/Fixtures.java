package org.accord.comments.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.accord.actor.Actor;
import org.accord.actor.Role;

/** Small builders for the domain's tests: a committee, an open period on a draft's clauses, drafts. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-12-10T14:00:00Z");
    public static final Instant DEADLINE = Instant.parse("2027-01-25T23:59:59Z");
    /** The clauses of the sample working draft ACC/TC 1 WD 42 (and of the reference comments). */
    public static final List<String> CLAUSES = List.of("Foreword", "Introduction", "1", "2", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1",
            "4.2", "4.3", "5", "5.1", "5.2", "5.3", "5.4", "6", "6.1", "6.2", "Annex A", "Annex B", "Bibliography");

    public static final Actor EDITOR = Actor.of("editor", Role.EDITOR);
    public static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);

    private Fixtures() {
    }

    public static Committee committee() {
        return new Committee("ACC/TC 1", "Artificial intelligence", "CN",
                List.of("CN", "US", "GB", "DE", "FR", "JP", "KE", "BR"), List.of("EG", "SE"), 3);
    }

    public static CommentPeriod period() {
        return period(DEADLINE);
    }

    public static CommentPeriod period(Instant deadline) {
        return CommentPeriod.open("cp-1", "p-1", "ACC/TC 1", PeriodKind.COMMITTEE, 1, clauses(CLAUSES), List.of(), List.of(), deadline,
                "editor", NOW.minusSeconds(86_400)).state();
    }

    public static List<DraftClause> clauses(List<String> numbers) {
        return numbers.stream().map(n -> new DraftClause(n, "Clause " + n)).toList();
    }

    public static Actor nb(String code) {
        return Actor.nationalBody(code);
    }

    public static CommentDraft draft(String memberBody, String clause, String type, String comment) {
        return new CommentDraft(Origin.SINGLE, memberBody, null, clause, null, type, comment, null, null);
    }

    public static List<CommentDraft> rows(CommentDraft... drafts) {
        return java.util.stream.IntStream.range(0, drafts.length).mapToObj(i -> drafts[i].withOrigin(Origin.row(i + 2))).toList();
    }

    public static List<CommentDraft> indexed(CommentDraft... drafts) {
        return java.util.stream.IntStream.range(0, drafts.length).mapToObj(i -> drafts[i].withOrigin(Origin.index(i))).toList();
    }

    public static CommentSubmission submitted(Actor actor, CommentDraft... drafts) {
        return CommentSubmission.submit(SubmissionIds.fresh(), period(), committee(), actor, SubmissionForm.BATCH,
                Arrays.asList(drafts), null, "fp", NOW).state();
    }
}
