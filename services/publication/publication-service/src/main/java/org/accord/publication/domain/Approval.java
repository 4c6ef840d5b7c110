package org.accord.publication.domain;

/**
 * A text approved for publication, as the publication domain needs it: which project, what the
 * text does ({@code kind}, and for all but NEW the designation it changes in {@code basedOn}),
 * and the text with the hash the approving side computed.
 */
public record Approval(String proposalId, int proposalVersion, int projectNumber, String committeeId, String title,
                       String kind, String basedOn, String text, String textSha256) {
}
