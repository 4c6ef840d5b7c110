package org.accord.proposals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.problem.UnauthorizedException;
import org.accord.proposals.events.CommitteeMembershipChanged;
import org.junit.jupiter.api.Test;

class CommitteeTest {

    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);

    private final Committee sc2 = Committee.register("ACC/TC 1/SC 2", "AI governance and trustworthiness", "FR",
            List.of("FR", "CN", "KE"), List.of("US"), "reference-data", NOW).state();

    @Test
    void shouldRegisterAtMembershipVersionOneWithASnapshotAndASlug() {
        Change<Committee> registered = Committee.register("ACC/TC 1/SC 2", "AI governance", "FR", List.of("FR"), List.of(),
                "reference-data", NOW);
        assertThat(registered.state().slug()).isEqualTo("ACC-TC-1-SC-2");
        assertThat(registered.events()).singleElement().isEqualTo(new CommitteeMembershipChanged("ACC/TC 1/SC 2",
                "AI governance", "FR", List.of("FR"), List.of(), 1, "registered", "reference-data", NOW));
    }

    @Test
    void shouldRefuseReferenceDataWithAMemberListedTwiceOrASecretariatThatDoesNotParticipate() {
        assertThatThrownBy(() -> Committee.register("X", "X", "FR", List.of("FR", "US"), List.of("US"), "r", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> Committee.register("X", "X", "DE", List.of("FR"), List.of(), "r", NOW))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secretariat");
    }

    @Test
    void shouldAddAMemberAsANewSnapshotOneVersionHigher() {
        Change<Committee> change = sc2.setMember("RW", MembershipStatus.P, SECRETARIAT, NOW.plusSeconds(60));
        assertThat(change.state().participating()).containsExactly("FR", "CN", "KE", "RW");
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(CommitteeMembershipChanged.class, snapshot -> {
            assertThat(snapshot.membershipVersion()).isEqualTo(2);
            assertThat(snapshot.change()).isEqualTo("RW added as P-member");
            assertThat(snapshot.participating()).contains("RW");
            assertThat(snapshot.observing()).containsExactly("US");
            assertThat(snapshot.changedBy()).isEqualTo("secretariat");
        });
    }

    @Test
    void shouldMoveAMemberBetweenPAndO() {
        Change<Committee> change = sc2.setMember("US", MembershipStatus.P, SECRETARIAT, NOW);
        assertThat(change.state().observing()).isEmpty();
        assertThat(change.state().participating()).contains("US");
        assertThat(((CommitteeMembershipChanged) change.events().get(0)).change()).isEqualTo("US moved from O to P");
    }

    @Test
    void shouldChangeNothingWhenTheStatusIsAlreadyTheOneAskedFor() {
        Change<Committee> change = sc2.setMember("KE", MembershipStatus.P, SECRETARIAT, NOW);
        assertThat(change.isEmpty()).isTrue();
        assertThat(change.state()).isSameAs(sc2);
    }

    @Test
    void shouldRemoveAMemberButNeverTheSecretariat() {
        Change<Committee> change = sc2.removeMember("KE", SECRETARIAT, NOW);
        assertThat(change.state().participating()).containsExactly("FR", "CN");
        assertThat(change.state().membershipVersion()).isEqualTo(2);
        assertThat(((CommitteeMembershipChanged) change.events().get(0)).change()).isEqualTo("KE removed (was P-member)");

        assertThatThrownBy(() -> sc2.removeMember("FR", SECRETARIAT, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sc2.setMember("FR", MembershipStatus.O, SECRETARIAT, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sc2.removeMember("DE", SECRETARIAT, NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldLetOnlyTheSecretariatChangeTheMembership() {
        assertThatThrownBy(() -> sc2.setMember("RW", MembershipStatus.P, Actor.of("editor", Role.EDITOR), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> sc2.removeMember("KE", Actor.nationalBody("KE"), NOW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldLetMembersEditorsAndTheSecretariatReadItsProposals() {
        sc2.requireProposalReader(Actor.nationalBody("KE"));
        sc2.requireProposalReader(Actor.nationalBody("US"));
        sc2.requireProposalReader(Actor.of("editor", Role.EDITOR));
        sc2.requireProposalReader(SECRETARIAT);
        assertThatThrownBy(() -> sc2.requireProposalReader(Actor.nationalBody("DE"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> sc2.requireProposalReader(Actor.ANONYMOUS)).isInstanceOf(UnauthorizedException.class);
    }
}
