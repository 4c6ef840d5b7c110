package org.accord.proposals.domain;

/** A national standards body, by its ISO 3166-1 alpha-2 code. */
public record MemberBody(String code, String name, String country) {
}
