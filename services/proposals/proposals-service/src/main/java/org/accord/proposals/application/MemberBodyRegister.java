package org.accord.proposals.application;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.actor.Actor;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.ConflictException;
import org.accord.problem.NotFoundException;
import org.accord.proposals.domain.Change;
import org.accord.proposals.domain.Committee;
import org.accord.proposals.domain.MemberBody;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organization's register of member bodies: every change one version-guarded write of the body
 * with its event (on {@code accord.member-bodies.v1}, keyed by the code). The register is the only
 * list of member bodies; the seeded list only starts it.
 */
@Service
public class MemberBodyRegister {

    /** The register is small (one entry per country): it is read whole. */
    static final int MAX_BODIES = 1_000;

    private final AggregateStore<MemberBody> bodies;
    private final AggregateStore<Committee> committees;
    private final ProposalOutbox outbox;
    private final Clock clock;

    public MemberBodyRegister(AggregateStore<MemberBody> bodies, AggregateStore<Committee> committees, ProposalOutbox outbox,
                              Clock clock) {
        this.bodies = bodies;
        this.committees = committees;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Flux<Stored<MemberBody>> list() {
        return bodies.find(new Criteria(), Sort.by("_id"), 0, MAX_BODIES);
    }

    /** By code, any case; 404 when the register has no such body. */
    public Mono<Stored<MemberBody>> get(String code) {
        return bodies.find(MemberBody.normalise(code)).switchIfEmpty(Mono.error(() -> new NotFoundException("Member body", code)));
    }

    /** The codes of the bodies that may vote and comment now (neither suspended nor resigned). */
    public Mono<Set<String>> active() {
        return list().filter(stored -> stored.state().isActive()).map(Stored::id).collect(Collectors.toSet());
    }

    /** Admits a body (secretariat); a code the register has already is a 409, however it was admitted. */
    public Mono<Stored<MemberBody>> admit(String code, String name, String localName, String category, Actor actor) {
        Change<MemberBody> admission = MemberBody.admit(code, name, localName, category, actor, clock.instant());
        String id = admission.state().code();
        return bodies.create(id, admission.state(), outbox.of(id, admission.events()))
                .onErrorMap(ConflictException.class, e -> new ConflictException("Member body already admitted", id
                        + " is in the register already (GET /member-bodies/" + id + "); change its category, suspension or"
                        + " resignation instead"));
    }

    /** Admits a body of the seeded list unless the register has it; a restart admits nothing twice. */
    public Mono<Stored<MemberBody>> admitIfAbsent(Change<MemberBody> admission) {
        String id = admission.state().code();
        return bodies.createIfAbsent(id, admission.state(), outbox.of(id, admission.events()));
    }

    public Mono<Stored<MemberBody>> changeCategory(String code, String category, String ifMatch, Actor actor) {
        return get(code).flatMap(stored -> participatingIn(stored.id()).flatMap(committeeIds ->
                change(stored, ifMatch, body -> body.changeCategory(category, committeeIds, actor, clock.instant()))));
    }

    public Mono<Stored<MemberBody>> suspend(String code, String reason, String ifMatch, Actor actor) {
        return get(code).flatMap(stored -> change(stored, ifMatch, body -> body.suspend(reason, actor, clock.instant())));
    }

    public Mono<Stored<MemberBody>> reinstate(String code, String ifMatch, Actor actor) {
        return get(code).flatMap(stored -> change(stored, ifMatch, body -> body.reinstate(actor, clock.instant())));
    }

    public Mono<Stored<MemberBody>> resign(String code, String reason, String ifMatch, Actor actor) {
        return get(code).flatMap(stored -> change(stored, ifMatch, body -> body.resign(reason, actor, clock.instant())));
    }

    /** The committees the body is a P-member of (committees are few: read whole, as their listing does). */
    private Mono<List<String>> participatingIn(String code) {
        return committees.find(new Criteria(), Sort.by("_id"), 0, MAX_BODIES)
                .filter(c -> c.state().participating().contains(code))
                .map(c -> c.state().committeeId())
                .collectList();
    }

    private Mono<Stored<MemberBody>> change(Stored<MemberBody> stored, String ifMatch,
                                            Function<MemberBody, Change<MemberBody>> decide) {
        Preconditions.requireMatch(stored, ifMatch);
        Change<MemberBody> change = decide.apply(stored.state());
        if (change.isEmpty()) {
            return Mono.just(stored);
        }
        return bodies.update(stored, change.state(), outbox.of(stored.id(), change.events()));
    }
}
