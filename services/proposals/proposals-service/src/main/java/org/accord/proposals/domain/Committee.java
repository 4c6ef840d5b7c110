package org.accord.proposals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.problem.UnauthorizedException;
import org.accord.proposals.events.CommitteeMembershipChanged;
import org.accord.proposals.events.CommitteeProcedureSet;

/**
 * A technical committee (or subcommittee) and its members. Every change of membership is a new
 * complete snapshot with {@code membershipVersion} one higher, which the comments and voting
 * services use to know who may comment and vote.
 *
 * @param slug the id with every run of characters other than letters and digits turned into
 *             {@code -} ({@code ACC/TC 1/SC 2} -> {@code ACC-TC-1-SC-2}), for URLs
 * @param procedure how the committee decides: which rule sets count which ballots (ISO when never set)
 */
public record Committee(String committeeId, String slug, String title, String secretariat, List<String> participating,
                        List<String> observing, long membershipVersion, String lastChange, Instant changedAt,
                        Procedure procedure) {

    public Committee {
        participating = List.copyOf(participating);
        observing = List.copyOf(observing);
        procedure = procedure == null ? Procedure.ISO : procedure;
    }

    public static String slugOf(String committeeId) {
        return committeeId.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A committee as the reference data describes it, at membership version 1, following the ISO procedure. */
    public static Change<Committee> register(String committeeId, String title, String secretariat, List<String> participating,
                                             List<String> observing, String by, Instant now) {
        return register(committeeId, title, secretariat, participating, observing, Procedure.ISO, by, now);
    }

    /** A committee as the reference data describes it, at membership version 1. */
    public static Change<Committee> register(String committeeId, String title, String secretariat, List<String> participating,
                                             List<String> observing, Procedure procedure, String by, Instant now) {
        List<String> both = participating.stream().filter(observing::contains).toList();
        if (!both.isEmpty()) {
            throw new InvalidInputException("members", committeeId + " lists " + both + " as both P- and O-member");
        }
        if (!participating.contains(secretariat)) {
            throw new InvalidInputException("secretariat", "the secretariat of " + committeeId + " (" + secretariat
                    + ") must be a P-member");
        }
        Committee committee = new Committee(committeeId, slugOf(committeeId), title, secretariat, participating, observing,
                1, "registered", now, procedure);
        return new Change<>(committee, List.of(committee.snapshot(by)));
    }

    public Optional<MembershipStatus> statusOf(String memberBody) {
        if (participating.contains(memberBody)) {
            return Optional.of(MembershipStatus.P);
        }
        if (observing.contains(memberBody)) {
            return Optional.of(MembershipStatus.O);
        }
        return Optional.empty();
    }

    /**
     * As {@link #setMember(String, MembershipStatus, Actor, Instant)}, under the register's rules:
     * a suspended or resigned body joins no committee and changes no status, and only a body of
     * category {@code member} is a P-member.
     */
    public Change<Committee> setMember(MemberBody body, MembershipStatus status, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        if (statusOf(body.code()).orElse(null) != status) {
            body.requireMayHold(status, committeeId);
        }
        return setMember(body.code(), status, actor, now);
    }

    /**
     * Adds a member body with the status, or moves it to the status. Setting the status it already
     * has changes nothing and causes no event.
     */
    public Change<Committee> setMember(String memberBody, MembershipStatus status, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        Optional<MembershipStatus> current = statusOf(memberBody);
        if (current.isPresent() && current.get() == status) {
            return new Change<>(this, List.of());
        }
        if (memberBody.equals(secretariat) && status != MembershipStatus.P) {
            throw new ConflictException("Secretariat stays a P-member", memberBody + " holds the secretariat of "
                    + committeeId + " and must stay a P-member");
        }
        List<String> p = new ArrayList<>(participating);
        List<String> o = new ArrayList<>(observing);
        p.remove(memberBody);
        o.remove(memberBody);
        (status == MembershipStatus.P ? p : o).add(memberBody);
        String change = current.isEmpty()
                ? memberBody + " added as " + status + "-member"
                : memberBody + " moved from " + current.get() + " to " + status;
        return changed(p, o, change, actor, now);
    }

    /** Removes a member body; the secretariat cannot be removed. */
    public Change<Committee> removeMember(String memberBody, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        MembershipStatus current = statusOf(memberBody)
                .orElseThrow(() -> new NotFoundException("Member of " + committeeId, memberBody));
        if (memberBody.equals(secretariat)) {
            throw new ConflictException("Secretariat stays a P-member", memberBody + " holds the secretariat of "
                    + committeeId + " and cannot be removed");
        }
        List<String> p = new ArrayList<>(participating);
        List<String> o = new ArrayList<>(observing);
        p.remove(memberBody);
        o.remove(memberBody);
        return changed(p, o, memberBody + " removed (was " + current + "-member)", actor, now);
    }

    /**
     * Sets how the committee decides (secretariat): ballots requested from now on are counted under
     * the rule sets the procedure allows. Setting the procedure it follows already changes nothing.
     */
    public Change<Committee> setProcedure(Procedure next, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        if (next == null) {
            throw new InvalidInputException("procedure", "one of " + List.of(Procedure.values()));
        }
        if (next == procedure) {
            return new Change<>(this, List.of());
        }
        Committee changed = new Committee(committeeId, slug, title, secretariat, participating, observing, membershipVersion,
                "procedure set to " + next + " (was " + procedure + ")", now, next);
        return new Change<>(changed, List.of(new CommitteeProcedureSet(committeeId, next.name(), procedure.name(),
                next.ruleSetsByBallotType(), actor.name(), now)));
    }

    /** Editors and the secretariat read every proposal; a national body those of the committees it belongs to. */
    public boolean mayReadProposals(Actor actor) {
        return actor.has(Role.EDITOR) || actor.has(Role.SECRETARIAT)
                || actor.has(Role.NATIONAL_BODY) && actor.memberBody() != null && statusOf(actor.memberBody()).isPresent();
    }

    /** As {@link #mayReadProposals}, refusing with 401 (no token) or 403. */
    public void requireProposalReader(Actor actor) {
        if (actor.isAnonymous()) {
            throw new UnauthorizedException("Reading proposals needs a token");
        }
        if (mayReadProposals(actor)) {
            return;
        }
        throw new ForbiddenException(actor.name() + " is not a P- or O-member of " + committeeId
                + " and may not read its proposals");
    }

    public Electorate electorate() {
        return new Electorate(participating, observing);
    }

    /** The electorate without the members that are not in {@code active} (suspended or resigned in the register). */
    public Electorate electorate(java.util.Set<String> active) {
        return new Electorate(participating.stream().filter(active::contains).toList(),
                observing.stream().filter(active::contains).toList());
    }

    private Change<Committee> changed(List<String> p, List<String> o, String change, Actor actor, Instant now) {
        Committee next = new Committee(committeeId, slug, title, secretariat, p, o, membershipVersion + 1, change, now,
                procedure);
        return new Change<>(next, List.of(next.snapshot(actor.name())));
    }

    private CommitteeMembershipChanged snapshot(String by) {
        return new CommitteeMembershipChanged(committeeId, title, secretariat, participating, observing, membershipVersion,
                lastChange, by, changedAt);
    }
}
