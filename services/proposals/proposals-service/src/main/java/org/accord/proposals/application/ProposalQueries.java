package org.accord.proposals.application;

import java.util.List;
import java.util.regex.Pattern;

import org.accord.actor.Actor;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.problem.UnauthorizedException;
import org.accord.proposals.domain.Committee;
import org.accord.proposals.domain.DraftComparison;
import org.accord.proposals.domain.DraftParser;
import org.accord.proposals.domain.DraftVersion;
import org.accord.proposals.domain.Proposal;
import org.accord.proposals.domain.Stage;
import org.accord.proposals.persistence.StoredDraftText;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Reading proposals: editors and the secretariat read all of them, a national body those of the
 * committees it is a P- or O-member of.
 */
@Service
public class ProposalQueries {

    /** One page of a listing and how many match in all. */
    public record Page(List<Stored<Proposal>> items, int page, int size, long total) {
    }

    private final AggregateStore<Proposal> proposals;
    private final CommitteeService committees;
    private final ProposalService service;

    public ProposalQueries(AggregateStore<Proposal> proposals, CommitteeService committees, ProposalService service) {
        this.proposals = proposals;
        this.committees = committees;
        this.service = service;
    }

    public Mono<Stored<Proposal>> get(String proposalId, Actor actor) {
        return Mono.defer(() -> {
            requireToken(actor);
            return service.load(proposalId).flatMap(stored -> committees.get(stored.state().committeeId())
                    .doOnNext(committee -> committee.state().requireProposalReader(actor))
                    .thenReturn(stored));
        });
    }

    public Mono<StoredDraftText> version(String proposalId, int number, Actor actor) {
        return get(proposalId, actor).flatMap(stored -> service.text(stored.state(), versionOf(stored, number, "version")));
    }

    public Mono<DraftComparison> diff(String proposalId, int from, int to, Actor actor) {
        return get(proposalId, actor).flatMap(stored -> {
            DraftVersion older = versionOf(stored, from, "from");
            DraftVersion newer = versionOf(stored, to, "to");
            return service.text(stored.state(), older).zipWith(service.text(stored.state(), newer),
                    (a, b) -> DraftComparison.between(from, DraftParser.parse(a.text()), to, DraftParser.parse(b.text())));
        });
    }

    /** Proposals the actor may read, filtered by committee, stage and words of the title, newest first. */
    public Mono<Page> list(String committee, String stage, String titleText, int page, int size, Actor actor) {
        return Mono.defer(() -> {
            requireToken(actor);
            Criteria criteria = new Criteria();
            if (stage != null && !stage.isBlank()) {
                Stage wanted = Stage.ofCode(stage.strip()).orElseThrow(() -> new InvalidInputException("stage",
                        "'" + stage + "' is not a stage code; one of " + List.of(Stage.values()).stream().map(Stage::code).toList()));
                criteria = criteria.and("state.stage").is(wanted.name());
            }
            if (titleText != null && titleText.indexOf('\u0000') >= 0) {
                // A stored pattern cannot hold NUL (BSON cstring), and no title contains one.
                throw new InvalidInputException("q", "must not contain a NUL character");
            }
            if (titleText != null && !titleText.isBlank()) {
                criteria = criteria.and("state.title").regex(Pattern.quote(titleText.strip()), "i");
            }
            Criteria filtered = criteria;
            return readableCommittees(committee, actor).flatMap(ids -> {
                Criteria query = filtered.and("state.committeeId").in(ids);
                return proposals.find(query, Sort.by(Sort.Direction.DESC, "state.submittedAt"), (long) (page - 1) * size, size)
                        .collectList()
                        .zipWith(proposals.count(query), (items, total) -> new Page(items, page, size, total));
            });
        });
    }

    /** The committees whose proposals the listing may show: the one asked for, or all the actor may read. */
    private Mono<List<String>> readableCommittees(String committee, Actor actor) {
        if (committee != null && !committee.isBlank()) {
            return committees.resolve(committee.strip())
                    .switchIfEmpty(Mono.error(() -> new InvalidInputException("committee", "'" + committee
                            + "' is not a committee; see GET /committees")))
                    .map(stored -> {
                        stored.state().requireProposalReader(actor);
                        return List.of(stored.id());
                    });
        }
        return committees.list().map(Stored::state).filter(c -> c.mayReadProposals(actor)).map(Committee::committeeId)
                .collectList();
    }

    private static DraftVersion versionOf(Stored<Proposal> stored, int number, String field) {
        return stored.state().version(number).orElseThrow(() -> {
            NotFoundException missing = new NotFoundException("Proposal " + stored.id() + " version", String.valueOf(number));
            missing.with("field", field).with("latestVersion", stored.state().latestVersion().number());
            return missing;
        });
    }

    private static void requireToken(Actor actor) {
        if (actor.isAnonymous()) {
            throw new UnauthorizedException("Reading proposals needs a token");
        }
    }
}
