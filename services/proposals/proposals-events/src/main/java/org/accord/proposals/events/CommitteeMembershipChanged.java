package org.accord.proposals.events;

import java.time.Instant;
import java.util.List;

/**
 * The committee's membership after a change, complete (a snapshot, so a consumer needs only the
 * latest one: apply it when {@code membershipVersion} is newer than what it holds). {@code change}
 * says what changed in words ("registered", "KE added as P-member", "US moved from O to P").
 */
public record CommitteeMembershipChanged(String committeeId, String title, String secretariat,
                                         List<String> participating, List<String> observing, long membershipVersion,
                                         String change, String changedBy, Instant changedAt) {
}
