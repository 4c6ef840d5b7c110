package org.accord.proposals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.accord.problem.InvalidInputException;
import org.accord.proposals.events.Clause;
import org.junit.jupiter.api.Test;

class DraftParserTest {

    private final ParsedDraft sample = DraftParser.parse(SampleDrafts.workingDraft42());

    @Test
    void shouldFindEveryClauseOfTheSampleDraftInDocumentOrder() {
        assertThat(sample.clauseTexts()).extracting(ClauseText::number).containsExactly(
                "Foreword", "Introduction", "1", "2", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.2", "4.3",
                "5", "5.1", "5.2", "5.3", "5.4", "6", "6.1", "6.2", "Annex A", "Annex B", "Bibliography");
    }

    @Test
    void shouldSplitNumberedHeadingsIntoNumberAndTitle() {
        assertThat(sample.clauses()).contains(
                new Clause("1", "Scope"),
                new Clause("3.2", "evaluation dataset"),
                new Clause("6.2", "Identifiers"),
                new Clause("Annex A", "(normative) JSON schema for evaluation reports"),
                new Clause("Annex B", "(informative) Example evaluation report"));
    }

    @Test
    void shouldUseTheTitleOfAnUnnumberedSectionAsItsNumber() {
        assertThat(sample.clauses()).startsWith(new Clause("Foreword", "Foreword"), new Clause("Introduction", "Introduction"));
    }

    @Test
    void shouldNotTakeTheFrontMatterForAClause() {
        assertThat(sample.preamble()).startsWith("---").contains("project: 42");
        assertThat(sample.clauseTexts().get(0).line()).isEqualTo(8);
    }

    @Test
    void shouldKeepEachClauseBodyUpToTheNextHeading() {
        ClauseText dataset = sample.clause("3.2").orElseThrow();
        assertThat(dataset.body()).isEqualTo("collection of data used exclusively to measure the performance of a model");
        assertThat(dataset.level()).isEqualTo(2);
        assertThat(dataset.heading()).isEqualTo("## 3.2 evaluation dataset");
        assertThat(sample.clause("3").orElseThrow().body()).isEmpty();
        assertThat(sample.clause("Bibliography").orElseThrow().body()).startsWith("[1] ISO/IEC 22989");
    }

    @Test
    void shouldHashTheExactTextWithSha256() {
        assertThat(sample.sha256()).hasSize(64).isEqualTo(TextDigest.sha256(SampleDrafts.workingDraft42()));
        assertThat(TextDigest.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void shouldReadAnAnnexSubclauseWrittenWithTheWordAnnexAsThatSubclause() {
        ParsedDraft draft = DraftParser.parse("# 1 Scope\n\nText.\n\n# Annex A (normative) Schemas\n\nIntro.\n\n"
                + "## Annex A.2 Second\n\nTwo.\n\n## A.10 Tenth\n\nTen.\n");
        assertThat(draft.clauses()).containsExactly(new Clause("1", "Scope"), new Clause("Annex A", "(normative) Schemas"),
                new Clause("A.2", "Second"), new Clause("A.10", "Tenth"));
    }

    @Test
    void shouldReadAnnexSubclausesAndIgnoreHeadingsInsideCodeBlocks() {
        ParsedDraft draft = DraftParser.parse("""
                # Annex C (informative) Examples

                ## C.1 A report

                ```markdown
                # 9 Not a clause
                ```

                ### C.1.2 Details
                > # 10 Quoted, not a clause
                """);
        assertThat(draft.clauses()).containsExactly(new Clause("Annex C", "(informative) Examples"),
                new Clause("C.1", "A report"), new Clause("C.1.2", "Details"));
        assertThat(draft.clause("C.1").orElseThrow().body()).contains("# 9 Not a clause");
    }

    @Test
    void shouldTakeInlineMarkupOutOfHeadingTitles() {
        ParsedDraft draft = DraftParser.parse("# 1 *Scope* of `reports` #\n\ntext\n");
        assertThat(draft.clauses()).containsExactly(new Clause("1", "Scope of reports"));
    }

    @Test
    void shouldRefuseADraftThatNumbersTwoClausesAlike() {
        assertThatThrownBy(() -> DraftParser.parse("# 1 Scope\n\n# 2 Terms\n\n# 2 Principles\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("text");
                        assertThat(error.message()).contains("'2' appears twice, at lines 3 and 5");
                    });
                });
    }

    @Test
    void shouldRefuseADraftWithoutHeadingsOrText() {
        assertThatThrownBy(() -> DraftParser.parse("Just a paragraph.\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("no clause headings"));
        assertThatThrownBy(() -> DraftParser.parse("  \n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("text"));
    }
}
