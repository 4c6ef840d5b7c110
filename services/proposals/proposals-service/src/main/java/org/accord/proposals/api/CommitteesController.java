package org.accord.proposals.api;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.accord.actor.Actor;
import org.accord.messaging.Stored;
import org.accord.proposals.api.ProposalViews.CommitteeView;
import org.accord.proposals.application.CommitteeService;
import org.accord.proposals.domain.Committee;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Committees: anyone may read them. In paths a committee is addressed by its
 * slug ({@code ACC-TC-1-SC-2}, listed with each committee): its id contains {@code /}, and encoded
 * slashes in paths are refused by the security firewall (400). An id without {@code /} works as
 * well. The secretariat adds, moves and removes members; each change is a new membership snapshot
 * event. It also sets the committee's procedure, which decides the rule sets its ballots may use.
 */
@RestController
public class CommitteesController {

    private final CommitteeService committees;

    public CommitteesController(CommitteeService committees) {
        this.committees = committees;
    }

    @Operation(summary = "List the committees")
    @GetMapping("/committees")
    public Mono<List<CommitteeView>> list() {
        return committees.list().map(CommitteeView::of).collectList();
    }

    @Operation(summary = "Read a committee with its participating and observing members")
    @GetMapping("/committees/{committee}")
    public Mono<ResponseEntity<CommitteeView>> get(@PathVariable String committee) {
        return committees.get(committee).map(CommitteesController::withEtag);
    }

    /** Adds the member body with status P or O, or moves it to that status (secretariat). */
    @Operation(summary = "Admit a member body to a committee or change its status (secretariat)")
    @PutMapping("/committees/{committee}/members/{code}")
    public Mono<ResponseEntity<CommitteeView>> setMember(@PathVariable String committee, @PathVariable String code,
                                                         @Valid @RequestBody ProposalRequests.Membership request,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                         Actor actor) {
        return committees.setMember(committee, normalise(code), request.status(), ifMatch, actor)
                .map(CommitteesController::withEtag);
    }

    /** Sets how the committee decides: ISO, IEEE_SA or SIMPLE_MAJORITY (secretariat). */
    @Operation(summary = "Set the committee's procedure, which decides the rule sets of its ballots (secretariat)")
    @PutMapping("/committees/{committee}/procedure")
    public Mono<ResponseEntity<CommitteeView>> setProcedure(@PathVariable String committee,
                                                            @Valid @RequestBody ProposalRequests.SetProcedure request,
                                                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                            Actor actor) {
        return committees.setProcedure(committee, request.procedure(), ifMatch, actor).map(CommitteesController::withEtag);
    }

    /** Removes the member body from the committee (secretariat). */
    @Operation(summary = "Remove a member body from a committee (secretariat)")
    @DeleteMapping("/committees/{committee}/members/{code}")
    public Mono<ResponseEntity<CommitteeView>> removeMember(@PathVariable String committee, @PathVariable String code,
                                                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                            Actor actor) {
        return committees.removeMember(committee, normalise(code), ifMatch, actor).map(CommitteesController::withEtag);
    }

    private static ResponseEntity<CommitteeView> withEtag(Stored<Committee> stored) {
        return ResponseEntity.ok().eTag(stored.etag()).body(CommitteeView.of(stored));
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
