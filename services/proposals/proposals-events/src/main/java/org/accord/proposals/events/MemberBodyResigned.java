package org.accord.proposals.events;

import java.time.Instant;

/**
 * The member body left the organization: for good (a return is a new admission under a new
 * decision, not modelled); it neither votes, comments nor joins committees.
 */
public record MemberBodyResigned(String code, String reason, long revision, String recordedBy, Instant resignedAt) {
}
