package org.accord.voting.domain;

import org.accord.problem.ForbiddenException;

/**
 * A member body as the proposals service's register last announced it: its category
 * ({@code member}, {@code correspondent}, {@code subscriber}) and whether it is active, suspended
 * or has resigned. Each change carries the body's {@code revision}; only a higher one replaces
 * what is kept, so a redelivered or late event changes nothing.
 */
public record MemberBodyStanding(String code, String category, Standing standing, long revision) {

    /** The category whose bodies vote; correspondents and subscribers do not (the register's rule). */
    public static final String VOTING_CATEGORY = "member";

    public enum Standing {
        ACTIVE, SUSPENDED, RESIGNED
    }

    public MemberBodyStanding {
        standing = standing == null ? Standing.ACTIVE : standing;
    }

    /** Where nothing was announced yet: no category known, active, revision 0. */
    public static MemberBodyStanding unknown(String code) {
        return new MemberBodyStanding(code, null, Standing.ACTIVE, 0);
    }

    public MemberBodyStanding admitted(String admittedCategory, long at) {
        return new MemberBodyStanding(code, admittedCategory, Standing.ACTIVE, at);
    }

    public MemberBodyStanding categoryChanged(String next, long at) {
        return new MemberBodyStanding(code, next, standing, at);
    }

    public MemberBodyStanding suspended(long at) {
        return new MemberBodyStanding(code, category, Standing.SUSPENDED, at);
    }

    public MemberBodyStanding reinstated(long at) {
        return new MemberBodyStanding(code, category, Standing.ACTIVE, at);
    }

    public MemberBodyStanding resigned(long at) {
        return new MemberBodyStanding(code, category, Standing.RESIGNED, at);
    }

    public boolean isNewerThan(MemberBodyStanding other) {
        return other == null || revision > other.revision;
    }

    /** A resignation is final in the register (a return would be a new admission): the body never votes again. */
    public boolean hasResigned() {
        return standing == Standing.RESIGNED;
    }

    /**
     * Resigned and suspended bodies do not vote, nor do bodies of a category other than
     * {@code member} (correspondents and subscribers); 403 naming the rule. A body whose category
     * was never announced votes as its place in the electorate allows.
     */
    public void requireMayVote() {
        if (standing == Standing.RESIGNED) {
            throw refusal("Member body resigned", code + " has resigned from the organization and no longer votes");
        }
        if (standing == Standing.SUSPENDED) {
            throw refusal("Member body suspended", code + " is suspended: it may read, but not vote, until it is reinstated");
        }
        if (category != null && !VOTING_CATEGORY.equals(category)) {
            throw refusal("Only members vote", code + " is a " + category + " member body: only members ("
                    + VOTING_CATEGORY + ") vote");
        }
    }

    private ForbiddenException refusal(String rule, String detail) {
        return (ForbiddenException) new ForbiddenException(detail).with("rule", rule).with("memberBody", code);
    }
}
