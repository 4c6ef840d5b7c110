package org.accord.actor;

import java.util.Arrays;
import java.util.Optional;

/** What a caller may be in Accord; the claim value is what the identity service puts in tokens. */
public enum Role {
    /** Submits and revises drafts, opens comment periods, requests ballots. */
    EDITOR("editor"),
    /** A member body's standards organisation: comments and votes as itself. */
    NATIONAL_BODY("national-body"),
    /** Manages committees and memberships, records dispositions, withdraws. */
    SECRETARIAT("secretariat");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
    }
}
