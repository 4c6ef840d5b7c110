package org.accord.comments.domain;

import static org.accord.comments.domain.Fixtures.EDITOR;
import static org.accord.comments.domain.Fixtures.committee;
import static org.accord.comments.domain.Fixtures.draft;
import static org.accord.comments.domain.Fixtures.indexed;
import static org.accord.comments.domain.Fixtures.nb;
import static org.accord.comments.domain.Fixtures.period;
import static org.accord.comments.domain.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.List;

import org.accord.actor.Actor;
import org.accord.problem.FieldError;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.UnauthorizedException;
import org.junit.jupiter.api.Test;

class CommentRulesTest {

    @Test
    void shouldAcceptATemplateCommentAndNormaliseItsCells() {
        CommentDraft cell = new CommentDraft(Origin.row(2), " ke ", " 60 ", "Clause 5.2.", " Table 1 ", "TE",
                "  Line one\r\nline two ", "", null);

        List<CommentFields> valid = CommentRules.validate(List.of(cell), period(), committee(), nb("KE"));

        // Trimmed, but the line break stays as it was sent: the compiled template gives it back the same.
        assertThat(valid).containsExactly(new CommentFields("KE", 60, "5.2", "Table 1", CommentType.TE, "Line one\r\nline two", null));
    }

    @Test
    void shouldTakeTheCallersMemberBodyWhenTheCommentLeavesItOut() {
        List<CommentFields> valid = CommentRules.validate(List.of(draft(null, "Annex A", "ge", "Publish the schema")), period(),
                committee(), nb("BR"));

        assertThat(valid.get(0).memberBody()).isEqualTo("BR");
        assertThat(valid.get(0).clause()).isEqualTo("Annex A");
    }

    @Test
    void shouldNameRowAndColumnOfAClauseTheCommentedVersionDoesNotHave() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> CommentRules.validate(
                rows(draft("KE", "5.2", "te", "fine"), draft("KE", "7.1", "te", "no such clause")), period(), committee(), nb("KE")));

        assertThat(refused.errors()).containsExactly(FieldError.atCell(3, "Clause/ Subclause", "clause",
                "'7.1' is not a clause of version 1 of the draft"));
    }

    @Test
    void shouldRefuseATypeOtherThanGeTeOrEdNamingTheCell() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> CommentRules.validate(
                rows(draft("KE", "5.2", "major", "typo")), period(), committee(), nb("KE")));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("Type of comment");
            assertThat(e.field()).isEqualTo("type");
            assertThat(e.message()).contains("'major'").contains("ge").contains("te").contains("ed");
        });
    }

    @Test
    void shouldReportEveryInvalidCellOfABatchAtOnce() {
        CommentDraft bad = new CommentDraft(Origin.SINGLE, "KE", "twelve", "", null, "", " ", null, 2);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> CommentRules.validate(
                indexed(draft("KE", "1", "ge", "ok"), bad), period(), committee(), nb("KE")));

        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactly("[1].version", "[1].lineNumber", "[1].clause", "[1].type", "[1].comment");
    }

    @Test
    void shouldRefuseACodeThatIsNotAnIsoCountryNamingTheCell() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> CommentRules.validate(
                rows(draft("K1", "1", "ge", "?")), period(), committee(), nb("KE")));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).isEqualTo("MB/NC");
            assertThat(e.message()).contains("'K1' is not an ISO 3166-1 alpha-2");
        });
    }

    @Test
    void shouldRefuseRowsOfAnotherMemberBodyAsForbiddenNamingTheRows() {
        ForbiddenException refused = catchThrowableOfType(ForbiddenException.class, () -> CommentRules.validate(
                rows(draft("KE", "1", "ge", "ours"), draft("FR", "1", "ge", "theirs")), period(), committee(), nb("KE")));

        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) refused.properties().get("errors");
        assertThat(errors).containsExactly(FieldError.atCell(3, "MB/NC", "memberBody", "names member body FR, but the caller acts for KE"));
    }

    @Test
    void shouldRefuseAMemberBodyOutsideTheCommittee() {
        ForbiddenException refused = catchThrowableOfType(ForbiddenException.class, () -> CommentRules.validate(
                rows(draft("ZW", "1", "ge", "we are not members")), period(), committee(), nb("ZW")));

        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) refused.properties().get("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("memberBody");
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.message()).contains("ZW is not a P- or O-member of ACC/TC 1");
        });
    }

    @Test
    void shouldAdmitObservingMembersAndTheBallotElectorateOfAnEnquiry() {
        assertThat(CommentRules.validate(List.of(draft("SE", "1", "ed", "o-member")), period(), committee(), nb("SE"))).hasSize(1);

        CommentPeriod enquiry = CommentPeriod.open("b-1", "p-1", "ACC/TC 9", PeriodKind.ENQUIRY, 2, Fixtures.clauses(List.of("1")),
                List.of("NG"), List.of("MX"), Fixtures.DEADLINE, "editor", Fixtures.NOW).state();
        assertThat(CommentRules.validate(List.of(draft(null, "1", "te", "from the electorate")), enquiry, null, nb("MX"))).hasSize(1);
    }

    @Test
    void shouldLetOnlyNationalBodiesComment() {
        assertThatThrownBy(() -> CommentRules.validate(List.of(draft("KE", "1", "ge", "x")), period(), committee(), EDITOR))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> CommentRules.validate(List.of(draft("KE", "1", "ge", "x")), period(), committee(), Actor.ANONYMOUS))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void shouldRefuseAnEmptyOrOversizedSubmission() {
        assertThatThrownBy(() -> CommentRules.validate(List.of(), period(), committee(), nb("KE")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one comment");
        List<CommentDraft> tooMany = Collections.nCopies(CommentRules.MAX_COMMENTS + 1, draft("KE", "1", "ge", "x"));
        assertThatThrownBy(() -> CommentRules.validate(tooMany, period(), committee(), nb("KE")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most " + CommentRules.MAX_COMMENTS);
    }

    @Test
    void shouldCapTheReportedErrorsOfAHugeBadFile() {
        List<CommentDraft> bad = Collections.nCopies(500, draft("KE", "99", "ge", "x"));

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> CommentRules.validate(bad, period(), committee(), nb("KE")));

        assertThat(refused.errors()).hasSize(CommentRules.MAX_REPORTED_ERRORS);
    }

    @Test
    void shouldExplainThatAnUnknownClauseListCannotBeCheckedYet() {
        CommentPeriod unknown = CommentPeriod.open("cp-2", "p-1", "ACC/TC 1", PeriodKind.COMMITTEE, 3, List.of(), List.of(), List.of(),
                Fixtures.DEADLINE, "editor", Fixtures.NOW).state();

        assertThatThrownBy(() -> CommentRules.validate(List.of(draft("KE", "1", "ge", "x")), unknown, committee(), nb("KE")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not known");
    }
}
