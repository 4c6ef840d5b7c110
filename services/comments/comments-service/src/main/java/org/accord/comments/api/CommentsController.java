package org.accord.comments.api;

import org.accord.actor.Actor;
import org.accord.comments.application.Comments;
import org.accord.comments.domain.Origin;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

/** One comment: read it and its history, amend or withdraw it (its member body), record its disposition (editor, secretariat). */
@RestController
@RequestMapping(path = "/comments", produces = MediaType.APPLICATION_JSON_VALUE)
public class CommentsController {

    private final Comments comments;

    public CommentsController(Comments comments) {
        this.comments = comments;
    }

    @Operation(summary = "A comment with its state and disposition")
    @GetMapping("/{commentId}")
    public Mono<CommentView> get(@PathVariable String commentId, @Parameter(hidden = true) Actor actor) {
        return comments.comment(commentId, actor).map(CommentView::of);
    }

    @Operation(summary = "Who did what to a comment: submitted, amended (with the replaced fields), withdrawn, resolved")
    @GetMapping("/{commentId}/history")
    public Mono<HistoryView> history(@PathVariable String commentId, @Parameter(hidden = true) Actor actor) {
        return comments.comment(commentId, actor).map(HistoryView::of);
    }

    @Operation(summary = "Amend one's own comment while the period is open (national body)")
    @PutMapping(path = "/{commentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CommentView> amend(@PathVariable String commentId, @RequestBody CommentRequest request, @Parameter(hidden = true) Actor actor) {
        return comments.amend(commentId, request.toDraft(Origin.SINGLE), actor).map(CommentView::of);
    }

    @Operation(summary = "Withdraw one's own comment while the period is open (national body); withdrawing twice changes nothing")
    @DeleteMapping("/{commentId}")
    public Mono<ResponseEntity<Void>> withdraw(@PathVariable String commentId, @Parameter(hidden = true) Actor actor) {
        return comments.withdraw(commentId, actor).thenReturn(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Withdraw one's own comment, answering with the withdrawn comment")
    @PostMapping("/{commentId}/withdrawal")
    public Mono<CommentView> withdrawal(@PathVariable String commentId, @Parameter(hidden = true) Actor actor) {
        return comments.withdraw(commentId, actor).map(CommentView::of);
    }

    @Operation(summary = "Record the disposition of a comment with the secretariat's observations (editor, secretariat)")
    @PutMapping(path = "/{commentId}/disposition", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<CommentView> resolve(@PathVariable String commentId, @RequestBody DispositionRequest request, @Parameter(hidden = true) Actor actor) {
        return comments.resolve(commentId, request.disposition(), request.observations(), actor).map(CommentView::of);
    }
}
