package org.accord.proposals.domain;

/**
 * The version an enquiry or approval ballot approved: the only text that ballot can send to
 * publication. {@code sha256} is the hash of that version's text, as the ballot recorded it.
 */
public record ApprovedVersion(String ballotId, BallotType ballotType, int version, String sha256) {
}
