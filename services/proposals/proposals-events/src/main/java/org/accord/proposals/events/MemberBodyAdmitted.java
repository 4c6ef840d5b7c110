package org.accord.proposals.events;

import java.time.Instant;

/**
 * The secretariat admitted a national standards body to the organization (or the seeded list did,
 * at first start: {@code admittedBy} is then {@code reference-data}). {@code category} is
 * {@code member}, {@code correspondent} or {@code subscriber}; {@code revision} counts the body's
 * changes from 1, so a consumer applies an event only when it is newer than what it holds.
 */
public record MemberBodyAdmitted(String code, String name, String localName, String category, long revision,
                                 String admittedBy, Instant admittedAt) {
}
