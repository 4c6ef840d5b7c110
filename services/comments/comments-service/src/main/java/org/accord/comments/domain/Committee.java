package org.accord.comments.domain;

import java.util.List;

/**
 * A committee's membership as the proposals service last announced it (a complete snapshot);
 * only a newer {@code membershipVersion} replaces it, so a late or redelivered snapshot is harmless.
 */
public record Committee(String committeeId, String title, String secretariat, List<String> participating,
                        List<String> observing, long membershipVersion) {

    public Committee {
        participating = participating == null ? List.of() : List.copyOf(participating);
        observing = observing == null ? List.of() : List.copyOf(observing);
    }

    /** P- and O-members may both comment; only the ballot rules tell them apart. */
    public boolean isMember(String memberBody) {
        return memberBody != null && (participating.contains(memberBody) || observing.contains(memberBody));
    }

    public boolean isNewerThan(Committee other) {
        return other == null || membershipVersion > other.membershipVersion;
    }
}
