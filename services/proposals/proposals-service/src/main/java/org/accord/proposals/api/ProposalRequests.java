package org.accord.proposals.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.accord.proposals.domain.BallotType;
import org.accord.proposals.domain.MemberBody;
import org.accord.proposals.domain.MembershipStatus;
import org.accord.proposals.domain.Procedure;
import org.accord.proposals.domain.Proposal;
import org.accord.proposals.domain.ProposalKind;
import org.accord.proposals.domain.RuleSet;

/** The bodies the proposals API accepts. Unknown fields are refused (400 naming the field). */
final class ProposalRequests {

    /** Committee ids and designations are short ({@code ACC/TC 1/SC 2}, {@code ACC 42:2027}). */
    static final int MAX_REFERENCE = 100;

    private ProposalRequests() {
    }

    /**
     * A new proposal. {@code committee} is a committee id ({@code ACC/TC 1}) or its slug
     * ({@code ACC-TC-1}); {@code kind} defaults to NEW; {@code basedOn} is the published designation
     * a REVISION, AMENDMENT or CORRIGENDUM changes; {@code text} is the draft in Markdown.
     */
    record Submit(@NotBlank @Size(max = MAX_REFERENCE) String committee, @NotBlank @Size(max = Proposal.MAX_TITLE) String title,
                  @NotBlank @Size(max = Proposal.MAX_SCOPE) String scope, ProposalKind kind,
                  @Size(max = MAX_REFERENCE) String basedOn, @NotBlank String text) {
    }

    /** A new version of the draft, with an optional note on what changed. */
    record Revise(@NotBlank String text, @Size(max = Proposal.MAX_NOTE) String note) {
    }

    /** A committee comment period on the latest version, open until the deadline (UTC ISO-8601). */
    record OpenCommentPeriod(@NotNull Instant deadline) {
    }

    /**
     * A ballot on the latest version: NP, DIS or FDIS; the rule set must be one the committee's
     * procedure allows for the type and defaults to the procedure's first (under ISO:
     * ISO_NEW_WORK_ITEM for NP, ISO_ENQUIRY_APPROVAL otherwise); earlyCloseAllowed lets it close
     * once no vote still to come can change the outcome. The deadline is in the future and at most
     * the configured horizon (2 years by default) ahead.
     */
    record RequestBallot(@NotNull BallotType type, RuleSet ruleSet, @NotNull Instant deadline, Boolean earlyCloseAllowed) {
    }

    /** Why the project is abandoned (optional). */
    record Withdraw(@Size(max = Proposal.MAX_NOTE) String reason) {
    }

    /** How a committee decides: ISO, IEEE_SA or SIMPLE_MAJORITY. */
    record SetProcedure(@NotNull Procedure procedure) {
    }

    /** A member body's membership of a committee: P (participating) or O (observing). */
    record Membership(@NotNull MembershipStatus status) {
    }

    /**
     * A member body to admit: {@code code} ISO 3166-1 alpha-2, {@code name} in English,
     * {@code localName} in its own language, {@code category} member, correspondent or subscriber
     * (a code or category that is none of these is a 422 naming the field).
     */
    record AdmitMemberBody(@Size(max = MAX_REFERENCE) String code, @Size(max = MemberBody.MAX_NAME) String name,
                           @Size(max = MemberBody.MAX_NAME) String localName, @Size(max = MAX_REFERENCE) String category) {
    }

    /** A member body's new category: member, correspondent or subscriber. */
    record ChangeCategory(@Size(max = MAX_REFERENCE) String category) {
    }

    /** Why the member body is suspended, or the resignation's reference (a letter, a decision): required. */
    record RegisterNote(@NotBlank @Size(max = MemberBody.MAX_REASON) String reason) {
    }
}
