package org.accord.proposals.events;

import java.time.Instant;

/**
 * The member body is suspended: from now on it neither votes nor comments, and it cannot join
 * committees; it still reads.
 */
public record MemberBodySuspended(String code, String reason, long revision, String suspendedBy, Instant suspendedAt) {
}
