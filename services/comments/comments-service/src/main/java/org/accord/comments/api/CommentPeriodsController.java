package org.accord.comments.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.accord.actor.Actor;
import org.accord.comments.application.CommentPeriods;
import org.accord.comments.application.Comments;
import org.accord.comments.application.Submitted;
import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.Compilation;
import org.accord.comments.domain.Origin;
import org.accord.comments.domain.PeriodStatus;
import org.accord.comments.domain.SubmissionForm;
import org.accord.web.PublicAddress;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Comment periods, the comments national bodies send into them (one, a JSON array, or the
 * template as CSV or Excel; an {@code Idempotency-Key} makes a retry safe), and the compiled
 * comments as JSON, CSV or Excel.
 */
@RestController
@RequestMapping("/comment-periods")
public class CommentPeriodsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on an answer that repeats the first one for the same Idempotency-Key. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final CommentPeriods periods;
    private final Comments comments;

    public CommentPeriodsController(CommentPeriods periods, Comments comments) {
        this.periods = periods;
        this.comments = comments;
    }

    @Operation(summary = "Comment periods, of one proposal or all (editor, secretariat, national bodies of the committee)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Flux<CommentPeriodView> list(@RequestParam(name = "proposal", required = false) String proposal,
                                        @RequestParam(name = "status", required = false) PeriodStatus status, @Parameter(hidden = true) Actor actor) {
        return periods.periods(proposal, status, actor).map(CommentPeriodView::of);
    }

    @Operation(summary = "One comment period: version, clauses, deadline, state, counts once closed")
    @GetMapping(path = "/{periodId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CommentPeriodView> get(@PathVariable String periodId, @Parameter(hidden = true) Actor actor) {
        return periods.period(periodId, actor).map(CommentPeriodView::of);
    }

    @Operation(summary = "Every comment of a period, withdrawn ones included, in clause order then member body")
    @GetMapping(path = "/{periodId}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<List<CommentView>> comments(@PathVariable String periodId,
                                            @RequestParam(name = "memberBody", required = false) String memberBody,
                                            @RequestParam(name = "submission", required = false) String submission, @Parameter(hidden = true) Actor actor) {
        // One submission's comments are read by its id; the rest needs the period's submissions.
        var filed = submission == null ? periods.comments(periodId, actor) : periods.comments(periodId, submission, actor);
        return filed.map(all -> all.stream()
                .filter(f -> memberBody == null || f.comment().fields().memberBody().equalsIgnoreCase(memberBody))
                .map(CommentView::of).toList());
    }

    @Operation(summary = "Submit one comment (national body, for its own member body, while the period is open)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The comment as filed", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The comment", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri")))
    @PostMapping(path = "/{periodId}/comments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<CommentView>> submitOne(@PathVariable String periodId, @RequestBody CommentRequest request,
                                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, @Parameter(hidden = true) Actor actor,
                                                       ServerHttpRequest http) {
        return comments.submit(periodId, actor, SubmissionForm.SINGLE, List.of(request.toDraft(Origin.SINGLE)), key)
                .map(submitted -> {
                    var submission = submitted.submission();
                    var comment = submission.comments().get(0);
                    return created(submitted, PublicAddress.of(http, "/comments/" + comment.commentId()))
                            .body(CommentView.asSubmitted(submission, comment));
                });
    }

    @Operation(summary = "Submit a national position as a JSON array of comments: all accepted or none")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The submission's receipt", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The comments of this submission", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri")))
    @PostMapping(path = "/{periodId}/comments/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SubmissionReceipt>> submitBatch(@PathVariable String periodId, @RequestBody List<CommentRequest> requests,
                                                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                               @Parameter(hidden = true) Actor actor, ServerHttpRequest http) {
        List<CommentDraft> drafts = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            drafts.add(requests.get(i) == null ? new CommentDraft(Origin.index(i), null, null, null, null, null, null, null, null)
                    : requests.get(i).toDraft(Origin.index(i)));
        }
        return receipt(http, periodId, comments.submit(periodId, actor, SubmissionForm.BATCH, drafts, key));
    }

    @Operation(summary = "Upload the commenting template as CSV (UTF-8, template column order): all rows accepted or none")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The submission's receipt", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The comments of this submission", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri")))
    @PostMapping(path = {"/{periodId}/comments/batch", "/{periodId}/comments"}, consumes = TemplateCsv.MEDIA_TYPE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SubmissionReceipt>> uploadCsv(@PathVariable String periodId, @RequestBody byte[] file,
                                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                             @Parameter(hidden = true) Actor actor, ServerHttpRequest http) {
        return Mono.fromCallable(() -> TemplateCsv.read(file))
                .flatMap(drafts -> receipt(http, periodId, comments.submit(periodId, actor, SubmissionForm.CSV, drafts, key)));
    }

    @Operation(summary = "Upload the commenting template as an Excel workbook (.xlsx): all rows accepted or none")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The submission's receipt", headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "The comments of this submission", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "uri")))
    @PostMapping(path = {"/{periodId}/comments/batch", "/{periodId}/comments"}, consumes = TemplateWorkbook.MEDIA_TYPE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<SubmissionReceipt>> uploadWorkbook(@PathVariable String periodId, @RequestBody byte[] file,
                                                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                                                  @Parameter(hidden = true) Actor actor, ServerHttpRequest http) {
        return Mono.fromCallable(() -> TemplateWorkbook.read(file))
                .flatMap(drafts -> receipt(http, periodId, comments.submit(periodId, actor, SubmissionForm.XLSX, drafts, key)));
    }

    @Operation(summary = "The compiled comments of a period in clause order, with dispositions (JSON)")
    @GetMapping(path = "/{periodId}/compilation", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CompilationView> compilation(@PathVariable String periodId, @Parameter(hidden = true) Actor actor) {
        return periods.compilation(periodId, actor).map(CompilationView::of);
    }

    @Operation(summary = "The compiled comments as the commenting template in CSV, observations column filled")
    @GetMapping(path = "/{periodId}/compilation", produces = TemplateCsv.MEDIA_TYPE)
    public Mono<ResponseEntity<byte[]>> compilationCsv(@PathVariable String periodId, @Parameter(hidden = true) Actor actor) {
        return periods.compilation(periodId, actor).map(c -> download(c, "csv",
                MediaType.parseMediaType(TemplateCsv.MEDIA_TYPE + ";charset=UTF-8"), TemplateCsv.write(c.comments())));
    }

    @Operation(summary = "The compiled comments as the commenting template in Excel (.xlsx), observations column filled")
    @GetMapping(path = "/{periodId}/compilation", produces = TemplateWorkbook.MEDIA_TYPE)
    public Mono<ResponseEntity<byte[]>> compilationWorkbook(@PathVariable String periodId, @Parameter(hidden = true) Actor actor) {
        return periods.compilation(periodId, actor).map(c -> download(c, "xlsx", MediaType.parseMediaType(TemplateWorkbook.MEDIA_TYPE),
                TemplateWorkbook.write(c.comments(), "Comments " + c.period().periodId())));
    }

    private static Mono<ResponseEntity<SubmissionReceipt>> receipt(ServerHttpRequest http, String periodId, Mono<Submitted> submitting) {
        return submitting.map(submitted -> created(submitted,
                        PublicAddress.of(http, "/comment-periods/" + periodId + "/comments?submission=" + submitted.submission().submissionId()))
                .body(SubmissionReceipt.of(submitted.submission())));
    }

    private static ResponseEntity.BodyBuilder created(Submitted submitted, URI location) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.CREATED).location(location);
        if (submitted.replayed()) {
            builder.header(REPLAYED, "true");
        }
        return builder;
    }

    private static ResponseEntity<byte[]> download(Compilation compilation, String extension, MediaType type, byte[] body) {
        String name = "comments-" + compilation.period().periodId().replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
