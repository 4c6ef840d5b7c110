package org.accord.proposals.domain;

/** What an editor submits; the draft text comes parsed beside it. */
public record Submission(String committeeId, String title, String scope, ProposalKind kind, String basedOn) {
}
