package org.accord.publication.domain;

import static org.accord.publication.domain.ApprovalBuilder.approval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.accord.problem.ConflictException;
import org.accord.problem.NotFoundException;
import org.accord.publication.events.StandardPublished;
import org.junit.jupiter.api.Test;

class StandardTest {

    static final Instant MAY_2027 = Instant.parse("2027-05-02T08:00:00Z");
    static final Instant MARCH_2028 = Instant.parse("2028-03-10T09:30:00Z");
    static final Instant JUNE_2029 = Instant.parse("2029-06-01T00:00:00Z");
    static final Instant NEW_YEARS_EVE_2030 = Instant.parse("2030-12-31T23:59:59Z");

    long sequence = 100;

    Standard publish(Standard standard, Approval approval, Instant at) {
        Standard.Change change = standard.publish(approval, at);
        Standard.Change numbered = change.numbered(++sequence);
        return numbered.standard();
    }

    Publication last(Standard standard) {
        return standard.publications().get(standard.publications().size() - 1);
    }

    @Test
    void shouldIssueAFirstEditionDesignatedByProjectAndYearOfPublication() {
        Standard.Change change = Standard.empty(42).publish(approval().build(), MAY_2027);

        Publication first = change.affected().get(0);
        assertThat(first.designation()).isEqualTo("ACC 42:2027");
        assertThat(first.edition()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(first.previousSha256()).isNull();
        StandardPublished fact = change.published().get(0);
        assertThat(fact.designation()).isEqualTo("ACC 42:2027");
        assertThat(fact.edition()).isEqualTo(1);
        assertThat(fact.replaces()).isNull();
        assertThat(fact.publishedAt()).isEqualTo(MAY_2027);
    }

    @Test
    void shouldTakeTheYearInUtc() {
        Standard published = publish(Standard.empty(42), approval().build(), NEW_YEARS_EVE_2030);
        assertThat(last(published).designation()).isEqualTo("ACC 42:2030");
    }

    @Test
    void shouldMakeARevisionEditionTwoThatCancelsAndReplacesEditionOne() {
        Standard first = publish(Standard.empty(42), approval().build(), MAY_2027);
        Standard.Change change = first.publish(approval().revision("ACC 42:2027").text("# 1 Scope\n\nRevised.\n").build(),
                JUNE_2029);

        Publication second = change.affected().get(0);
        assertThat(second.designation()).isEqualTo("ACC 42:2029");
        assertThat(second.edition()).isEqualTo(2);
        assertThat(second.replaces()).isEqualTo("ACC 42:2027");
        assertThat(second.previousSha256()).isEqualTo(first.publications().get(0).textSha256());
        assertThat(change.published().get(0).replaces()).isEqualTo("ACC 42:2027");
        assertThat(change.published().get(0).previousEditionSha256()).isEqualTo(first.publications().get(0).textSha256());
        Publication replaced = change.standard().publications().get(0);
        assertThat(replaced.status()).isEqualTo(PublicationStatus.REPLACED);
        assertThat(replaced.replacedBy()).isEqualTo("ACC 42:2029");
        assertThat(change.standard().currentEdition()).contains(second);
    }

    @Test
    void shouldNumberAmendmentsAndCorrigendaSeparatelyPerEditionWithTheirOwnYear() {
        Standard s = publish(Standard.empty(42), approval().build(), MAY_2027);
        s = publish(s, approval().amendment("ACC 42:2027").text("Amd 1").build(), MARCH_2028);
        s = publish(s, approval().corrigendum("ACC 42:2027").text("Cor 1").build(), MARCH_2028);
        s = publish(s, approval().amendment("ACC 42:2027").text("Amd 2").build(), JUNE_2029);

        assertThat(s.publications()).extracting(Publication::designation).containsExactly(
                "ACC 42:2027", "ACC 42:2027/Amd 1:2028", "ACC 42:2027/Cor 1:2028", "ACC 42:2027/Amd 2:2029");
        assertThat(s.publications()).extracting(Publication::edition).containsOnly(1);
        assertThat(s.publications()).extracting(Publication::basedOn)
                .containsExactly(null, "ACC 42:2027", "ACC 42:2027", "ACC 42:2027");
    }

    @Test
    void shouldAmendTheCurrentEditionWhenNoEditionIsNamedAndRestartNumberingForANewEdition() {
        Standard s = publish(Standard.empty(42), approval().build(), MAY_2027);
        s = publish(s, approval().amendment(null).text("Amd 1").build(), MARCH_2028);
        s = publish(s, approval().revision("ACC 42:2027").text("Edition 2").build(), JUNE_2029);
        s = publish(s, approval().amendment(null).text("Amd 1 of edition 2").build(), NEW_YEARS_EVE_2030);

        assertThat(last(s).designation()).isEqualTo("ACC 42:2029/Amd 1:2030");
        assertThat(last(s).edition()).isEqualTo(2);
        assertThat(s.find(Designation.parse("ACC 42:2027/Amd 1:2028").orElseThrow(), null))
                .get().extracting(Publication::status).isEqualTo(PublicationStatus.REPLACED);
    }

    @Test
    void shouldLinkEveryPublicationToTheTextPublishedBeforeItInTheProject() {
        Standard s = publish(Standard.empty(42), approval().text("one").build(), MAY_2027);
        s = publish(s, approval().amendment("ACC 42:2027").text("two").build(), MARCH_2028);
        s = publish(s, approval().revision("ACC 42:2027").text("three").build(), JUNE_2029);

        assertThat(s.publications()).extracting(Publication::previousSha256)
                .containsExactly(null, TextHash.sha256("one"), TextHash.sha256("two"));
    }

    @Test
    void shouldGiveTwoEditionsOfOneYearAndTheirAmendmentsDesignationsThatEachNameOneDocument() {
        // Issue 13: both editions were "ACC 42:2027", and so were their amendments; a lookup found only the newer.
        Standard s = publish(Standard.empty(42), approval().text("one").build(), MAY_2027);
        s = publish(s, approval().amendment("ACC 42:2027").text("amd of one").build(), MAY_2027.plusSeconds(86_400));
        s = publish(s, approval().revision("ACC 42:2027").text("two").build(), MAY_2027.plusSeconds(2 * 86_400));
        s = publish(s, approval().amendment(null).text("amd of two").build(), MAY_2027.plusSeconds(3 * 86_400));
        s = publish(s, approval().revision(null).text("three").build(), MAY_2027.plusSeconds(4 * 86_400));

        assertThat(s.publications()).extracting(Publication::designation).containsExactly(
                "ACC 42:2027", "ACC 42:2027/Amd 1:2027", "ACC 42:2028", "ACC 42:2028/Amd 1:2028", "ACC 42:2029");
        for (Publication p : s.publications()) {
            assertThat(s.publications()).filteredOn(o -> o.designation().equals(p.designation())).containsExactly(p);
            assertThat(s.find(p.parsedDesignation(), null)).contains(p);
        }
        // The previous edition's hash, not the previous document's (an amendment came between).
        assertThat(s.publications()).extracting(Publication::previousEditionSha256).containsExactly(null,
                TextHash.sha256("one"), TextHash.sha256("one"), TextHash.sha256("two"), TextHash.sha256("two"));
        assertThat(s.publications()).extracting(Publication::amendsSha256).containsExactly(null,
                TextHash.sha256("one"), null, TextHash.sha256("two"), null);
        assertThat(s.publications()).extracting(Publication::previousSha256).containsExactly(null,
                TextHash.sha256("one"), TextHash.sha256("amd of one"), TextHash.sha256("two"), TextHash.sha256("amd of two"));
    }

    @Test
    void shouldIssueARedeliveredApprovalOnlyOnce() {
        Approval approval = approval().build();
        Standard s = publish(Standard.empty(42), approval, MAY_2027);

        Standard.Change again = s.publish(approval, JUNE_2029);

        assertThat(again.isEmpty()).isTrue();
        assertThat(again.standard()).isEqualTo(s);
        assertThat(again.affected()).containsExactly(s.publications().get(0));
    }

    @Test
    void shouldRefuseASecondFirstEditionARevisionWithoutEditionAndAnAmendmentOfAReplacedEdition() {
        Standard s = publish(Standard.empty(42), approval().build(), MAY_2027);
        assertThatThrownBy(() -> s.publish(approval().build(), JUNE_2029)).isInstanceOf(PublicationRefused.class)
                .hasMessageContaining("already has ACC 42:2027");
        assertThatThrownBy(() -> Standard.empty(42).publish(approval().revision(null).build(), JUNE_2029))
                .isInstanceOf(PublicationRefused.class).hasMessageContaining("no published edition");
        Standard revised = publish(s, approval().revision("ACC 42:2027").text("two").build(), JUNE_2029);
        assertThatThrownBy(() -> revised.publish(approval().amendment("ACC 42:2027").text("x").build(), JUNE_2029))
                .isInstanceOf(PublicationRefused.class).hasMessageContaining("replaced");
        assertThatThrownBy(() -> revised.publish(approval().revision("ACC 42:2027").text("y").build(), JUNE_2029))
                .isInstanceOf(PublicationRefused.class).hasMessageContaining("only the current edition");
        assertThatThrownBy(() -> s.publish(approval().amendment("ACC 7:2027").build(), JUNE_2029))
                .isInstanceOf(PublicationRefused.class).hasMessageContaining("project 7");
        assertThatThrownBy(() -> s.publish(approval().kind("ERRATUM").build(), JUNE_2029))
                .isInstanceOf(PublicationRefused.class).hasMessageContaining("ERRATUM");
    }

    @Test
    void shouldRefuseATextThatDoesNotHashToTheApprovedSha256() {
        Approval tampered = approval().text("# 1 Scope\n\nchanged after approval\n").sha256(TextHash.sha256("approved")).build();
        assertThatThrownBy(() -> Standard.empty(42).publish(tampered, MAY_2027))
                .isInstanceOf(PublicationRefused.class).hasMessageContaining("hashes to");
    }

    @Test
    void shouldNumberTheFeedEventsOfAChangeAndMarkTheReplacedEditionWithTheSameNumber() {
        Standard s = Standard.empty(42).publish(approval().build(), MAY_2027).numbered(7).standard();
        Standard.Change revision = s.publish(approval().revision("ACC 42:2027").text("two").build(), JUNE_2029).numbered(9);

        assertThat(revision.standard().publications()).extracting(Publication::sequence).containsExactly(7L, 9L);
        assertThat(revision.standard().publications()).extracting(Publication::lastSequence).containsExactly(9L, 9L);
        assertThat(revision.standard().lastSequence()).isEqualTo(9);
        assertThat(revision.standard().feedEvents()).extracting(FeedEvent::sequence).containsExactly(7L, 9L);
    }

    @Test
    void shouldWithdrawAnEditionWithItsSupplementsInForceEachAsAFeedEvent() {
        Standard s = publish(Standard.empty(42), approval().build(), MAY_2027);
        s = publish(s, approval().amendment("ACC 42:2027").text("Amd 1").build(), MARCH_2028);

        Standard.Change change = s.withdraw(Designation.edition(42, 2027), null, "secretariat", "Obsolete", JUNE_2029);
        assertThat(change.numbersNeeded()).isEqualTo(2);
        Standard.Change numbered = change.numbered(200);

        assertThat(numbered.standard().publications()).extracting(Publication::status)
                .containsOnly(PublicationStatus.WITHDRAWN);
        assertThat(numbered.withdrawn()).extracting(w -> w.designation())
                .containsExactly("ACC 42:2027", "ACC 42:2027/Amd 1:2028");
        assertThat(numbered.standard().feedEvents()).extracting(FeedEvent::type).containsExactly(
                FeedEvent.Type.PUBLISHED, FeedEvent.Type.PUBLISHED, FeedEvent.Type.WITHDRAWN, FeedEvent.Type.WITHDRAWN);
        assertThat(numbered.standard().feedEvents()).extracting(FeedEvent::sequence).containsExactly(101L, 102L, 200L, 201L);
        Standard withdrawn = numbered.standard();
        assertThatThrownBy(() -> withdrawn.withdraw(Designation.edition(42, 2027), null, "secretariat", "again", JUNE_2029))
                .isInstanceOf(ConflictException.class).hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> withdrawn.withdraw(Designation.edition(42, 2031), null, "secretariat", "none", JUNE_2029))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldTellTwoEditionsPublishedInOneYearApartByEditionNumber() {
        Standard s = publish(Standard.empty(42), approval().text("one").build(), MAY_2027);
        s = publish(s, approval().revision("ACC 42:2027").text("two").build(), MAY_2027.plusSeconds(86_400));

        // Issue 13: the second edition of 2027 is dated 2028, so each designation finds its own edition.
        assertThat(s.find(Designation.edition(42, 2027), null)).get().extracting(Publication::edition).isEqualTo(1);
        assertThat(s.find(Designation.edition(42, 2028), null)).get().extracting(Publication::edition).isEqualTo(2);
        assertThat(s.find(Designation.edition(42, 2027), 1)).get().extracting(Publication::edition).isEqualTo(1);
        assertThat(s.editions()).extracting(Publication::designation).containsExactly("ACC 42:2027", "ACC 42:2028");
        assertThat(List.of(s.edition(1).orElseThrow().status(), s.edition(2).orElseThrow().status()))
                .containsExactly(PublicationStatus.REPLACED, PublicationStatus.PUBLISHED);
    }
}
