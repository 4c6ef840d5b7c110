package org.accord.actor;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.accord.problem.ForbiddenException;
import org.accord.problem.UnauthorizedException;

/**
 * Who is asking, as the domain sees it: a name (the token's subject), the roles, and for a
 * national body the ISO 3166 alpha-2 code of its member body. An anonymous observer has no roles.
 * Domain rules take an Actor and refuse with 401 (anonymous) or 403 (known but not allowed).
 */
public record Actor(String name, Set<Role> roles, String memberBody) {

    public static final Actor ANONYMOUS = new Actor("anonymous", Set.of(), null);

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor of(String name, Role... roles) {
        return new Actor(name, Set.of(roles), null);
    }

    public static Actor nationalBody(String memberBody) {
        return new Actor(memberBody, Set.of(Role.NATIONAL_BODY), memberBody);
    }

    public boolean isAnonymous() {
        return roles.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Passes if the actor has at least one of the roles; otherwise 401 for anonymous, 403 else. */
    public Actor require(Role... anyOf) {
        if (Arrays.stream(anyOf).anyMatch(roles::contains)) {
            return this;
        }
        if (isAnonymous()) {
            throw new UnauthorizedException("This needs a token with one of the roles " + claims(anyOf));
        }
        throw new ForbiddenException(name + " needs one of the roles " + claims(anyOf) + " for this");
    }

    /** Passes if the actor is the national body of {@code code}; otherwise 401 or 403. */
    public Actor requireMemberBody(String code) {
        require(Role.NATIONAL_BODY);
        if (!code.equals(memberBody)) {
            throw new ForbiddenException(name + " acts for member body " + memberBody + ", not for " + code);
        }
        return this;
    }

    private static String claims(Role... roles) {
        return Arrays.stream(roles).map(Role::claim).toList().toString();
    }
}
