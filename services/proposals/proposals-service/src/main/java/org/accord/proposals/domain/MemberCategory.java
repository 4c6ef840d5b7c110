package org.accord.proposals.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member body may do in the organization: a {@code member} may be a P- or O-member of
 * committees and vote; a {@code correspondent} may only be an O-member and comments, without a vote;
 * a {@code subscriber} follows the work, without comments.
 */
public enum MemberCategory {
    MEMBER, CORRESPONDENT, SUBSCRIBER;

    /** The word the API and the events use: {@code member}, {@code correspondent}, {@code subscriber}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberCategory> of(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(c -> c.value().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static List<String> valuesInWords() {
        return Arrays.stream(values()).map(MemberCategory::value).toList();
    }

    public boolean mayBeParticipatingMember() {
        return this == MEMBER;
    }
}
