package org.accord.voting.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.accord.actor.Actor;
import org.accord.voting.application.BallotService;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Ballots: national bodies vote; anyone reads the results once a ballot has closed. */
@RestController
@RequestMapping("/ballots")
@Validated
public class BallotController {

    private final BallotService ballots;

    public BallotController(BallotService ballots) {
        this.ballots = ballots;
    }

    @GetMapping("/{ballotId}")
    @Operation(summary = "A ballot: while open, its terms and how many votes were returned (editors, the secretariat and "
            + "the committee's national bodies); once closed, the full result (anyone)")
    public Mono<ResponseEntity<BallotView>> ballot(@PathVariable String ballotId, Actor actor) {
        return ballots.read(actor, ballotId).map(stored -> ResponseEntity.ok().eTag(stored.etag()).body(BallotView.of(stored.state())));
    }

    @GetMapping
    @Operation(summary = "The ballots of a proposal the caller may see, oldest first: closed ones to anyone, open ones to "
            + "editors, the secretariat and the committee's national bodies")
    public Flux<BallotView> ballotsOfProposal(@RequestParam("proposal") @NotBlank String proposal, Actor actor) {
        return ballots.findByProposal(actor, proposal).map(stored -> BallotView.of(stored.state()));
    }

    @PutMapping("/{ballotId}/votes/{memberBody}")
    @Operation(summary = "Cast or change a member body's vote (its national body only, until the ballot closes)")
    public Mono<VoteReceipt> vote(@PathVariable String ballotId, @PathVariable String memberBody,
                                  @Valid @RequestBody VoteRequest request, Actor actor) {
        return ballots.cast(actor, ballotId, memberBody, request.choice())
                .map(stored -> new VoteReceipt(ballotId, stored.state().status().name(),
                        VoteView.of(stored.state().voteOf(memberBody).orElseThrow())));
    }

    @GetMapping("/{ballotId}/votes/{memberBody}")
    @Operation(summary = "A member body's current vote: its own national body or the secretariat while open, anyone once closed")
    public Mono<VoteView> currentVote(@PathVariable String ballotId, @PathVariable String memberBody, Actor actor) {
        return ballots.vote(actor, ballotId, memberBody).map(VoteView::of);
    }

    @GetMapping("/{ballotId}/history")
    @Operation(summary = "Every vote cast, in order: anyone once closed, the secretariat and the editor while open")
    public Mono<List<VoteView>> history(@PathVariable String ballotId, Actor actor) {
        return ballots.history(actor, ballotId).map(votes -> votes.stream().map(VoteView::of).toList());
    }
}
