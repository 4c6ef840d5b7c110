package org.accord.proposals.domain;

import java.util.Locale;

/** Where a member body stands: active, suspended (reads only), or resigned (gone for good). */
public enum MemberStanding {
    ACTIVE, SUSPENDED, RESIGNED;

    /** The word the API uses: {@code active}, {@code suspended}, {@code resigned}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
