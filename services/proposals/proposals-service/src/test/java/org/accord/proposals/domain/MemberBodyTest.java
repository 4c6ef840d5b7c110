package org.accord.proposals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.FieldError;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.accord.proposals.events.MemberBodyAdmitted;
import org.accord.proposals.events.MemberBodyCategoryChanged;
import org.accord.proposals.events.MemberBodyReinstated;
import org.accord.proposals.events.MemberBodyResigned;
import org.accord.proposals.events.MemberBodySuspended;
import org.junit.jupiter.api.Test;

class MemberBodyTest {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);

    private final MemberBody luxembourg = MemberBody.admit("lu", " ILNAS ", "Institut luxembourgeois", "Correspondent",
            SECRETARIAT, NOW).state();

    @Test
    void shouldAdmitAnActiveBodyAtRevisionOneWithItsEvent() {
        Change<MemberBody> admitted = MemberBody.admit("LU", "ILNAS", "Institut luxembourgeois", "correspondent", SECRETARIAT, NOW);
        assertThat(admitted.state().isActive()).isTrue();
        assertThat(admitted.events()).containsExactly(new MemberBodyAdmitted("LU", "ILNAS", "Institut luxembourgeois",
                "correspondent", 1, "secretariat", NOW));
        assertThat(luxembourg.code()).isEqualTo("LU");
        assertThat(luxembourg.name()).isEqualTo("ILNAS");
        assertThat(luxembourg.category()).isEqualTo(MemberCategory.CORRESPONDENT);
    }

    @Test
    void shouldNameEveryInvalidFieldOfAnAdmission() {
        assertThatThrownBy(() -> MemberBody.admit("XX", "", null, "observer", SECRETARIAT, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("code", "name", "localName", "category"));
        assertThatThrownBy(() -> MemberBody.admit("LU", "ILNAS", "ILNAS", "member", Actor.of("editor", Role.EDITOR), NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void shouldSuspendReinstateAndResignEachOnceWithOneRevisionPerChange() {
        Change<MemberBody> suspended = luxembourg.suspend("fees unpaid", SECRETARIAT, NOW);
        assertThat(suspended.events()).containsExactly(new MemberBodySuspended("LU", "fees unpaid", 2, "secretariat", NOW));
        assertThat(suspended.state().suspend("again", SECRETARIAT, NOW).isEmpty()).isTrue();

        Change<MemberBody> reinstated = suspended.state().reinstate(SECRETARIAT, NOW);
        assertThat(reinstated.events()).containsExactly(new MemberBodyReinstated("LU", 3, "secretariat", NOW));
        assertThat(reinstated.state().reinstate(SECRETARIAT, NOW).isEmpty()).isTrue();
        assertThat(reinstated.state().reason()).isNull();

        Change<MemberBody> resigned = reinstated.state().resign("letter", SECRETARIAT, NOW);
        assertThat(resigned.events()).containsExactly(new MemberBodyResigned("LU", "letter", 4, "secretariat", NOW));
        assertThat(resigned.state().resign("letter", SECRETARIAT, NOW).isEmpty()).isTrue();
        assertThatThrownBy(() -> resigned.state().reinstate(SECRETARIAT, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> resigned.state().suspend("x", SECRETARIAT, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> luxembourg.suspend(" ", SECRETARIAT, NOW)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldKeepCorrespondentsAndSubscribersOutOfParticipatingMembership() {
        assertThatThrownBy(() -> luxembourg.requireMayHold(MembershipStatus.P, "ACC/TC 1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only be an O-member");
        luxembourg.requireMayHold(MembershipStatus.O, "ACC/TC 1");

        MemberBody member = luxembourg.changeCategory("member", List.of(), SECRETARIAT, NOW).state();
        assertThat(member.changeCategory("member", List.of(), SECRETARIAT, NOW).isEmpty()).isTrue();
        assertThatThrownBy(() -> member.changeCategory("subscriber", List.of("ACC/TC 1"), SECRETARIAT, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ACC/TC 1");
        assertThat(member.changeCategory("subscriber", List.of(), SECRETARIAT, NOW).events())
                .containsExactly(new MemberBodyCategoryChanged("LU", "subscriber", "member", 3, "secretariat", NOW));
    }

    @Test
    void shouldLetNoSuspendedBodyJoinACommitteeAndLeaveItOutOfElectorates() {
        MemberBody suspended = luxembourg.changeCategory("member", List.of(), SECRETARIAT, NOW).state()
                .suspend("fees unpaid", SECRETARIAT, NOW).state();
        Committee committee = Committee.register("ACC/TC 1", "AI", "FR", List.of("FR"), List.of(), "reference-data", NOW).state();
        assertThatThrownBy(() -> committee.setMember(suspended, MembershipStatus.O, SECRETARIAT, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("until it is reinstated");

        Committee both = Committee.register("ACC/TC 1", "AI", "FR", List.of("FR", "LU"), List.of("US"), "r", NOW).state();
        assertThat(both.electorate(Set.of("FR", "US"))).isEqualTo(new Electorate(List.of("FR"), List.of("US")));
    }
}
