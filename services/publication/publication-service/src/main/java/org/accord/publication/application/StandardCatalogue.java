package org.accord.publication.application;

import java.util.List;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.publication.domain.ClauseDiff;
import org.accord.publication.domain.Designation;
import org.accord.publication.domain.HashChain;
import org.accord.publication.domain.Publication;
import org.accord.publication.domain.Standard;
import org.accord.publication.persistence.StandardQueries;
import org.accord.publication.persistence.TextArchive;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** What anyone may read: the published standards, their editions and texts, and the checks on them. */
@Service
public class StandardCatalogue {

    public static final int MAX_PAGE_SIZE = 100;

    private final AggregateStore<Standard> standards;
    private final StandardQueries queries;
    private final TextArchive texts;

    public StandardCatalogue(AggregateStore<Standard> standards, StandardQueries queries, TextArchive texts) {
        this.standards = standards;
        this.queries = queries;
        this.texts = texts;
    }

    /** A page of standards, most recently changed first. */
    public record Page(List<Standard> items, int page, int size, long total) {
    }

    /** One published document and the standard (project) it belongs to. */
    public record Located(Stored<Standard> stored, Publication publication) {
        public Standard standard() {
            return stored.state();
        }
    }

    public Mono<Page> list(String committee, int page, int size) {
        checkPage(page, size);
        return queries.count(committee).flatMap(total -> queries.page(committee, (long) (page - 1) * size, size)
                .map(Stored::state).collectList()
                .map(items -> new Page(items, page, size, total)));
    }

    public Mono<Located> find(String designation, Integer edition) {
        Designation named = designation(designation);
        return standards.find(Standard.idOf(named.project()))
                .flatMap(stored -> Mono.justOrEmpty(stored.state().find(named, edition)).map(p -> new Located(stored, p)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Standard",
                        edition == null ? named.toString() : named + " edition " + edition)));
    }

    public Mono<String> text(Publication publication) {
        return texts.find(publication.textSha256()).switchIfEmpty(Mono.error(() -> new IllegalStateException(
                "No text is stored for " + publication.designation() + " (" + publication.textSha256() + ")")));
    }

    public Mono<HashChain.Verification> verify(String designation) {
        return find(designation, null).flatMap(found -> texts.findAll(
                        found.standard().publications().stream().map(Publication::textSha256).distinct().toList())
                .map(byHash -> HashChain.verify(found.standard(), byHash::get)));
    }

    /** The clause-level difference between two editions of the standard; by default the designated one and the one before. */
    public Mono<Diff> diff(String designation, Integer from, Integer to) {
        return find(designation, null).flatMap(found -> {
            Standard standard = found.standard();
            int toEdition = to == null ? found.publication().edition() : to;
            int fromEdition = from == null ? toEdition - 1 : from;
            Publication newer = standard.edition(toEdition).orElseThrow(() -> new InvalidInputException(
                    "to", "standard " + standard.number() + " has no edition " + toEdition + editionsHint(standard)));
            Publication older = standard.edition(fromEdition).orElseThrow(() -> new InvalidInputException(
                    "from", (from == null ? "edition " + toEdition + " is the first edition, there is none before it"
                            : "standard " + standard.number() + " has no edition " + fromEdition) + editionsHint(standard)));
            return Mono.zip(text(older), text(newer))
                    .map(t -> new Diff(older, newer, ClauseDiff.between(t.getT1(), t.getT2())));
        });
    }

    public record Diff(Publication from, Publication to, ClauseDiff.Result result) {
    }

    private static String editionsHint(Standard standard) {
        return " (its editions are " + standard.editions().stream().map(p -> String.valueOf(p.edition())).toList() + ")";
    }

    /** Reads a designation from a request; an unreadable one is refused naming the field. */
    public static Designation designation(String designation) {
        return Designation.parse(designation).orElseThrow(() -> new InvalidInputException(List.of(FieldError.of("designation",
                "'" + designation + "' is not a designation such as ACC 42:2027 or ACC 42:2027/Amd 1:2028, nor its URL form "
                        + "ACC-42-2027 or ACC-42-2027-Amd-1-2028"))));
    }

    static void checkPage(int page, int size) {
        if (page < 1) {
            throw new InvalidInputException("page", "pages are numbered from 1, not " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "a page holds 1 to " + MAX_PAGE_SIZE + " standards, not " + size);
        }
    }
}
