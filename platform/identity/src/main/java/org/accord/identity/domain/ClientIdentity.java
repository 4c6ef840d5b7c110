package org.accord.identity.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a registered client is in Accord terms: the roles it acts in and, for a national body, the
 * member body it speaks for. These become the {@code roles} and {@code member_body} claims of
 * its access tokens, which the services turn into an {@code Actor}.
 */
public record ClientIdentity(String clientId, List<String> roles, String memberBody) {

    public static final String EDITOR = "editor";
    public static final String NATIONAL_BODY = "national-body";
    public static final String SECRETARIAT = "secretariat";

    private static final Pattern MEMBER_BODY_CODE = Pattern.compile("[A-Z]{2}");

    public ClientIdentity {
        Objects.requireNonNull(clientId, "clientId");
        roles = List.copyOf(roles);
        if (roles.contains(NATIONAL_BODY) != (memberBody != null)) {
            throw new IllegalArgumentException("A national-body client needs a member body, and only it has one: " + clientId);
        }
    }

    /** The client of a national standards body, by its ISO 3166-1 alpha-2 code: {@code nb-ke} for KE. */
    public static ClientIdentity nationalBody(String memberBodyCode) {
        String code = memberBodyCode == null ? "" : memberBodyCode.trim().toUpperCase(Locale.ROOT);
        if (!MEMBER_BODY_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A member body code is an ISO 3166-1 alpha-2 code, not '" + memberBodyCode + "'");
        }
        return new ClientIdentity("nb-" + code.toLowerCase(Locale.ROOT), List.of(NATIONAL_BODY), code);
    }

    public static ClientIdentity editor() {
        return new ClientIdentity("editor", List.of(EDITOR), null);
    }

    public static ClientIdentity secretariat() {
        return new ClientIdentity("secretariat", List.of(SECRETARIAT), null);
    }
}
