package org.accord.comments.domain;

import org.accord.problem.ForbiddenException;

/**
 * A member body as the proposals service's register last announced it: its category
 * ({@code member}, {@code correspondent}, {@code subscriber}) and whether it is suspended or has
 * resigned. Only a higher {@code revision} replaces it, so a redelivered or late event is harmless.
 */
public record MemberBodyStanding(String code, String category, boolean suspended, boolean resigned, long revision) {

    /** Where nothing was announced yet: no category known, neither suspended nor resigned, revision 0. */
    public static MemberBodyStanding unknown(String code) {
        return new MemberBodyStanding(code, null, false, false, 0);
    }

    public MemberBodyStanding admitted(String admittedCategory, long at) {
        return new MemberBodyStanding(code, admittedCategory, false, false, at);
    }

    public MemberBodyStanding withCategory(String next, long at) {
        return new MemberBodyStanding(code, next, suspended, resigned, at);
    }

    public MemberBodyStanding withSuspension(boolean isSuspended, long at) {
        return new MemberBodyStanding(code, category, isSuspended, resigned, at);
    }

    public MemberBodyStanding withResignation(long at) {
        return new MemberBodyStanding(code, category, suspended, true, at);
    }

    public boolean isNewerThan(MemberBodyStanding other) {
        return other == null || revision > other.revision;
    }

    /** Suspended and resigned bodies do not comment, nor do subscribers (they follow the work only); 403 naming the rule. */
    public void requireMayComment() {
        if (resigned) {
            throw refusal("Member body resigned", code + " has resigned from the organization and no longer comments");
        }
        if (suspended) {
            throw refusal("Member body suspended", code + " is suspended: it may read, but not comment, until it is reinstated");
        }
        if ("subscriber".equals(category)) {
            throw refusal("Subscribers do not comment", code + " is a subscriber member body: it follows the work, without comments");
        }
    }

    private ForbiddenException refusal(String rule, String detail) {
        return (ForbiddenException) new ForbiddenException(detail).with("rule", rule).with("memberBody", code);
    }
}
