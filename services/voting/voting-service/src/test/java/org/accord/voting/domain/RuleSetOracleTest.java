package org.accord.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The production rule sets against a second implementation written only from the rule text
 * (ARCHITECTURE.md; ISO/IEC Directives Part 1 2.3.5 for NP, 2.6.3 and 2.7.3 for DIS and FDIS;
 * the IEEE SA Standards Board Operations Manual for sponsor ballots) that counts member bodies'
 * votes itself and compares exact fractions, over generated vote patterns that land on every
 * boundary of every rule. The early-close condition is checked against the oracle by trying
 * every way the members yet to vote could complete the ballot.
 */
class RuleSetOracleTest {

    /** What one member body did: not voted, or one of the positions (a disapproval with or without reasons). */
    enum Cast { NONE, APPROVE, APPROVE_WITH_COMMENTS, DISAPPROVE, DISAPPROVE_WITHOUT_REASONS, ABSTAIN }

    /** One member body of the electorate: P or O, what it cast, and whether it commits to the work (NP). */
    record Member(boolean participating, Cast cast, boolean commits) {
    }

    /** The boundaries the generator aims at; each must be hit exactly, and from both sides. */
    enum Boundary { TWO_THIRDS, ONE_QUARTER, RETURN_75, APPROVE_75, ABSTAIN_30, TIE, NOBODY_VOTES, ALL_ABSTAIN, COMMITMENTS, ANY }

    record Case(Boundary aim, int offset, List<Member> members) {
        long count(boolean participating, Cast cast) {
            return members.stream().filter(m -> m.participating() == participating && m.cast() == cast).count();
        }

        int size(boolean participating) {
            return (int) members.stream().filter(m -> m.participating() == participating).count();
        }
    }

    // ---------------------------------------------------------------- the oracle

    /** A fraction of two non-negative integers, kept in lowest terms, compared as a rational number. */
    record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
        Fraction {
            if (denominator.signum() <= 0) {
                throw new IllegalArgumentException("no fraction with denominator " + denominator);
            }
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() > 0) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }

        static Fraction of(long numerator, long denominator) {
            return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }

        Fraction minus(Fraction other) {
            return new Fraction(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                    denominator.multiply(other.denominator));
        }

        /** By the sign of the difference: in lowest terms, equal fractions have the same numerator and denominator. */
        @Override
        public int compareTo(Fraction other) {
            return equals(other) ? 0 : minus(other).numerator.signum();
        }
    }

    static final Fraction TWO_THIRDS = Fraction.of(2, 3);
    static final Fraction ONE_QUARTER = Fraction.of(1, 4);
    static final Fraction THREE_QUARTERS = Fraction.of(75, 100);
    static final Fraction THIRTY_PERCENT = Fraction.of(30, 100);

    static boolean approves(Cast cast) {
        return cast == Cast.APPROVE || cast == Cast.APPROVE_WITH_COMMENTS;
    }

    /** Straight from the rule text, counting the members one by one. */
    static Outcome oracle(String ruleSet, List<Member> members) {
        long pApprove = 0, pAgainst = 0, approve = 0, against = 0, abstain = 0, returned = 0, committed = 0, pMembers = 0;
        for (Member m : members) {
            pMembers += m.participating() ? 1 : 0;
            if (m.cast() == Cast.NONE) {
                continue;
            }
            returned++;
            if (approves(m.cast())) {
                approve++;
                pApprove += m.participating() ? 1 : 0;
            } else if (m.cast() == Cast.DISAPPROVE) {
                // Only a disapproval that states technical reasons counts as a negative vote.
                against++;
                pAgainst += m.participating() ? 1 : 0;
            } else if (m.cast() == Cast.ABSTAIN) {
                abstain++;
            }
            committed += m.participating() && m.commits() ? 1 : 0;
        }
        boolean approved = switch (ruleSet) {
            // 2/3 of the P-members voting approve, and not more than 1/4 of all votes cast are negative; abstentions excluded.
            case IsoEnquiryApproval.NAME -> pApprove + pAgainst > 0
                    && Fraction.of(pApprove, pApprove + pAgainst).compareTo(TWO_THIRDS) >= 0
                    && (approve + against == 0 || Fraction.of(against, approve + against).compareTo(ONE_QUARTER) <= 0);
            // A simple majority of the P-members voting, and 4 P-members committed (5 in committees of more than 16).
            case IsoNewWorkItem.NAME -> pApprove > pAgainst && committed >= (pMembers > 16 ? 5 : 4);
            // 75 % of the ballot group returns, 75 % of approve + disapprove approve, abstentions under 30 % of returns.
            case IeeeSa.NAME -> !members.isEmpty() && Fraction.of(returned, members.size()).compareTo(THREE_QUARTERS) >= 0
                    && approve + against > 0 && Fraction.of(approve, approve + against).compareTo(THREE_QUARTERS) >= 0
                    && returned > 0 && Fraction.of(abstain, returned).compareTo(THIRTY_PERCENT) < 0;
            case SimpleMajority.NAME -> approve > against;
            default -> throw new IllegalArgumentException(ruleSet);
        };
        return approved ? Outcome.APPROVED : Outcome.REJECTED;
    }

    // ---------------------------------------------------------------- production, fed the same members

    static Tally tally(List<Member> members) {
        List<Vote> votes = new ArrayList<>();
        int p = 0, o = 0;
        for (Member m : members) {
            String code = (m.participating() ? "P" : "O") + (m.participating() ? p++ : o++);
            if (m.cast() == Cast.NONE) {
                continue;
            }
            Position position = switch (m.cast()) {
                case APPROVE -> Position.APPROVE;
                case APPROVE_WITH_COMMENTS -> Position.APPROVE_WITH_COMMENTS;
                case DISAPPROVE, DISAPPROVE_WITHOUT_REASONS -> Position.DISAPPROVE;
                default -> Position.ABSTAIN;
            };
            votes.add(Votes.vote(code, m.participating() ? Membership.P : Membership.O, position,
                    m.cast() == Cast.DISAPPROVE ? "technical reasons" : null, m.commits()));
        }
        return Tally.of(p, o, votes);
    }

    static List<RuleSet> ruleSets() {
        return RuleSets.names().stream().map(RuleSets::named).toList();
    }

    /** NP ballots are the P-members' alone; the other rule sets count whoever the electorate holds. */
    static List<Member> electorateOf(RuleSet rules, List<Member> members) {
        return rules.name().equals(IsoNewWorkItem.NAME) ? members.stream().filter(Member::participating).toList() : members;
    }

    // ---------------------------------------------------------------- generated patterns

    static List<Member> members(int n, boolean participating, Cast cast, boolean commits) {
        List<Member> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Member(participating, cast, commits));
        }
        return list;
    }

    /**
     * A pattern built around one boundary: {@code k} sets the scale, {@code offset} (-1, 0, +1)
     * moves one vote across it, {@code filler} adds members who do not count in that rule's ratio.
     */
    static Case build(Boundary aim, int k, int offset, int filler, int extra) {
        List<Member> m = new ArrayList<>();
        switch (aim) {
            case TWO_THIRDS -> { // P approve : P disapprove = 2k : k, then one moved
                m.addAll(members(2 * k + Math.max(offset, 0), true, Cast.APPROVE, false));
                m.addAll(members(k + Math.max(-offset, 0), true, Cast.DISAPPROVE, false));
                m.addAll(members(filler, true, Cast.ABSTAIN, false));
            }
            case ONE_QUARTER -> { // negative votes exactly a quarter of all, with O-members' votes in the count
                m.addAll(members(3 * k + Math.max(offset, 0), true, Cast.APPROVE, false));
                m.addAll(members(k / 2, true, Cast.DISAPPROVE, false));
                m.addAll(members(k - k / 2 + Math.max(-offset, 0), false, Cast.DISAPPROVE, false));
                m.addAll(members(filler, false, Cast.DISAPPROVE_WITHOUT_REASONS, false));
            }
            case RETURN_75 -> { // returned ballots exactly 3/4 of the group
                m.addAll(members(3 * k + Math.max(offset, 0), true, Cast.APPROVE, false));
                m.addAll(members(k + Math.max(-offset, 0), false, Cast.NONE, false));
            }
            case APPROVE_75 -> { // approvals exactly 3/4 of approve + disapprove
                m.addAll(members(3 * k + Math.max(offset, 0), false, Cast.APPROVE_WITH_COMMENTS, false));
                m.addAll(members(k + Math.max(-offset, 0), true, Cast.DISAPPROVE, false));
                m.addAll(members(filler, true, Cast.DISAPPROVE_WITHOUT_REASONS, false));
            }
            case ABSTAIN_30 -> { // abstentions exactly 3/10 of the returned ballots
                m.addAll(members(3 * k + Math.max(offset, 0), true, Cast.ABSTAIN, false));
                m.addAll(members(7 * k + Math.max(-offset, 0), true, Cast.APPROVE, false));
            }
            case TIE -> { // as many for as against, P and overall
                m.addAll(members(k + Math.max(offset, 0), true, Cast.APPROVE, true));
                m.addAll(members(k + Math.max(-offset, 0), true, Cast.DISAPPROVE, false));
                m.addAll(members(filler, false, Cast.ABSTAIN, false));
            }
            case NOBODY_VOTES -> m.addAll(members(k + 1, true, Cast.NONE, false));
            case ALL_ABSTAIN -> {
                m.addAll(members(k + 1, true, Cast.ABSTAIN, false));
                m.addAll(members(filler, false, Cast.ABSTAIN, false));
            }
            case COMMITMENTS -> { // exactly 4 (or 5 above 16 P-members) committed, and one either side
                int pMembers = 1 + k % 34;
                int needed = pMembers > 16 ? 5 : 4;
                int committed = Math.max(0, Math.min(pMembers, needed + offset));
                m.addAll(members(committed, true, Cast.APPROVE, true));
                m.addAll(members(pMembers - committed, true, filler % 2 == 0 ? Cast.APPROVE : Cast.DISAPPROVE, false));
            }
            case ANY -> {
                Cast[] casts = Cast.values();
                for (int i = 0; i < k + 1; i++) {
                    int r = Math.floorMod(extra * 31 + i * 17 + filler * 7 + i * i, casts.length * 2 + 2);
                    m.add(new Member(r % 3 != 0, casts[r % casts.length], r % 4 == 1));
                }
            }
        }
        // Someone to hold the secretariat: an electorate is never empty.
        if (m.stream().noneMatch(Member::participating)) {
            m.add(new Member(true, Cast.NONE, false));
        }
        while (m.size() > 500) {
            m.remove(m.size() - 1);
        }
        return new Case(aim, offset, List.copyOf(m));
    }

    static final Gen<Case> CASES = integers().between(0, Boundary.values().length - 1)
            .zip(integers().between(0, 160), integers().between(-1, 1), (aim, k, offset) -> new int[] {aim, k, offset})
            .zip(integers().between(0, 40), integers().between(0, 1_000), (a, filler, extra) ->
                    build(Boundary.values()[a[0]], a[1], a[2], filler, extra));

    @Test
    void shouldDecideEveryGeneratedPatternAsTheRuleTextDoesOnEveryBoundary() {
        Map<Boundary, AtomicInteger> exactHits = new EnumMap<>(Boundary.class);
        for (Boundary b : Boundary.values()) {
            exactHits.put(b, new AtomicInteger());
        }
        Set<Integer> sizes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        qt().withExamples(4_000).forAll(CASES).checkAssert(c -> {
            if (c.offset() == 0) {
                exactHits.get(c.aim()).incrementAndGet();
            }
            sizes.add(c.members().size());
            for (RuleSet rules : ruleSets()) {
                List<Member> electorate = electorateOf(rules, c.members());
                assertThat(rules.decide(tally(electorate)).outcome())
                        .as("%s on %s", rules.name(), c)
                        .isEqualTo(oracle(rules.name(), electorate));
            }
        });
        assertThat(exactHits).allSatisfy((boundary, hits) -> assertThat(hits.get()).as(boundary.name()).isPositive());
        assertThat(sizes).contains(1).anyMatch(size -> size > 400);
    }

    @Test
    void shouldDecideTheSmallestAndTheLargestElectoratesAsTheRuleTextDoes() {
        for (int size : new int[] {1, 2, 3, 4, 16, 17, 499, 500}) {
            for (Cast cast : Cast.values()) {
                List<Member> everyoneAlike = members(size, true, cast, true);
                for (RuleSet rules : ruleSets()) {
                    assertThat(rules.decide(tally(everyoneAlike)).outcome()).as("%s, %d members all %s", rules.name(), size, cast)
                            .isEqualTo(oracle(rules.name(), everyoneAlike));
                }
            }
        }
    }

    // ---------------------------------------------------------------- early close against every completion

    static final Cast[] COMPLETIONS = Cast.values();

    /** Every outcome the oracle reaches over all the ways the members who have not voted could still vote (or not). */
    static Set<Outcome> outcomesOfEveryCompletion(String ruleSet, List<Member> members) {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        complete(ruleSet, new ArrayList<>(members), 0, outcomes);
        return outcomes;
    }

    private static void complete(String ruleSet, List<Member> members, int from, Set<Outcome> outcomes) {
        if (outcomes.size() > 1) {
            return; // two outcomes already: not settled, whatever the other completions give
        }
        int next = from;
        while (next < members.size() && members.get(next).cast() != Cast.NONE) {
            next++;
        }
        if (next == members.size()) {
            outcomes.add(oracle(ruleSet, members));
            return;
        }
        Member open = members.get(next);
        // Not voting at all is one completion; it is the member left as it is.
        complete(ruleSet, members, next + 1, outcomes);
        for (Cast cast : COMPLETIONS) {
            if (cast == Cast.NONE) {
                continue;
            }
            for (boolean commits : open.participating() ? new boolean[] {false, true} : new boolean[] {false}) {
                members.set(next, new Member(open.participating(), cast, commits));
                complete(ruleSet, members, next + 1, outcomes);
            }
        }
        members.set(next, open);
    }

    /** Electorates of 1 to 9 with 0 to 3 members yet to vote (few enough to try every completion). */
    static final Gen<List<Member>> SMALL_ELECTORATES = integers().between(1, 6).zip(integers().between(0, 3),
            integers().between(0, Integer.MAX_VALUE), (p, o, seed) -> {
                java.util.Random random = new java.util.Random(seed);
                int toVote = random.nextInt(Math.min(3, p + o) + 1);
                List<Member> members = new ArrayList<>();
                for (int i = 0; i < p + o; i++) {
                    Cast cast = Cast.values()[1 + random.nextInt(Cast.values().length - 1)];
                    members.add(new Member(i < p, cast, random.nextBoolean()));
                }
                for (int left = 0; left < toVote; left++) {
                    int at = random.nextInt(members.size());
                    members.set(at, new Member(members.get(at).participating(), Cast.NONE, false));
                }
                return members;
            });

    @Test
    void shouldSettleEarlyExactlyWhenEveryCompletionOfTheRemainingVotesGivesTheSameOutcome() {
        Map<String, int[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
        qt().withExamples(20_000).forAll(SMALL_ELECTORATES).checkAssert(members -> {
            for (RuleSet rules : ruleSets()) {
                List<Member> electorate = electorateOf(rules, members);
                int pToVote = (int) electorate.stream().filter(m -> m.participating() && m.cast() == Cast.NONE).count();
                int oToVote = (int) electorate.stream().filter(m -> !m.participating() && m.cast() == Cast.NONE).count();
                boolean settled = outcomesOfEveryCompletion(rules.name(), electorate).size() == 1;
                assertThat(rules.outcomeSettled(tally(electorate), pToVote, oToVote))
                        .as("%s settled on %s", rules.name(), electorate).isEqualTo(settled);
                seen.computeIfAbsent(rules.name() + settled, key -> new int[1])[0]++;
            }
        });
        // Both answers occur for every rule set, so neither side of the condition goes untested.
        for (RuleSet rules : ruleSets()) {
            assertThat(seen).containsKeys(rules.name() + true, rules.name() + false);
        }
    }
}
