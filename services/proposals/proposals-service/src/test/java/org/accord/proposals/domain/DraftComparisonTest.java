package org.accord.proposals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftComparisonTest {

    private final String v1 = SampleDrafts.workingDraft42();

    @Test
    void shouldReportAChangedClauseWithAUnifiedDiffOfItsText() {
        String v2 = v1.replace("collection of data used exclusively to measure the performance of a model",
                "collection of data used only to measure the performance of a model");
        DraftComparison diff = compare(v1, v2);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.number()).isEqualTo("3.2");
            assertThat(change.change()).isEqualTo(ClauseChange.Kind.CHANGED);
            assertThat(change.diff()).contains("--- v1/3.2", "+++ v2/3.2",
                    "-collection of data used exclusively to measure the performance of a model",
                    "+collection of data used only to measure the performance of a model");
        });
        assertThat(diff.unchanged()).isEqualTo(23);
        assertThat(diff.fromSha256()).isNotEqualTo(diff.toSha256());
    }

    @Test
    void shouldReportAddedAndRemovedClausesWhereTheyStand() {
        String v2 = v1.replace("## 6.2 Identifiers\n", "## 6.3 Identifiers\n")
                .replace("# Annex A", "# 7 Conformance\n\nA report conforms when it meets Clause 5.\n\n# Annex A");
        DraftComparison diff = compare(v1, v2);

        assertThat(diff.changes()).extracting(ClauseChange::number, ClauseChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("6.2", ClauseChange.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("6.3", ClauseChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("7", ClauseChange.Kind.ADDED));
        assertThat(diff.changes().get(2).diff()).contains("+# 7 Conformance", "+A report conforms when it meets Clause 5.");
        assertThat(diff.changes().get(0).titleBefore()).isEqualTo("Identifiers");
    }

    @Test
    void shouldCountARenamedHeadingAsAChangeOfThatClause() {
        DraftComparison diff = compare(v1, v1.replace("## 4.3 Language", "## 4.3 Languages and scripts"));
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.titleBefore()).isEqualTo("Language");
            assertThat(change.titleAfter()).isEqualTo("Languages and scripts");
        });
    }

    @Test
    void shouldCompareTheFrontMatterAsThePreamble() {
        DraftComparison diff = compare(v1, v1.replace("project: 42", "project: 43"));
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.number()).isEqualTo(DraftComparison.PREAMBLE);
            assertThat(change.diff()).contains("-project: 42", "+project: 43");
        });
    }

    @Test
    void shouldFindNothingBetweenAVersionAndItself() {
        DraftComparison diff = compare(v1, v1);
        assertThat(diff.changes()).isEmpty();
        assertThat(diff.unchanged()).isEqualTo(24);
    }

    private static DraftComparison compare(String older, String newer) {
        return DraftComparison.between(1, DraftParser.parse(older), 2, DraftParser.parse(newer));
    }
}
