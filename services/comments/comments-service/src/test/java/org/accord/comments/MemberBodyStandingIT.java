package org.accord.comments;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.accord.events.CloudEvent;
import org.accord.proposals.events.CommitteeMembershipChanged;
import org.accord.proposals.events.MemberBodyAdmitted;
import org.accord.proposals.events.MemberBodyCategoryChanged;
import org.accord.proposals.events.MemberBodyReinstated;
import org.accord.proposals.events.MemberBodySuspended;
import org.accord.proposals.events.ProposalEvents;
import org.accord.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may comment follows the proposals service's member-body register: a suspended body reads
 * but does not comment until it is reinstated, a subscriber does not comment, and a late or
 * redelivered change (an older revision) changes nothing.
 */
class MemberBodyStandingIT extends ServiceHarness {

    private static final String COMMENT = "{\"clause\":\"4.1\",\"type\":\"te\",\"comment\":\"Require the seed\"}";
    /** On a clause the draft does not have: a 422 for a body that may comment, so polling with it stores nothing. */
    private static final String PROBE = "{\"clause\":\"99.99\",\"type\":\"te\",\"comment\":\"probe\"}";

    @Test
    void shouldRefuseCommentsOfASuspendedBodyUntilItIsReinstatedAndKeepItsReads() {
        Opened review = openReviewOf("LU", "MT");
        publish(ProposalEvents.MEMBER_BODY_ADMITTED, "LU", new MemberBodyAdmitted("LU", "ILNAS", "ILNAS", "member", 1,
                "secretariat", Instant.now()));
        CloudEvent suspension = publish(ProposalEvents.MEMBER_BODY_SUSPENDED, "LU", new MemberBodySuspended("LU",
                "fees unpaid", 2, "secretariat", Instant.now()));
        String comments = "/comment-periods/" + review.periodId() + "/comments";

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> postJson(comments, TestTokens.nationalBody("LU"), PROBE)
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("Member body suspended").jsonPath("$.memberBody").isEqualTo("LU"));
        postJson(comments, TestTokens.nationalBody("LU"), COMMENT).expectStatus().isForbidden();
        get("/comment-periods/" + review.periodId(), TestTokens.nationalBody("LU")).expectStatus().isOk();
        get(comments, TestTokens.nationalBody("LU")).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        postJson(comments, TestTokens.nationalBody("MT"), COMMENT).expectStatus().isCreated();

        publish(ProposalEvents.MEMBER_BODY_REINSTATED, "LU", new MemberBodyReinstated("LU", 3, "secretariat", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> postJson(comments, TestTokens.nationalBody("LU"), PROBE)
                .expectStatus().isEqualTo(422));
        postJson(comments, TestTokens.nationalBody("LU"), COMMENT).expectStatus().isCreated();

        republish(ProposalEvents.MEMBER_BODY_SUSPENDED, "LU", suspension);
        // The redelivered suspension is older than the reinstatement kept: LU keeps commenting.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                postJson(comments, TestTokens.nationalBody("LU"), PROBE).expectStatus().isEqualTo(422));
        get(comments, TestTokens.editor()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void shouldRefuseCommentsOfASubscriber() {
        Opened review = openReviewOf("CY", "EE");
        publish(ProposalEvents.MEMBER_BODY_ADMITTED, "CY", new MemberBodyAdmitted("CY", "CYS", "ΚΟΤ", "member", 1,
                "secretariat", Instant.now()));
        publish(ProposalEvents.MEMBER_BODY_CATEGORY_CHANGED, "CY", new MemberBodyCategoryChanged("CY", "subscriber", "member", 2,
                "secretariat", Instant.now()));
        String comments = "/comment-periods/" + review.periodId() + "/comments";

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> postJson(comments, TestTokens.nationalBody("CY"), PROBE)
                .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("Subscribers do not comment"));
        postJson(comments, TestTokens.nationalBody("CY"), COMMENT).expectStatus().isForbidden();
        get(comments, TestTokens.editor()).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    /** A review period of a committee of its own whose P-members are the given bodies. */
    private Opened openReviewOf(String... members) {
        String committeeId = "ACC/TC " + fresh("register");
        publish(ProposalEvents.MEMBERSHIP_CHANGED, committeeId, new CommitteeMembershipChanged(committeeId, "Register test",
                members[0], List.of(members), List.of(), 1, "registered", "secretariat", Instant.now()));
        String proposalId = fresh("p");
        String periodId = fresh("cp");
        publish(ProposalEvents.REVIEW_OPENED, proposalId, review(proposalId, periodId, committeeId, Instant.now().plus(Duration.ofDays(30))));
        awaitReadable(periodId, members[0]);
        return new Opened(proposalId, periodId, committeeId);
    }
}
