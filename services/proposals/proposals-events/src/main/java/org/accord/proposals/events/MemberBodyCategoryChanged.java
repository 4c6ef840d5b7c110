package org.accord.proposals.events;

import java.time.Instant;

/** The member body's category changed ({@code member}, {@code correspondent}, {@code subscriber}). */
public record MemberBodyCategoryChanged(String code, String category, String previousCategory, long revision,
                                        String changedBy, Instant changedAt) {
}
