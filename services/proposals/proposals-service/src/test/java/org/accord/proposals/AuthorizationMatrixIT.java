package org.accord.proposals;

import static org.accord.testing.AuthorizationMatrix.Caller.EDITOR;
import static org.accord.testing.AuthorizationMatrix.Caller.MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NON_MEMBER;
import static org.accord.testing.AuthorizationMatrix.Caller.NO_TOKEN;
import static org.accord.testing.AuthorizationMatrix.Caller.SECRETARIAT;
import static org.accord.testing.AuthorizationMatrix.Caller.WRONG_BODY;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.accord.testing.AuthorizationMatrix;
import org.accord.testing.AuthorizationMatrix.Answer;
import org.accord.testing.AuthorizationMatrix.Parties;
import org.accord.testing.StoreSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of the proposals service for every kind of caller. Committees and member bodies
 * are public; proposals are read by editors, the secretariat and national bodies that are P- or
 * O-members of the proposal's committee; editors submit and move drafts through the stages; the
 * secretariat withdraws, manages memberships and keeps the member-body register. KE and DE are P-members of ACC/TC 1; RW is not
 * a member of it.
 */
@ProposalsServiceTest
class AuthorizationMatrixIT {

    static final Parties PARTIES = new Parties("KE", "DE", "RW");
    /** A member body that is not a member of ACC/TC 1/SC 2 (the matrix adds and removes it). */
    static final String NEWCOMER = "SE";
    static final String SC2 = "ACC-TC-1-SC-2";
    /** The member body whose category and suspension the matrix changes (admitted by the matrix). */
    static final String REGISTER_TARGET = "FI";
    static final java.util.Iterator<String> UNREGISTERED = List.of("BE", "AT", "PL", "CZ", "SK", "SI", "HR", "RO").iterator();

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient http;
    ProposalsApi api;

    @AfterEach
    void restoreTheCommittee() {
        if (api != null && api.members(SC2).contains(NEWCOMER)) {
            api.removeMember(SC2, NEWCOMER);
        }
    }

    @Test
    void shouldAnswerEveryEndpointForEveryCallerAsTheRulesSay() {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        api = new ProposalsApi(http);
        AuthorizationMatrix matrix = AuthorizationMatrix.of("proposals", PARTIES);
        String readable = api.submitted("Matrix: readable draft");
        http.post().uri("/proposals/{id}/versions", readable).headers(h -> h.setBearerAuth(org.accord.testing.TestTokens.editor()))
                .bodyValue(Map.of("text", ProposalsApi.DRAFT + "\nA second version.\n")).exchange().expectStatus().isCreated();

        // Reads of public reference data: anyone, but a presented token must be valid.
        for (String path : new String[] {"/committees", "/committees/ACC-TC-1", "/member-bodies", "/member-bodies/KE"}) {
            matrix.endpoint("GET " + path, () -> path, (p, caller, token) -> get(p, token))
                    .expect(200, NO_TOKEN, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        }

        // Proposals: the committee's members, editors and the secretariat; the listing shows each caller what it may read.
        matrix.endpoint("GET /proposals", () -> "/proposals", (p, caller, token) -> get(p, token))
                .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY, NON_MEMBER);
        matrix.endpoint("GET /proposals?committee=ACC-TC-1", () -> "/proposals?committee=ACC-TC-1",
                        (p, caller, token) -> get(p, token))
                .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY);
        for (String suffix : new String[] {"", "/history", "/versions", "/versions/1", "/versions/2", "/diff?from=1&to=2"}) {
            matrix.endpoint("GET /proposals/{id}" + suffix, () -> "/proposals/" + readable + suffix,
                            (p, caller, token) -> get(p, token))
                    .expect(200, EDITOR, SECRETARIAT, MEMBER, WRONG_BODY);
        }

        // Editors submit and move drafts through the stages.
        matrix.endpoint("POST /proposals", () -> ProposalsApi.TC1, (committee, caller, token) -> send(http.post().uri("/proposals")
                        .bodyValue(Map.of("committee", committee, "title", "Matrix: submitted by " + caller.label(),
                                "scope", "Scope.", "text", ProposalsApi.DRAFT)), token))
                .expect(201, EDITOR)
                .state(committee -> StoreSnapshot.of(mongo, Set.of()));
        matrix.endpoint("POST /proposals/{id}/versions", this::fresh, (id, caller, token) -> send(http.post()
                        .uri("/proposals/{id}/versions", id)
                        .bodyValue(Map.of("text", ProposalsApi.DRAFT + "\nRevised by " + caller.label() + ".\n")), token))
                .expect(201, EDITOR)
                .state(this::proposalDocument);
        matrix.endpoint("POST /proposals/{id}/comment-periods", this::fresh, (id, caller, token) -> send(http.post()
                        .uri("/proposals/{id}/comment-periods", id)
                        .bodyValue(Map.of("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString())), token))
                .expect(200, EDITOR)
                .state(this::proposalDocument);
        matrix.endpoint("POST /proposals/{id}/comment-periods/{periodId}/close",
                        () -> api.inCommentPeriod("Matrix: in comment " + UUID.randomUUID()),
                        (ids, caller, token) -> send(http.post().uri("/proposals/{id}/comment-periods/{p}/close", ids[0], ids[1]), token))
                .expect(202, EDITOR)
                .state(ids -> proposalDocument(ids[0]));
        matrix.endpoint("POST /proposals/{id}/ballots", this::fresh, (id, caller, token) -> send(http.post()
                        .uri("/proposals/{id}/ballots", id)
                        .bodyValue(Map.of("type", "DIS", "deadline", Instant.now().plus(84, ChronoUnit.DAYS).toString())), token))
                .expect(200, EDITOR)
                .state(this::proposalDocument);
        matrix.endpoint("POST /proposals/{id}/skip-final-ballot",
                        () -> api.approvedWithoutDisapprovals("Matrix: approved " + UUID.randomUUID()),
                        (id, caller, token) -> send(http.post().uri("/proposals/{id}/skip-final-ballot", id), token))
                .expect(200, EDITOR)
                .state(this::proposalDocument);

        // The secretariat withdraws projects and manages memberships.
        matrix.endpoint("POST /proposals/{id}/withdrawal", this::fresh, (id, caller, token) -> send(http.post()
                        .uri("/proposals/{id}/withdrawal", id).bodyValue(Map.of("reason", "asked by " + caller.label())), token))
                .expect(200, SECRETARIAT)
                .state(this::proposalDocument);
        matrix.endpoint("PUT /committees/{slug}/members/{code}", () -> {
                    if (api.members(SC2).contains(NEWCOMER)) {
                        api.removeMember(SC2, NEWCOMER);
                    }
                    return SC2;
                }, (slug, caller, token) -> send(http.put().uri("/committees/{c}/members/{code}", slug, NEWCOMER)
                        .bodyValue(Map.of("status", "O")), token))
                .expect(200, SECRETARIAT)
                .state(slug -> committeeDocument());
        matrix.endpoint("DELETE /committees/{slug}/members/{code}", () -> {
                    if (!api.members(SC2).contains(NEWCOMER)) {
                        api.setMember(SC2, NEWCOMER, "P");
                    }
                    return SC2;
                }, (slug, caller, token) -> send(http.delete().uri("/committees/{c}/members/{code}", slug, NEWCOMER), token))
                .expect(200, SECRETARIAT)
                .state(slug -> committeeDocument());
        matrix.endpoint("PUT /committees/{slug}/procedure", () -> {
                    api.setProcedure(SC2, "ISO");
                    return SC2;
                }, (slug, caller, token) -> send(http.put().uri("/committees/{c}/procedure", slug)
                        .bodyValue(Map.of("procedure", "IEEE_SA")), token))
                .expect(200, SECRETARIAT)
                .state(slug -> committeeDocument());

        // The secretariat keeps the register of member bodies; FI is the body the matrix changes back and forth.
        registered(REGISTER_TARGET);
        matrix.endpoint("POST /member-bodies", this::unregisteredCode, (code, caller, token) -> send(http.post()
                        .uri("/member-bodies").bodyValue(Map.of("code", code, "name", "Standards body of " + code,
                                "localName", "Normes " + code, "category", "member")), token))
                .expect(201, SECRETARIAT)
                .state(this::memberBodyDocument);
        matrix.endpoint("PUT /member-bodies/{code}/category", () -> {
                    secretariat(http.put().uri("/member-bodies/{c}/category", REGISTER_TARGET).bodyValue(Map.of("category", "member")));
                    return REGISTER_TARGET;
                }, (code, caller, token) -> send(http.put().uri("/member-bodies/{c}/category", code)
                        .bodyValue(Map.of("category", "correspondent")), token))
                .expect(200, SECRETARIAT)
                .state(this::memberBodyDocument);
        matrix.endpoint("PUT /member-bodies/{code}/suspension", () -> {
                    secretariat(http.delete().uri("/member-bodies/{c}/suspension", REGISTER_TARGET));
                    return REGISTER_TARGET;
                }, (code, caller, token) -> send(http.put().uri("/member-bodies/{c}/suspension", code)
                        .bodyValue(Map.of("reason", "asked by " + caller.label())), token))
                .expect(200, SECRETARIAT)
                .state(this::memberBodyDocument);
        matrix.endpoint("DELETE /member-bodies/{code}/suspension", () -> {
                    secretariat(http.put().uri("/member-bodies/{c}/suspension", REGISTER_TARGET).bodyValue(Map.of("reason", "set up")));
                    return REGISTER_TARGET;
                }, (code, caller, token) -> send(http.delete().uri("/member-bodies/{c}/suspension", code), token))
                .expect(200, SECRETARIAT)
                .state(this::memberBodyDocument);
        matrix.endpoint("PUT /member-bodies/{code}/resignation", () -> registered(unregisteredCode()),
                        (code, caller, token) -> send(http.put().uri("/member-bodies/{c}/resignation", code)
                                .bodyValue(Map.of("reason", "letter of " + caller.label())), token))
                .expect(200, SECRETARIAT)
                .state(this::memberBodyDocument);

        try {
            matrix.verify();
        } finally {
            api.setProcedure(SC2, "ISO");
        }
    }

    /** Codes no other test admits: each admission or resignation of the matrix takes the next. */
    private String unregisteredCode() {
        return UNREGISTERED.next();
    }

    private String registered(String code) {
        secretariat(http.post().uri("/member-bodies").bodyValue(Map.of("code", code, "name", "Standards body of " + code,
                "localName", "Normes " + code, "category", "member")));
        return code;
    }

    private void secretariat(WebTestClient.RequestHeadersSpec<?> request) {
        request.headers(h -> h.setBearerAuth(org.accord.testing.TestTokens.secretariat())).exchange()
                .expectStatus().is2xxSuccessful();
    }

    private Object memberBodyDocument(String code) {
        return StoreSnapshot.document(mongo, "member_register/" + code);
    }

    private String fresh() {
        return api.submitted("Matrix: " + UUID.randomUUID());
    }

    private Object proposalDocument(String id) {
        return StoreSnapshot.document(mongo, "proposals/" + id);
    }

    private Object committeeDocument() {
        return StoreSnapshot.document(mongo, "committees/ACC/TC 1/SC 2");
    }

    private Answer get(String path, String token) {
        return send(http.get().uri(path), token);
    }

    private static Answer send(WebTestClient.RequestHeadersSpec<?> request, String token) {
        if (token != null) {
            request.headers(h -> h.setBearerAuth(token));
        }
        return Answer.of(request.exchange());
    }
}
