package org.accord.voting.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.problem.InvalidInputException;

/** The rule sets a ballot may name, looked up by name. */
public final class RuleSets {

    private static final Map<String, RuleSet> BY_NAME = new LinkedHashMap<>();

    static {
        for (RuleSet rules : List.of(new IsoEnquiryApproval(), new IsoNewWorkItem(), new IeeeSa(), new SimpleMajority())) {
            BY_NAME.put(rules.name(), rules);
        }
    }

    private RuleSets() {
    }

    public static Optional<RuleSet> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The rule set of that name; an unknown name is invalid input naming {@code ruleSet}. */
    public static RuleSet named(String name) {
        return find(name).orElseThrow(() -> new InvalidInputException("ruleSet",
                "'" + name + "' is not one of " + names()));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
