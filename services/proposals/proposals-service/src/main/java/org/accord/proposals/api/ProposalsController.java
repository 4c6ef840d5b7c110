package org.accord.proposals.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.accord.actor.Actor;
import org.accord.messaging.Stored;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.accord.proposals.api.ProposalViews.DiffView;
import org.accord.proposals.api.ProposalViews.HistoryView;
import org.accord.proposals.api.ProposalViews.PageView;
import org.accord.proposals.api.ProposalViews.ProposalSummary;
import org.accord.proposals.api.ProposalViews.ProposalView;
import org.accord.proposals.api.ProposalViews.VersionView;
import org.accord.proposals.application.ProposalQueries;
import org.accord.proposals.application.ProposalService;
import org.accord.proposals.domain.DraftVersion;
import org.accord.proposals.domain.Proposal;
import org.accord.proposals.domain.ProposalKind;
import org.accord.proposals.domain.Submission;
import org.accord.web.PublicAddress;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Drafts and their stage. Commands answer with the proposal as it is after the change and its
 * {@code ETag}; every command honours {@code If-Match} (412 when the proposal changed since).
 * A step the stage does not allow is a 409 naming {@code currentStage} and {@code allowedActions}.
 */
@RestController
public class ProposalsController {

    static final MediaType TEXT_MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    private static final String IF_MATCH = "If-Match";

    private final ProposalService proposals;
    private final ProposalQueries queries;

    public ProposalsController(ProposalService proposals, ProposalQueries queries) {
        this.proposals = proposals;
        this.queries = queries;
    }

    /** Editors submit a draft; it gets its project number and version 1 at stage 10.00. */
    @Operation(summary = "Submit a draft (editor): the proposal gets its project number and version 1 at stage 10.00")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The proposal as submitted", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new proposal", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri")))
    @PostMapping("/proposals")
    public Mono<ResponseEntity<ProposalView>> submit(@Valid @RequestBody ProposalRequests.Submit request, Actor actor,
                                                     ServerHttpRequest http) {
        Submission submission = new Submission(request.committee(), request.title(), request.scope(),
                request.kind() == null ? ProposalKind.NEW : request.kind(), request.basedOn());
        return proposals.submit(submission, request.text(), actor)
                .map(stored -> withEtag(ResponseEntity.created(PublicAddress.of(http, "/proposals/" + stored.id())), stored, actor));
    }

    /** Proposals the caller may read, newest first; {@code q} matches words of the title, any case; pages count from 1, as everywhere in Accord. */
    @Operation(summary = "List the proposals the caller may read, newest first (pages from 1)")
    @GetMapping("/proposals")
    public Mono<PageView<ProposalSummary>> list(@RequestParam(required = false) String committee,
                                                @RequestParam(required = false) String stage,
                                                @RequestParam(required = false) String q,
                                                @RequestParam(defaultValue = "1") @Min(1) int page,
                                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                                Actor actor) {
        return queries.list(committee, stage, q, page, size, actor).map(result -> new PageView<>(
                result.items().stream().map(ProposalSummary::of).toList(), result.page(), result.size(), result.total()));
    }

    @Operation(summary = "Read a proposal with its stage and what the caller may do now")
    @GetMapping("/proposals/{id}")
    public Mono<ResponseEntity<ProposalView>> get(@PathVariable String id, Actor actor) {
        return queries.get(id, actor).map(stored -> withEtag(ResponseEntity.ok(), stored, actor));
    }

    @Operation(summary = "Read the stage history of a proposal")
    @GetMapping("/proposals/{id}/history")
    public Mono<HistoryView> history(@PathVariable String id, Actor actor) {
        return queries.get(id, actor).map(HistoryView::of);
    }

    @Operation(summary = "List the versions of a draft")
    @GetMapping("/proposals/{id}/versions")
    public Mono<List<DraftVersion>> versions(@PathVariable String id, Actor actor) {
        return queries.get(id, actor).map(stored -> stored.state().versions());
    }

    /** Editors store a new version; If-Match with the ETag they read guards against overwriting a colleague's. */
    @Operation(summary = "Store a new version of the draft (editor; If-Match guards against overwriting)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The proposal with its new latest version", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The new version", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri")))
    @PostMapping("/proposals/{id}/versions")
    public Mono<ResponseEntity<ProposalView>> revise(@PathVariable String id, @Valid @RequestBody ProposalRequests.Revise request,
                                                    @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                    Actor actor, ServerHttpRequest http) {
        return proposals.revise(id, request.text(), request.note(), ifMatch, actor)
                .map(stored -> withEtag(ResponseEntity.created(PublicAddress.of(http, "/proposals/" + id + "/versions/"
                        + stored.state().latestVersion().number())), stored, actor));
    }

    /** One immutable version: JSON (text, SHA-256, clauses), or the Markdown text itself with {@code Accept: text/markdown}. */
    @Operation(summary = "Read one version of a draft (JSON, or the Markdown text)")
    @GetMapping(value = "/proposals/{id}/versions/{number}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/markdown"})
    public Mono<ResponseEntity<Object>> version(@PathVariable String id, @PathVariable int number,
                                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                                Actor actor) {
        return queries.version(id, number, actor).map(text -> {
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag("\"" + text.sha256() + "\"");
            return wantsMarkdown(accept)
                    ? ok.contentType(TEXT_MARKDOWN).body((Object) text.text())
                    : ok.contentType(MediaType.APPLICATION_JSON).body((Object) VersionView.of(text));
        });
    }

    /** The clause-by-clause difference between two versions, each changed clause with a unified diff. */
    @Operation(summary = "Compare two versions of a draft clause by clause")
    @GetMapping("/proposals/{id}/diff")
    public Mono<DiffView> diff(@PathVariable String id, @RequestParam(required = false) Integer from,
                               @RequestParam(required = false) Integer to, Actor actor) {
        List<FieldError> missing = new java.util.ArrayList<>();
        if (from == null) {
            missing.add(FieldError.of("from", "the version to compare from is required"));
        }
        if (to == null) {
            missing.add(FieldError.of("to", "the version to compare to is required"));
        }
        if (!missing.isEmpty()) {
            return Mono.error(new InvalidInputException(missing));
        }
        return queries.diff(id, from, to, actor).map(diff -> DiffView.of(id, diff));
    }

    /** Editors open a committee comment period on the latest version (-> 30.20). */
    @Operation(summary = "Open a committee comment period on the latest version (editor)")
    @PostMapping("/proposals/{id}/comment-periods")
    public Mono<ResponseEntity<ProposalView>> openCommentPeriod(@PathVariable String id,
                                                               @Valid @RequestBody ProposalRequests.OpenCommentPeriod request,
                                                               @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                               Actor actor) {
        return proposals.openCommentPeriod(id, request.deadline(), ifMatch, actor)
                .map(stored -> withEtag(ResponseEntity.ok(), stored, actor));
    }

    /** Editors ask for the open period to close early; 202: the stage moves when the comments service has closed it. */
    @Operation(summary = "Ask for the open comment period to close early (editor); the stage moves once the comments service closed it")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "The close is under way")
    @PostMapping("/proposals/{id}/comment-periods/{periodId}/close")
    public Mono<ResponseEntity<ProposalView>> closeCommentPeriod(@PathVariable String id, @PathVariable String periodId,
                                                                @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                Actor actor) {
        return proposals.closeCommentPeriod(id, periodId, ifMatch, actor)
                .map(stored -> withEtag(ResponseEntity.status(HttpStatus.ACCEPTED), stored, actor));
    }

    /** Editors request an NP, DIS or FDIS ballot on the latest version; the electorate is the committee now. */
    @Operation(summary = "Request an NP, DIS or FDIS ballot on the latest version (editor)")
    @PostMapping("/proposals/{id}/ballots")
    public Mono<ResponseEntity<ProposalView>> requestBallot(@PathVariable String id,
                                                           @Valid @RequestBody ProposalRequests.RequestBallot request,
                                                           @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                           Actor actor) {
        return proposals.requestBallot(id, request.type(), request.ruleSet(), request.deadline(),
                        Boolean.TRUE.equals(request.earlyCloseAllowed()), ifMatch, actor)
                .map(stored -> withEtag(ResponseEntity.ok(), stored, actor));
    }

    /** Editors send a DIS approved without any disapproval straight to publication (40.99 -> 60.00). */
    @Operation(summary = "Send a DIS approved without disapproval straight to publication (editor)")
    @PostMapping("/proposals/{id}/skip-final-ballot")
    public Mono<ResponseEntity<ProposalView>> skipFinalBallot(@PathVariable String id,
                                                             @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                             Actor actor) {
        return proposals.skipFinalBallot(id, ifMatch, actor).map(stored -> withEtag(ResponseEntity.ok(), stored, actor));
    }

    /** The secretariat abandons the project (-> xx.98). */
    @Operation(summary = "Withdraw the project (secretariat)")
    @PostMapping("/proposals/{id}/withdrawal")
    public Mono<ResponseEntity<ProposalView>> withdraw(@PathVariable String id,
                                                      @Valid @RequestBody(required = false) ProposalRequests.Withdraw request,
                                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      Actor actor) {
        return proposals.withdraw(id, request == null ? null : request.reason(), ifMatch, actor)
                .map(stored -> withEtag(ResponseEntity.ok(), stored, actor));
    }

    private static ResponseEntity<ProposalView> withEtag(ResponseEntity.BodyBuilder builder, Stored<Proposal> stored, Actor actor) {
        return builder.eTag(stored.etag()).body(ProposalView.of(stored, actor));
    }

    /** Markdown only when asked for by name; a browser's or client's wildcard gets JSON. */
    static boolean wantsMarkdown(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    continue;
                }
                if (type.isCompatibleWith(TEXT_MARKDOWN)) {
                    return true;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                    return false;
                }
            }
            return false;
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }
}
