package org.accord.publication.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import org.accord.actor.Actor;
import org.accord.publication.application.Publishing;
import org.accord.publication.application.StandardCatalogue;
import org.accord.publication.domain.ClauseDiff;
import org.accord.publication.domain.Designation;
import org.accord.publication.domain.HashChain;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Published standards. Anyone may read; only the secretariat withdraws. {@code {designation}} is
 * the designation's slug ({@code ACC-42-2027}, {@code ACC-42-2027-Amd-1-2028}) or the
 * percent-encoded designation ({@code ACC%2042%3A2027}; a designation with a slash needs the slug,
 * since encoded slashes are refused in paths).
 */
@RestController
@RequestMapping("/standards")
public class StandardsController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final StandardCatalogue catalogue;
    private final Publishing publishing;
    private final TextRendering rendering;

    public StandardsController(StandardCatalogue catalogue, Publishing publishing, TextRendering rendering) {
        this.catalogue = catalogue;
        this.publishing = publishing;
        this.rendering = rendering;
    }

    /** The standards, most recently changed first, each by its current edition. */
    @Operation(summary = "List the published standards, most recently changed first (pages from 1)")
    @GetMapping
    public Mono<PageView<StandardSummaryView>> list(@RequestParam(required = false) String committee,
                                                    @RequestParam(defaultValue = "1") int page,
                                                    @RequestParam(defaultValue = "20") int size, ServerHttpRequest request) {
        String base = Links.base(request);
        return catalogue.list(committee, page, size).map(p -> new PageView<>(
                p.items().stream().map(s -> StandardSummaryView.of(s, base)).toList(), p.page(), p.size(), p.total()));
    }

    @Operation(summary = "Read a standard by its designation (the current edition, or ?edition=n)")
    @GetMapping("/{designation}")
    public Mono<ResponseEntity<PublicationView>> one(@PathVariable String designation,
                                                     @RequestParam(required = false) Integer edition,
                                                     ServerHttpRequest request) {
        return catalogue.find(designation, edition).map(found -> ResponseEntity.ok()
                .eTag(found.stored().etag())
                .body(PublicationView.of(found.standard(), found.publication(), Links.base(request))));
    }

    /** Every document published under the standard's project number, in publication order. */
    @Operation(summary = "List every edition, amendment and corrigendum of a standard")
    @GetMapping("/{designation}/editions")
    public Mono<List<PublicationView>> editions(@PathVariable String designation, ServerHttpRequest request) {
        return catalogue.find(designation, null).map(found -> found.standard().publications().stream()
                .map(p -> PublicationView.of(found.standard(), p, Links.base(request))).toList());
    }

    /** The text exactly as published: its SHA-256 is the recorded one. */
    @Operation(summary = "Read the text of a standard exactly as published (Markdown)")
    @GetMapping(value = "/{designation}/text.md", produces = "text/markdown")
    public Mono<ResponseEntity<String>> markdown(@PathVariable String designation,
                                                 @RequestParam(required = false) Integer edition) {
        return catalogue.find(designation, edition).flatMap(found -> catalogue.text(found.publication())
                .map(text -> ResponseEntity.ok().contentType(MARKDOWN).eTag(found.publication().textSha256())
                        .cacheControl(IMMUTABLE).body(text)));
    }

    @Operation(summary = "Read the text of a standard rendered as HTML")
    @GetMapping(value = "/{designation}/text.html", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<String>> html(@PathVariable String designation,
                                             @RequestParam(required = false) Integer edition) {
        return catalogue.find(designation, edition).flatMap(found -> catalogue.text(found.publication())
                .map(text -> ResponseEntity.ok().contentType(HTML)
                        .eTag("html-" + found.publication().textSha256())
                        .body(rendering.html(found.publication(), text))));
    }

    /** Clause by clause, what edition {@code to} changed from edition {@code from} (default: the designated edition and the one before). */
    @Operation(summary = "Compare two editions of a standard clause by clause")
    @GetMapping("/{designation}/diff")
    public Mono<DiffView> diff(@PathVariable String designation, @RequestParam(required = false) Integer from,
                               @RequestParam(required = false) Integer to) {
        return catalogue.diff(designation, from, to).map(DiffView::of);
    }

    /** Recomputes the SHA-256 of every text of the standard's chain and checks each link to the one before. */
    @Operation(summary = "Verify the hash chain of every text of a standard")
    @GetMapping("/{designation}/verification")
    public Mono<HashChain.Verification> verification(@PathVariable String designation) {
        return catalogue.verify(designation);
    }

    /** Withdraws the standard (and, for an edition, its amendments and corrigenda in force): secretariat only. */
    @Operation(summary = "Withdraw a standard (secretariat)")
    @PostMapping("/{designation}/withdrawal")
    public Mono<List<PublicationView>> withdraw(@PathVariable String designation, @RequestParam(required = false) Integer edition,
                                                @Valid @RequestBody WithdrawalRequest request, Actor actor,
                                                ServerHttpRequest http) {
        Designation named = StandardCatalogue.designation(designation);
        return publishing.withdraw(named, edition, request.reason(), actor)
                .flatMap(withdrawn -> catalogue.find(designation, edition).map(found -> withdrawn.stream()
                        .map(p -> PublicationView.of(found.standard(), p, Links.base(http))).toList()));
    }

    /** The clause-level difference between two editions. */
    public record DiffView(String fromDesignation, int fromEdition, String toDesignation, int toEdition, int added, int removed,
                           int changed, int unchanged, List<ClauseDiff.ClauseChange> clauses) {
        static DiffView of(StandardCatalogue.Diff diff) {
            ClauseDiff.Result r = diff.result();
            return new DiffView(diff.from().designation(), diff.from().edition(), diff.to().designation(), diff.to().edition(),
                    r.added(), r.removed(), r.changed(), r.unchanged(), r.clauses());
        }
    }
}
