package org.accord.proposals.api;

import java.util.List;

import jakarta.validation.Valid;
import org.accord.actor.Actor;
import org.accord.messaging.Stored;
import org.accord.proposals.api.ProposalViews.MemberBodyView;
import org.accord.proposals.application.MemberBodyRegister;
import org.accord.proposals.domain.MemberBody;
import org.accord.web.PublicAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The organization's register of member bodies: anyone may read it; the secretariat admits bodies,
 * changes their category, suspends and reinstates them and records resignations, each change an
 * event on {@code accord.member-bodies.v1}. Commands answer with the body after the change and its
 * {@code ETag} and honour {@code If-Match}; repeating a change that already holds changes nothing
 * (a retried suspension suspends once), and a second admission of a code is a 409.
 */
@RestController
public class MemberBodiesController {

    private static final String IF_MATCH = "If-Match";

    private final MemberBodyRegister register;

    public MemberBodiesController(MemberBodyRegister register) {
        this.register = register;
    }

    @Operation(summary = "List the member bodies of the register, by code")
    @GetMapping("/member-bodies")
    public Mono<List<MemberBodyView>> list() {
        return register.list().map(MemberBodyView::of).collectList();
    }

    @Operation(summary = "Read a member body by its ISO 3166-1 alpha-2 code")
    @GetMapping("/member-bodies/{code}")
    public Mono<ResponseEntity<MemberBodyView>> get(@PathVariable String code) {
        return register.get(code).map(MemberBodiesController::withEtag);
    }

    @Operation(summary = "Admit a member body to the organization (secretariat)")
    @ApiResponse(responseCode = "201", description = "The member body as admitted", headers = @Header(name = "Location",
            description = "The new member body", schema = @Schema(type = "string", format = "uri")))
    @PostMapping("/member-bodies")
    public Mono<ResponseEntity<MemberBodyView>> admit(@Valid @RequestBody ProposalRequests.AdmitMemberBody request,
                                                      Actor actor, ServerHttpRequest http) {
        return register.admit(request.code(), request.name(), request.localName(), request.category(), actor)
                .map(stored -> ResponseEntity.created(PublicAddress.of(http, "/member-bodies/" + stored.id()))
                        .eTag(stored.etag()).body(MemberBodyView.of(stored)));
    }

    /** A correspondent or subscriber cannot be a P-member: such a change while it is one is a 409 naming the committees. */
    @Operation(summary = "Change a member body's category: member, correspondent or subscriber (secretariat)")
    @PutMapping("/member-bodies/{code}/category")
    public Mono<ResponseEntity<MemberBodyView>> changeCategory(@PathVariable String code,
                                                               @Valid @RequestBody ProposalRequests.ChangeCategory request,
                                                               @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                               Actor actor) {
        return register.changeCategory(code, request.category(), ifMatch, actor).map(MemberBodiesController::withEtag);
    }

    @Operation(summary = "Suspend a member body: no votes, no comments, no new committee memberships (secretariat)")
    @PutMapping("/member-bodies/{code}/suspension")
    public Mono<ResponseEntity<MemberBodyView>> suspend(@PathVariable String code,
                                                        @Valid @RequestBody ProposalRequests.RegisterNote request,
                                                        @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                        Actor actor) {
        return register.suspend(code, request.reason(), ifMatch, actor)
                .map(MemberBodiesController::withEtag);
    }

    @Operation(summary = "Reinstate a suspended member body (secretariat)")
    @DeleteMapping("/member-bodies/{code}/suspension")
    public Mono<ResponseEntity<MemberBodyView>> reinstate(@PathVariable String code,
                                                          @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                          Actor actor) {
        return register.reinstate(code, ifMatch, actor).map(MemberBodiesController::withEtag);
    }

    @Operation(summary = "Record a member body's resignation from the organization (secretariat)")
    @PutMapping("/member-bodies/{code}/resignation")
    public Mono<ResponseEntity<MemberBodyView>> resign(@PathVariable String code,
                                                       @Valid @RequestBody ProposalRequests.RegisterNote request,
                                                       @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                       Actor actor) {
        return register.resign(code, request.reason(), ifMatch, actor)
                .map(MemberBodiesController::withEtag);
    }

    private static ResponseEntity<MemberBodyView> withEtag(Stored<MemberBody> stored) {
        return ResponseEntity.ok().eTag(stored.etag()).body(MemberBodyView.of(stored));
    }
}
