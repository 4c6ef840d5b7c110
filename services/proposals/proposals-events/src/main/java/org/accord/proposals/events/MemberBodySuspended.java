package org.accord.proposals.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * The member body is suspended: from now on it neither votes nor comments, and it cannot join
 * committees; it still reads. {@code reason} may be null.
 */
public record MemberBodySuspended(String code, @Absent String reason, long revision, String suspendedBy, Instant suspendedAt) {
}
