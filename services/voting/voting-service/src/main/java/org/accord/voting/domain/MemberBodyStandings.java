package org.accord.voting.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the register says of the members of a ballot's electorate; a body it never announced has no standing here. */
public record MemberBodyStandings(Map<String, MemberBodyStanding> byCode) {

    /** Nothing announced: the electorate alone decides who votes. */
    public static final MemberBodyStandings NONE = new MemberBodyStandings(Map.of());

    public MemberBodyStandings {
        byCode = byCode == null ? Map.of() : Map.copyOf(byCode);
    }

    public static MemberBodyStandings of(Collection<MemberBodyStanding> standings) {
        return new MemberBodyStandings(standings.stream()
                .collect(Collectors.toMap(MemberBodyStanding::code, Function.identity(), (a, b) -> a.isNewerThan(b) ? a : b)));
    }

    public Optional<MemberBodyStanding> of(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean hasResigned(String code) {
        return of(code).map(MemberBodyStanding::hasResigned).orElse(false);
    }
}
