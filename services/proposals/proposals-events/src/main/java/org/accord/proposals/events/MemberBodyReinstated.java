package org.accord.proposals.events;

import java.time.Instant;

/** The suspension of the member body ended: it votes and comments again as its category allows. */
public record MemberBodyReinstated(String code, long revision, String reinstatedBy, Instant reinstatedAt) {
}
