package org.accord.proposals.application;

import java.time.Clock;

import org.accord.actor.Actor;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.proposals.domain.Change;
import org.accord.proposals.domain.Committee;
import org.accord.proposals.domain.MemberBody;
import org.accord.proposals.domain.MembershipStatus;
import org.accord.proposals.domain.Procedure;
import org.accord.proposals.domain.Electorate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Committees and their membership: every change one write with its snapshot event. */
@Service
public class CommitteeService {

    private final AggregateStore<Committee> committees;
    private final MemberBodyRegister memberBodies;
    private final ProposalOutbox outbox;
    private final Clock clock;

    public CommitteeService(AggregateStore<Committee> committees, MemberBodyRegister memberBodies, ProposalOutbox outbox,
                            Clock clock) {
        this.committees = committees;
        this.memberBodies = memberBodies;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Flux<Stored<Committee>> list() {
        return committees.find(new Criteria(), Sort.by("_id"), 0, 1_000);
    }

    /** By id ({@code ACC/TC 1}) or by slug ({@code ACC-TC-1}); empty when there is none. */
    public Mono<Stored<Committee>> resolve(String idOrSlug) {
        return committees.find(idOrSlug)
                .switchIfEmpty(Mono.defer(() -> committees.find(Criteria.where("state.slug").is(idOrSlug), Sort.by("_id"), 0, 1)
                        .next()));
    }

    public Mono<Stored<Committee>> get(String idOrSlug) {
        return resolve(idOrSlug).switchIfEmpty(Mono.error(() -> new NotFoundException("Committee", idOrSlug)));
    }

    public Mono<Stored<Committee>> setMember(String idOrSlug, String memberBody, MembershipStatus status, String ifMatch,
                                             Actor actor) {
        return get(idOrSlug).flatMap(stored -> knownMemberBody(memberBody).flatMap(body -> {
            Preconditions.requireMatch(stored, ifMatch);
            return save(stored, stored.state().setMember(body, status, actor, clock.instant()));
        }));
    }

    /**
     * Who may vote on a ballot requested now: the committee's P- and O-members that are neither
     * suspended nor resigned in the register.
     */
    public Mono<Electorate> electorateOf(Committee committee) {
        return memberBodies.active().map(committee::electorate);
    }

    public Mono<Stored<Committee>> setProcedure(String idOrSlug, Procedure procedure, String ifMatch, Actor actor) {
        return get(idOrSlug).flatMap(stored -> {
            Preconditions.requireMatch(stored, ifMatch);
            return save(stored, stored.state().setProcedure(procedure, actor, clock.instant()));
        });
    }

    public Mono<Stored<Committee>> removeMember(String idOrSlug, String memberBody, String ifMatch, Actor actor) {
        return get(idOrSlug).flatMap(stored -> {
            Preconditions.requireMatch(stored, ifMatch);
            return save(stored, stored.state().removeMember(memberBody, actor, clock.instant()));
        });
    }

    /** Registers a committee of the reference data unless it exists; a restart registers nothing twice. */
    public Mono<Stored<Committee>> registerIfAbsent(Change<Committee> registration) {
        String id = registration.state().committeeId();
        return committees.createIfAbsent(id, registration.state(), outbox.of(id, registration.events()));
    }

    private Mono<MemberBody> knownMemberBody(String code) {
        return memberBodies.get(code).map(Stored::state)
                .onErrorMap(NotFoundException.class, e -> new InvalidInputException("code", "'" + code
                        + "' is not a known member body; see GET /member-bodies"));
    }

    private Mono<Stored<Committee>> save(Stored<Committee> stored, Change<Committee> change) {
        if (change.isEmpty()) {
            return Mono.just(stored);
        }
        return committees.update(stored, change.state(), outbox.of(stored.id(), change.events()));
    }
}
