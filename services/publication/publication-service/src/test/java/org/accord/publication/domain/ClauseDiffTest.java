package org.accord.publication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClauseDiffTest {

    static String draft() throws IOException {
        try (InputStream in = ClauseDiffTest.class.getResourceAsStream("/texts/draft-acc-tc1-wd-42.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldReadClausesAsTheirHeadingsNumberThemAndSkipTheFrontMatter() throws IOException {
        List<Clause> clauses = StandardText.clauses(draft());

        assertThat(clauses).extracting(Clause::number).startsWith("Foreword", "Introduction", "1", "2", "3", "3.1")
                .contains("6.2", "Annex A", "Annex B", "Bibliography")
                .doesNotContain(StandardText.PREAMBLE);
        Clause scope = clauses.get(2);
        assertThat(scope.title()).isEqualTo("Scope");
        assertThat(scope.level()).isEqualTo(1);
        assertThat(scope.body().get(0)).startsWith("This document specifies the content and structure");
        assertThat(clauses.stream().filter(c -> c.number().equals("Annex A")).findFirst().orElseThrow().title())
                .isEqualTo("(normative) JSON schema for evaluation reports");
    }

    @Test
    void shouldNotTakeAHashLineInFencedCodeForAHeading() {
        List<Clause> clauses = StandardText.clauses("# 1 Scope\n\n```\n# not a clause\n```\n\n# 2 Terms\n");
        assertThat(clauses).extracting(Clause::number).containsExactly("1", "2");
    }

    @Test
    void shouldListAddedRemovedChangedAndUnchangedClausesInTheNewerOrder() throws IOException {
        String older = draft();
        String newer = older
                .replace("It does not specify\nacceptance thresholds for any metric.", "It specifies\nminimum acceptance thresholds.")
                .replace("## 3.4 reporting organization", "## 3.4 reporting body")
                .replace("# 2 Normative references\n\nThere are no normative references in this document.\n\n", "")
                .replace("# 4 General principles\n", "## 3.5 uncertainty\n\nquantified doubt about a result\n\n# 4 General principles\n");

        ClauseDiff.Result diff = ClauseDiff.between(older, newer);

        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(1);
        assertThat(diff.changed()).isEqualTo(2);
        assertThat(diff.clauses()).extracting(ClauseDiff.ClauseChange::number)
                .containsSubsequence("1", "2", "3", "3.4", "3.5", "4");
        ClauseDiff.ClauseChange scope = diff.clauses().stream().filter(c -> c.number().equals("1")).findFirst().orElseThrow();
        assertThat(scope.status()).isEqualTo(ClauseDiff.Status.CHANGED);
        assertThat(scope.changes()).singleElement().satisfies(change -> {
            assertThat(change.fromLines()).anyMatch(l -> l.contains("does not specify"));
            assertThat(change.toLines()).anyMatch(l -> l.contains("minimum acceptance thresholds"));
        });
        ClauseDiff.ClauseChange renamed = diff.clauses().stream().filter(c -> c.number().equals("3.4")).findFirst().orElseThrow();
        assertThat(renamed.changes()).extracting(ClauseDiff.LineChange::type).containsExactly("TITLE");
        assertThat(diff.clauses().stream().filter(c -> c.number().equals("2")).findFirst().orElseThrow().status())
                .isEqualTo(ClauseDiff.Status.REMOVED);
        assertThat(diff.clauses().stream().filter(c -> c.number().equals("Annex A")).findFirst().orElseThrow().status())
                .isEqualTo(ClauseDiff.Status.UNCHANGED);
    }
}
