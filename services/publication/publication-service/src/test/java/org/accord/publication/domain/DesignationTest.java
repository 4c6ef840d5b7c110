package org.accord.publication.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class DesignationTest {

    @Test
    void shouldWriteAnEditionAsPrefixProjectAndYear() {
        Designation d = Designation.edition(42, 2027);
        assertThat(d).hasToString("ACC 42:2027");
        assertThat(d.slug()).isEqualTo("ACC-42-2027");
    }

    @Test
    void shouldWriteAmendmentsAndCorrigendaAfterTheirEdition() {
        Designation edition = Designation.edition(42, 2027);
        assertThat(edition.supplement(PublicationKind.AMENDMENT, 1, 2028)).hasToString("ACC 42:2027/Amd 1:2028");
        assertThat(edition.supplement(PublicationKind.CORRIGENDUM, 2, 2029)).hasToString("ACC 42:2027/Cor 2:2029");
        assertThat(edition.supplement(PublicationKind.AMENDMENT, 1, 2028).slug()).isEqualTo("ACC-42-2027-Amd-1-2028");
        assertThat(edition.supplement(PublicationKind.AMENDMENT, 1, 2028).base()).isEqualTo(edition);
    }

    @Test
    void shouldReadTheDesignationTheSlugAndAnyCase() {
        Designation amendment = Designation.edition(42, 2027).supplement(PublicationKind.AMENDMENT, 1, 2028);
        assertThat(Designation.parse("ACC 42:2027/Amd 1:2028")).contains(amendment);
        assertThat(Designation.parse("ACC-42-2027-Amd-1-2028")).contains(amendment);
        assertThat(Designation.parse("acc-42-2027-amd-1-2028")).contains(amendment);
        assertThat(Designation.parse(" ACC 42:2027 ")).contains(Designation.edition(42, 2027));
    }

    @Test
    void shouldRefuseWhatIsNotADesignation() {
        assertThat(Designation.parse("ISO 9001:2015")).isEmpty();
        assertThat(Designation.parse("ACC 42")).isEmpty();
        assertThat(Designation.parse("ACC 0:2027")).isEmpty();
        assertThat(Designation.parse("ACC 42:2027/Rev 1:2028")).isEmpty();
        assertThat(Designation.parse(null)).isEmpty();
    }

    @Test
    void shouldReadBackEveryDesignationItWritesInBothForms() {
        qt().forAll(integers().between(1, 999_999), integers().between(1900, 2999), integers().between(0, 2),
                        integers().between(1, 99))
                .checkAssert((project, year, kind, number) -> {
                    Designation d = Designation.edition(project, year);
                    if (kind > 0) {
                        d = d.supplement(kind == 1 ? PublicationKind.AMENDMENT : PublicationKind.CORRIGENDUM, number, year + 1);
                    }
                    assertThat(Designation.parse(d.toString())).contains(d);
                    assertThat(Designation.parse(d.slug())).contains(d);
                    assertThat(d.slug()).doesNotContain(" ", ":", "/");
                });
    }
}
