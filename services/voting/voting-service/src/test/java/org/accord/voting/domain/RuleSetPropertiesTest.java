package org.accord.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.actor.Actor;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of every rule set and of the tally, over committees and votes generated at random. */
class RuleSetPropertiesTest {

    enum Choice { NONE, APPROVE, APPROVE_WITH_COMMENTS, DISAPPROVE, DISAPPROVE_WITHOUT_REASONS, ABSTAIN }

    /** One member body's seat: how it votes (or not) and whether it commits to participate. */
    record Seat(Choice choice, boolean commits) {
    }

    /** Where a seat is: P- or O-member, and its index among them. */
    record Place(Membership membership, int index) {
    }

    record Committee(List<Seat> participating, List<Seat> observing) {

        List<Vote> votes() {
            List<Vote> votes = new ArrayList<>();
            add(votes, participating, Membership.P);
            add(votes, observing, Membership.O);
            return votes;
        }

        private static void add(List<Vote> votes, List<Seat> seats, Membership membership) {
            for (int i = 0; i < seats.size(); i++) {
                Seat seat = seats.get(i);
                if (seat.choice() != Choice.NONE) {
                    votes.add(Votes.vote(code(membership, i), membership, position(seat.choice()),
                            seat.choice() == Choice.DISAPPROVE ? "technical reasons" : null, seat.commits()));
                }
            }
        }

        Tally tally() {
            return Tally.of(participating.size(), observing.size(), votes());
        }

        List<Place> placesWith(Choice... choices) {
            List<Place> places = new ArrayList<>();
            for (int i = 0; i < participating.size(); i++) {
                if (List.of(choices).contains(participating.get(i).choice())) {
                    places.add(new Place(Membership.P, i));
                }
            }
            for (int i = 0; i < observing.size(); i++) {
                if (List.of(choices).contains(observing.get(i).choice())) {
                    places.add(new Place(Membership.O, i));
                }
            }
            return places;
        }

        Seat seat(Place place) {
            return (place.membership() == Membership.P ? participating : observing).get(place.index());
        }

        Committee with(Place place, Seat seat) {
            List<Seat> p = new ArrayList<>(participating);
            List<Seat> o = new ArrayList<>(observing);
            (place.membership() == Membership.P ? p : o).set(place.index(), seat);
            return new Committee(p, o);
        }

        Committee withExtraObserver(Seat seat) {
            List<Seat> o = new ArrayList<>(observing);
            o.add(seat);
            return new Committee(participating, o);
        }

        Committee withExtraParticipant(Seat seat) {
            List<Seat> p = new ArrayList<>(participating);
            p.add(seat);
            return new Committee(p, observing);
        }

        Committee withExtra(Membership membership, Seat seat) {
            return membership == Membership.P ? withExtraParticipant(seat) : withExtraObserver(seat);
        }
    }

    // Approvals weigh more than the rest so that approved ballots are common enough to test what can overturn them.
    static final Gen<Choice> CHOICES = arbitrary().pick(Choice.APPROVE, Choice.APPROVE, Choice.APPROVE,
            Choice.APPROVE_WITH_COMMENTS, Choice.APPROVE_WITH_COMMENTS, Choice.DISAPPROVE,
            Choice.DISAPPROVE_WITHOUT_REASONS, Choice.ABSTAIN, Choice.NONE);
    static final Gen<Seat> SEATS = CHOICES.zip(booleans().all(), Seat::new);
    static final Gen<Committee> COMMITTEES = lists().of(SEATS).ofSizeBetween(0, 30)
            .zip(lists().of(SEATS).ofSizeBetween(0, 12), Committee::new);
    // Committees that certainly have a disapproving member, or a member that has not voted (no assumptions, which
    // would make the generator give up on the small committees it tries first).
    static final Gen<Committee> WITH_DISAPPROVAL = COMMITTEES.zip(arbitrary().enumValues(Membership.class),
            arbitrary().pick(Choice.DISAPPROVE, Choice.DISAPPROVE_WITHOUT_REASONS), booleans().all(),
            (committee, membership, choice, commits) -> committee.withExtra(membership, new Seat(choice, commits)));
    static final Gen<Committee> WITH_SILENT_MEMBER = COMMITTEES.zip(arbitrary().enumValues(Membership.class),
            (committee, membership) -> committee.withExtra(membership, new Seat(Choice.NONE, false)));
    static final Gen<RuleSet> RULE_SETS = arbitrary().pick(RuleSets.names()).map(RuleSets::named);
    static final Gen<RuleSet> ISO_RULE_SETS = arbitrary().pick(IsoEnquiryApproval.NAME, IsoNewWorkItem.NAME).map(RuleSets::named);

    @Test
    void shouldNeverTurnAnApprovalIntoARejectionByTurningOneDisapprovalIntoAnApproval() {
        AtomicInteger approvedBefore = new AtomicInteger();
        qt().forAll(WITH_DISAPPROVAL, RULE_SETS, integers().between(0, 1_000))
                .checkAssert((committee, rules, pick) -> {
                    List<Place> disapprovals = committee.placesWith(Choice.DISAPPROVE, Choice.DISAPPROVE_WITHOUT_REASONS);
                    Place place = disapprovals.get(pick % disapprovals.size());
                    Committee flipped = committee.with(place, new Seat(Choice.APPROVE, committee.seat(place).commits()));
                    if (rules.decide(committee.tally()).approved()) {
                        approvedBefore.incrementAndGet();
                        assertThat(rules.decide(flipped.tally()).outcome()).as("%s after flipping %s", rules.name(), place)
                                .isEqualTo(Outcome.APPROVED);
                    }
                });
        assertThat(approvedBefore).as("approved ballots among the generated ones").hasPositiveValue();
    }

    @Test
    void shouldNeverChangeAnIsoOutcomeByAddingAnAbstention() {
        qt().forAll(WITH_SILENT_MEMBER, ISO_RULE_SETS, integers().between(0, 1_000))
                .checkAssert((committee, rules, pick) -> {
                    List<Place> silent = committee.placesWith(Choice.NONE);
                    Committee abstaining = committee.with(silent.get(pick % silent.size()), new Seat(Choice.ABSTAIN, false));

                    assertThat(rules.decide(abstaining.tally()).outcome()).isEqualTo(rules.decide(committee.tally()).outcome());
                });
        // The enquiry rules do not depend on the size of the electorate: even an abstaining newcomer changes nothing.
        RuleSet enquiry = RuleSets.named(IsoEnquiryApproval.NAME);
        qt().forAll(COMMITTEES).checkAssert(committee ->
                assertThat(enquiry.decide(committee.withExtraObserver(new Seat(Choice.ABSTAIN, false)).tally()).outcome())
                        .isEqualTo(enquiry.decide(committee.tally()).outcome()));
    }

    @Test
    void shouldAlwaysCountEveryMemberOfTheElectorateExactlyOnceHoweverVotesChange() {
        qt().forAll(COMMITTEES, RULE_SETS, lists().of(SEATS).ofSizeBetween(0, 20), longs().all())
                .checkAssert((committee, rules, changes, seed) -> {
                    Ballot ballot = cast(open(committee, rules), committee, rules, new Random(seed));
                    // Some member bodies change their vote afterwards; each keeps one current vote.
                    Random random = new Random(seed + 1);
                    for (Seat change : changes) {
                        if (committee.participating().isEmpty() || change.choice() == Choice.NONE) {
                            continue;
                        }
                        int member = random.nextInt(committee.participating().size());
                        ballot = castSeat(ballot, rules, code(Membership.P, member), change);
                    }
                    Tally tally = ballot.tally();
                    int counted = tally.participatingApprove() + tally.participatingDisapprove() + tally.participatingAbstain()
                            + tally.observingApprove() + tally.observingDisapprove() + tally.observingAbstain()
                            + tally.disapprovalsWithoutReasons() + tally.notVoted();
                    int electorate = committee.participating().size()
                            + (ballot.observersMayVote() ? committee.observing().size() : 0);

                    assertThat(counted).isEqualTo(electorate).isEqualTo(tally.electorate());
                    assertThat(ballot.votes()).hasSize(electorate - tally.notVoted());
                    assertThat(ballot.history()).hasSizeGreaterThanOrEqualTo(ballot.votes().size());
                });
    }

    @Test
    void shouldReachTheSameResultWhateverTheOrderTheVotesArrivedIn() {
        qt().forAll(COMMITTEES, RULE_SETS, longs().all())
                .checkAssert((committee, rules, seed) -> {
                    Ballot inOrder = cast(open(committee, rules), committee, rules, null);
                    Ballot shuffled = cast(open(committee, rules), committee, rules, new Random(seed));

                    assertThat(shuffled.tally()).isEqualTo(inOrder.tally());
                    assertThat(shuffled.decision()).isEqualTo(inOrder.decision());
                });
    }

    static final Instant OPENED = Instant.parse("2027-02-01T00:00:00Z");

    static Ballot open(Committee committee, RuleSet rules) {
        boolean newWork = rules.name().equals(IsoNewWorkItem.NAME);
        List<String> p = codes(Membership.P, committee.participating().size());
        List<String> o = codes(Membership.O, committee.observing().size());
        return Ballot.open(new BallotRequest("b", "p", "TC", newWork ? "NP" : "DIS", rules.name(), 1, p, o, true, false,
                OPENED.plusSeconds(86_400)), OPENED).ballot();
    }

    /** Casts every seat's vote through the ballot, in the committee's order or shuffled. */
    static Ballot cast(Ballot ballot, Committee committee, RuleSet rules, Random shuffle) {
        List<Object[]> casts = new ArrayList<>();
        for (int i = 0; i < committee.participating().size(); i++) {
            casts.add(new Object[] {code(Membership.P, i), committee.participating().get(i)});
        }
        if (ballot.observersMayVote()) {
            for (int i = 0; i < committee.observing().size(); i++) {
                casts.add(new Object[] {code(Membership.O, i), committee.observing().get(i)});
            }
        }
        if (shuffle != null) {
            Collections.shuffle(casts, shuffle);
        }
        for (Object[] cast : casts) {
            ballot = castSeat(ballot, rules, (String) cast[0], (Seat) cast[1]);
        }
        return ballot;
    }

    static Ballot castSeat(Ballot ballot, RuleSet rules, String memberBody, Seat seat) {
        if (seat.choice() == Choice.NONE) {
            return ballot;
        }
        boolean newWork = ballot.ballotType() == BallotType.NP;
        Position position = position(seat.choice());
        // The API refuses disapprovals without reasons, so through the ballot every disapproval has them.
        VoteChoice choice = new VoteChoice(position, position == Position.DISAPPROVE ? "technical reasons" : null,
                newWork ? seat.commits() : null, newWork && seat.commits() ? "An Expert" : null);
        return ballot.cast(Actor.nationalBody(memberBody), memberBody, choice, OPENED.plusSeconds(60)).ballot();
    }

    static Position position(Choice choice) {
        return switch (choice) {
            case APPROVE -> Position.APPROVE;
            case APPROVE_WITH_COMMENTS -> Position.APPROVE_WITH_COMMENTS;
            case DISAPPROVE, DISAPPROVE_WITHOUT_REASONS -> Position.DISAPPROVE;
            case ABSTAIN -> Position.ABSTAIN;
            case NONE -> throw new IllegalArgumentException("no vote");
        };
    }

    static String code(Membership membership, int index) {
        return membership.name() + index;
    }

    static List<String> codes(Membership membership, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(code(membership, i));
        }
        return codes;
    }
}
