package org.accord.comments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ClauseOrderTest {

    private static List<String> sorted(String... clauses) {
        List<String> list = new ArrayList<>(List.of(clauses));
        Collections.shuffle(list, new Random(42));
        list.sort(ClauseOrder.INSTANCE);
        return list;
    }

    @Test
    void shouldOrderClauseNumbersNumericallyNotAlphabetically() {
        assertThat(sorted("10", "2", "1", "3")).containsExactly("1", "2", "3", "10");
        assertThat(sorted("3.10", "3.2", "3.1", "3.9")).containsExactly("3.1", "3.2", "3.9", "3.10");
        assertThat(sorted("5.10.1", "5.2.10", "5.2.9", "5.10")).containsExactly("5.2.9", "5.2.10", "5.10", "5.10.1");
    }

    @Test
    void shouldPutAClauseBeforeItsSubclauses() {
        assertThat(sorted("3.1.1", "3", "3.1", "4")).containsExactly("3", "3.1", "3.1.1", "4");
    }

    @Test
    void shouldPutGeneralRemarksAndTheFrontMatterFirstInReadingOrder() {
        assertThat(sorted("1", "Introduction", "Foreword", "General", "0.1"))
                .containsExactly("General", "Foreword", "Introduction", "0.1", "1");
    }

    @Test
    void shouldPutAnnexesAfterTheNumberedClausesEachHeadingBeforeItsSubclauses() {
        assertThat(sorted("A.1", "Annex B", "10", "Annex A", "A.2", "B.1", "A.1.1", "A.10", "9.9"))
                .containsExactly("9.9", "10", "Annex A", "A.1", "A.1.1", "A.2", "A.10", "Annex B", "B.1");
    }

    @Test
    void shouldOrderAnnexSubclausesNumericallyInEitherFormTheDraftParserAccepts() {
        // Issue 13: "Annex A.2" and "Annex A.10" read as the heading of annex A and ordered as strings.
        assertThat(sorted("Annex A.10", "B", "Annex A.2", "Annex A.1", "Annex B"))
                .containsExactly("Annex A.1", "Annex A.2", "Annex A.10", "Annex B", "B");
        assertThat(sorted("Annex A.1.10", "A.1.2", "Annex A", "A.10", "Annex A.2"))
                .containsExactly("Annex A", "A.1.2", "Annex A.1.10", "Annex A.2", "A.10");
        assertThat(sorted("A.10", "Annex A.2", "A.1", "Annex B")).containsExactly("A.1", "Annex A.2", "A.10", "Annex B");
        assertThat(ClauseOrder.canonical("Annex A.2")).isEqualTo(ClauseOrder.canonical("A.2"));
        assertThat(ClauseOrder.canonical("Annex A (normative) JSON schema")).startsWith("annex a");
    }

    @Test
    void shouldPutTheBibliographyAfterTheAnnexesAndUnrecognisedReferencesLast() {
        assertThat(sorted("Bibliography", "Annex C", "Figure 3", "2")).containsExactly("2", "Annex C", "Bibliography", "Figure 3");
    }

    @Test
    void shouldOrderAnnexLettersAsTheAlphabetThenDoubleLetters() {
        assertThat(sorted("Annex AA", "Annex Z", "Annex B", "ZA.1")).containsExactly("Annex B", "Annex Z", "Annex AA", "ZA.1");
    }

    @Test
    void shouldReadAnnexHeadingsWithTheirCategoryAndTitleAsTheAnnex() {
        assertThat(sorted("A.1", "Annex A (normative) JSON schema", "6.2"))
                .containsExactly("6.2", "Annex A (normative) JSON schema", "A.1");
    }

    @Test
    void shouldTreatSpellingsOfOneClauseAlikeForMatching() {
        assertThat(ClauseOrder.canonical(" Clause  5.2. ")).isEqualTo("5.2");
        assertThat(ClauseOrder.canonical("annex a")).isEqualTo(ClauseOrder.canonical("Annex A"));
        assertThat(ClauseOrder.INSTANCE.compare("5.2", "Clause 5.2.")).isNotZero();
    }

    @Test
    void shouldCompareNumbersOfAnyLengthWithoutOverflow() {
        assertThat(sorted("99999999999999999999", "3", "100000000000000000000"))
                .containsExactly("3", "99999999999999999999", "100000000000000000000");
    }

    @Test
    void shouldBeATotalOrderOverMixedReferences() {
        Gen<String> reference = integers().between(0, 7).zip(integers().between(0, 12), integers().between(0, 12), (kind, a, b) -> switch (kind) {
            case 0 -> String.valueOf(a);
            case 1 -> a + "." + b;
            case 2 -> a + "." + b + "." + (a + b);
            case 3 -> "Annex " + (char) ('A' + a % 5);
            case 4 -> (char) ('A' + a % 5) + "." + b;
            case 5 -> a % 2 == 0 ? "Foreword" : "Introduction";
            case 6 -> "Bibliography";
            default -> "Table " + a;
        });
        qt().withExamples(300).forAll(lists().of(reference).ofSizeBetween(3, 3)).check(three -> {
            String a = three.get(0);
            String b = three.get(1);
            String c = three.get(2);
            ClauseOrder order = ClauseOrder.INSTANCE;
            boolean antisymmetric = Integer.signum(order.compare(a, b)) == -Integer.signum(order.compare(b, a));
            boolean consistent = order.compare(a, b) != 0 || a.equals(b);
            boolean transitive = !(order.compare(a, b) <= 0 && order.compare(b, c) <= 0) || order.compare(a, c) <= 0;
            return antisymmetric && consistent && transitive;
        });
    }

    @Test
    void shouldKeepSubclausesOfAClauseTogetherWhateverTheirNumbers() {
        qt().withExamples(200).forAll(integers().between(1, 30), integers().between(1, 30), integers().between(1, 30))
                .check((clause, sub, other) -> {
                    String parent = String.valueOf(clause);
                    String child = clause + "." + sub;
                    String next = String.valueOf(clause + other);
                    return ClauseOrder.INSTANCE.compare(parent, child) < 0 && ClauseOrder.INSTANCE.compare(child, next) < 0;
                });
    }
}
