package org.accord.voting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.FieldError;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;

/**
 * A ballot on one version of a draft. Its electorate is fixed when it opens: the committee's
 * P-members and, on enquiry and approval ballots opened to them, its O-members. Each member body
 * has at most one current vote, which it may change until the ballot closes; every vote cast is
 * kept in {@code history} in the order received. The ballot closes at its deadline, and then its
 * rule set decides; where early close is allowed, as soon as no vote still to come can change
 * what the rule set decides ({@link RuleSet#outcomeSettled}), which is always so once every
 * member whose vote counts has voted. A ballot of a withdrawn project closes without a decision
 * (outcome WITHDRAWN).
 *
 * @param versionSha256 the SHA-256 of the balloted version's text (null for ballots opened before it was carried)
 */
public record Ballot(String ballotId, String proposalId, String committeeId, BallotType ballotType, String ruleSet,
                     int version, String versionSha256, List<String> participatingMembers, List<String> observingMembers,
                     boolean observersMayVote, boolean earlyCloseAllowed, Instant deadline, Instant openedAt,
                     BallotStatus status, List<Vote> votes, List<Vote> history, BallotResult result) {

    public Ballot {
        participatingMembers = participatingMembers == null ? List.of() : List.copyOf(participatingMembers);
        observingMembers = observingMembers == null ? List.of() : List.copyOf(observingMembers);
        votes = votes == null ? List.of() : List.copyOf(votes);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Opens the requested ballot; an unknown ballot type or rule set, or missing data, is invalid input. */
    public static Transition open(BallotRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(request.ballotId())) {
            errors.add(FieldError.of("ballotId", "is required"));
        }
        if (blank(request.proposalId())) {
            errors.add(FieldError.of("proposalId", "is required"));
        }
        BallotType type = null;
        try {
            type = request.ballotType() == null ? null : BallotType.valueOf(request.ballotType());
        } catch (IllegalArgumentException unknown) {
            // reported below, with the other errors
        }
        if (type == null) {
            errors.add(FieldError.of("ballotType", "'" + request.ballotType() + "' is not one of "
                    + List.of(BallotType.values())));
        }
        if (RuleSets.find(request.ruleSet()).isEmpty()) {
            errors.add(FieldError.of("ruleSet", "'" + request.ruleSet() + "' is not one of " + RuleSets.names()));
        }
        if (request.deadline() == null) {
            errors.add(FieldError.of("deadline", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<String> participating = new LinkedHashSet<>(request.participatingMembers() == null ? List.of()
                : request.participatingMembers());
        Set<String> observing = new LinkedHashSet<>(request.observingMembers() == null ? List.of()
                : request.observingMembers());
        // A member body is P or O in a committee, never both; should a request say both, P (the duty to vote) wins.
        observing.removeAll(participating);
        Ballot ballot = new Ballot(request.ballotId(), request.proposalId(), request.committeeId(), type,
                request.ruleSet(), request.version(), request.versionSha256(), List.copyOf(participating), List.copyOf(observing),
                request.observersMayVote() && type.admitsObservers(), request.earlyCloseAllowed(), request.deadline(), now,
                BallotStatus.OPEN, List.of(), List.of(), null);
        return new Transition(ballot, List.of(new BallotFact.Opened()));
    }

    /**
     * Records the vote of {@code memberBody}, cast by {@code actor}: only that member body's national
     * body may vote for it, only while the ballot is open and before its deadline, and only if the
     * member body is in the electorate. Repeating the current vote changes nothing.
     */
    public Transition cast(Actor actor, String memberBody, VoteChoice choice, Instant now) {
        return cast(actor, memberBody, choice, now, MemberBodyStandings.NONE);
    }

    /**
     * As {@link #cast(Actor, String, VoteChoice, Instant)}, where the register's {@code standings}
     * also decide: a suspended or resigned member body, or one whose category does not vote, is
     * refused ({@link MemberBodyStanding#requireMayVote()}). Votes it cast before stay counted.
     */
    public Transition cast(Actor actor, String memberBody, VoteChoice choice, Instant now, MemberBodyStandings standings) {
        actor.requireMemberBody(memberBody);
        Membership membership = membershipOf(memberBody).orElseThrow(() -> notInElectorate(memberBody));
        standings.of(memberBody).ifPresent(MemberBodyStanding::requireMayVote);
        if (status == BallotStatus.CLOSED) {
            boolean withdrawn = result.outcome() == Outcome.WITHDRAWN;
            throw new ConflictException(withdrawn ? "Ballot withdrawn" : "Ballot closed", "Ballot '" + ballotId + "' "
                    + (withdrawn ? "ended when its project was withdrawn at " : "closed at ")
                    + result.closedAt() + "; votes are no longer accepted")
                    .with("ballotStatus", status.name()).with("outcome", result.outcome().name())
                    .with("closedAt", result.closedAt().toString());
        }
        if (!now.isBefore(deadline)) {
            throw new ConflictException("Ballot deadline passed", "Ballot '" + ballotId
                    + "' reached its deadline " + deadline + "; votes are no longer accepted")
                    .with("ballotStatus", status.name()).with("deadline", deadline.toString());
        }
        validate(choice);
        Optional<Vote> earlier = voteOf(memberBody);
        if (earlier.isPresent() && earlier.get().says(choice)) {
            return Transition.unchanged(this);
        }
        Vote vote = new Vote(memberBody, membership, choice.position(), choice.reasons(), choice.commitsToParticipate(),
                choice.expert(), history.size() + 1, earlier.isPresent(), actor.name(), now);
        List<Vote> current = new ArrayList<>(votes.size() + 1);
        votes.stream().filter(v -> !v.memberBody().equals(memberBody)).forEach(current::add);
        current.add(vote);
        List<Vote> all = new ArrayList<>(history);
        all.add(vote);
        Ballot next = withVotes(current, all);
        List<BallotFact> facts = new ArrayList<>(List.of(new BallotFact.VoteRecorded(vote)));
        if (earlyCloseAllowed && next.outcomeSettled(standings)) {
            Transition closing = next.close(next.tally().notVoted() == 0 ? CloseReason.ALL_VOTED : CloseReason.OUTCOME_SETTLED,
                    now);
            facts.addAll(closing.facts());
            next = closing.ballot();
        }
        return new Transition(next, facts);
    }

    /** Closes the ballot if its deadline has passed; a closed ballot stays as it is. */
    public Transition closeIfDue(Instant now) {
        if (status == BallotStatus.CLOSED || now.isBefore(deadline)) {
            return Transition.unchanged(this);
        }
        return close(CloseReason.DEADLINE, now);
    }

    /**
     * Ends an open ballot of a withdrawn project without a decision: outcome WITHDRAWN, the votes
     * so far kept as they were, no rule applied. A closed ballot stays as it is.
     */
    public Transition withdraw(String fromStage, Instant now) {
        if (closed()) {
            return Transition.unchanged(this);
        }
        BallotResult ended = new BallotResult(Outcome.WITHDRAWN, tally(), List.of(), "Withdrawn: the project was withdrawn"
                + (fromStage == null ? "" : " in stage " + fromStage) + " before the ballot closed; no rule was applied and "
                + "there is no result.", CloseReason.WITHDRAWN, now);
        return new Transition(closedWith(ended), List.of(new BallotFact.Closed(ended)));
    }

    private Transition close(CloseReason reason, Instant now) {
        Tally tally = tally();
        Decision decision = RuleSets.named(ruleSet).decide(tally);
        BallotResult closed = new BallotResult(decision.outcome(), tally, decision.checks(), decision.explanation(), reason, now);
        return new Transition(closedWith(closed), List.of(new BallotFact.Closed(closed)));
    }

    private Ballot closedWith(BallotResult result) {
        return new Ballot(ballotId, proposalId, committeeId, ballotType, ruleSet, version, versionSha256, participatingMembers,
                observingMembers, observersMayVote, earlyCloseAllowed, deadline, openedAt, BallotStatus.CLOSED, votes,
                history, result);
    }

    /** The current votes counted against the electorate. */
    public Tally tally() {
        return Tally.of(participatingMembers.size(), observersMayVote ? observingMembers.size() : 0, votes);
    }

    /** What the rule set would decide on the votes so far. */
    public Decision decision() {
        return RuleSets.named(ruleSet).decide(tally());
    }

    /** The member body's place in the electorate, if it has one. */
    public Optional<Membership> membershipOf(String memberBody) {
        if (participatingMembers.contains(memberBody)) {
            return Optional.of(Membership.P);
        }
        if (observersMayVote && observingMembers.contains(memberBody)) {
            return Optional.of(Membership.O);
        }
        return Optional.empty();
    }

    public Optional<Vote> voteOf(String memberBody) {
        return votes.stream().filter(v -> v.memberBody().equals(memberBody)).findFirst();
    }

    public boolean closed() {
        return status == BallotStatus.CLOSED;
    }

    /** How many of the electorate's members of this kind have voted (what is shown while the ballot is open). */
    public int returnedBy(Membership membership) {
        return (int) votes.stream().filter(v -> v.membership() == membership).count();
    }

    /**
     * Who may see the ballot at all: anyone once it has closed (results are public); while it is
     * open, editors, the secretariat and the national bodies of the committee's members when it
     * opened (P and O), and no one else.
     */
    public boolean readableBy(Actor actor) {
        return closed() || actor.has(Role.EDITOR) || actor.has(Role.SECRETARIAT)
                || actor.has(Role.NATIONAL_BODY) && (participatingMembers.contains(actor.memberBody())
                        || observingMembers.contains(actor.memberBody()));
    }

    /** See {@link #readableBy(Actor)}: 401 without a token, 403 for anyone else it is not shown to. */
    public void requireReadableBy(Actor actor) {
        if (readableBy(actor)) {
            return;
        }
        actor.require(Role.EDITOR, Role.SECRETARIAT, Role.NATIONAL_BODY);
        throw new ForbiddenException(actor.name() + " is not a member of " + committeeId
                + "; an open ballot is shown to the committee's members only, its result to anyone once it closes");
    }

    /**
     * Who may see every vote as cast, in order: anyone once the ballot closed (results are public);
     * while it is open, the secretariat and the editor only, so no national body votes knowing
     * how others voted.
     */
    public void requireHistoryReadableBy(Actor actor) {
        if (!closed()) {
            actor.require(Role.SECRETARIAT, Role.EDITOR);
        }
    }

    /** A national body may see its own current vote while the ballot is open; the secretariat any. */
    public void requireVoteReadableBy(Actor actor, String memberBody) {
        requireReadableBy(actor);
        if (closed() || actor.has(Role.SECRETARIAT)) {
            return;
        }
        actor.requireMemberBody(memberBody);
    }

    /** Whether the members yet to vote can no longer change what the rule set decides. */
    public boolean outcomeSettled() {
        return outcomeSettled(MemberBodyStandings.NONE);
    }

    /**
     * As {@link #outcomeSettled()}, leaving out of those yet to vote the members the register
     * says have resigned: a resignation is final, so they will not vote, and "not voting at all"
     * is among the completions every rule set tries, so leaving them out never settles a ballot
     * whose outcome could still change. Suspended members, and members of a category that does not
     * vote, stay among those yet to vote: they may be reinstated or change category before the
     * deadline. The tally (electorate sizes, who returned) stays as the ballot opened.
     */
    public boolean outcomeSettled(MemberBodyStandings standings) {
        int participatingToVote = yetToVote(participatingMembers, standings);
        int observingToVote = observersMayVote ? yetToVote(observingMembers, standings) : 0;
        return RuleSets.named(ruleSet).outcomeSettled(tally(), participatingToVote, observingToVote);
    }

    /** The voters a ballot asks the register about: its electorate. */
    public List<String> electorate() {
        if (!observersMayVote) {
            return participatingMembers;
        }
        List<String> all = new ArrayList<>(participatingMembers);
        all.addAll(observingMembers);
        return all;
    }

    private int yetToVote(List<String> members, MemberBodyStandings standings) {
        return (int) members.stream().filter(m -> voteOf(m).isEmpty() && !standings.hasResigned(m)).count();
    }

    private void validate(VoteChoice choice) {
        List<FieldError> errors = new ArrayList<>();
        if (choice.position() == null) {
            errors.add(FieldError.of("position", "is required: one of " + List.of(Position.values())));
        } else if (choice.position() == Position.DISAPPROVE && choice.reasons() == null) {
            errors.add(FieldError.of("reasons", "a disapproval must state its technical reasons"));
        }
        if (ballotType != BallotType.NP) {
            if (choice.commitsToParticipate() != null) {
                errors.add(FieldError.of("commitsToParticipate",
                        "only a new-work-item (NP) ballot takes commitments to participate; this is a " + ballotType + " ballot"));
            }
            if (choice.expert() != null) {
                errors.add(FieldError.of("expert", "only a new-work-item (NP) ballot nominates experts; this is a "
                        + ballotType + " ballot"));
            }
        } else if (Boolean.TRUE.equals(choice.commitsToParticipate()) && choice.expert() == null) {
            errors.add(FieldError.of("expert", "a commitment to participate nominates the expert who will take part"));
        } else if (!Boolean.TRUE.equals(choice.commitsToParticipate()) && choice.expert() != null) {
            errors.add(FieldError.of("expert", "an expert is nominated only with commitsToParticipate: true"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private ForbiddenException notInElectorate(String memberBody) {
        if (observingMembers.contains(memberBody)) {
            return new ForbiddenException(memberBody + " is an O-member of " + committeeId + "; O-members do not vote on "
                    + (ballotType.admitsObservers() ? "this " + ballotType + " ballot, which is not open to them"
                            : ballotType + " ballots"));
        }
        return new ForbiddenException(memberBody + " is not in the electorate of ballot '" + ballotId
                + "' (the members of " + committeeId + " when it opened)");
    }

    private Ballot withVotes(List<Vote> current, List<Vote> all) {
        return new Ballot(ballotId, proposalId, committeeId, ballotType, ruleSet, version, versionSha256, participatingMembers,
                observingMembers, observersMayVote, earlyCloseAllowed, deadline, openedAt, status, current, all, result);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
