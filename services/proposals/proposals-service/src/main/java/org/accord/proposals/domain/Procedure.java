package org.accord.proposals.domain;

import static org.accord.proposals.domain.BallotType.DIS;
import static org.accord.proposals.domain.BallotType.FDIS;
import static org.accord.proposals.domain.BallotType.NP;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a committee takes its decisions: which rule sets may count each type of ballot it holds,
 * the first of each list being the one used when a request names none. The secretariat sets a
 * committee's procedure; a ballot may not be counted under rules its committee does not follow.
 */
public enum Procedure {
    /**
     * ISO/IEC Directives Part 1: a new work item under 2.3.5 (majority of P-members voting and
     * enough committed), the enquiry (2.6.3) and the approval (2.7.3) under the 2/3 P-member and
     * 1/4 negative conditions.
     */
    ISO(Map.of(NP, List.of(RuleSet.ISO_NEW_WORK_ITEM),
            DIS, List.of(RuleSet.ISO_ENQUIRY_APPROVAL),
            FDIS, List.of(RuleSet.ISO_ENQUIRY_APPROVAL))),
    /** IEEE SA: sponsor ballots and their recirculation under the 75 % rules; a project is approved by majority. */
    IEEE_SA(Map.of(NP, List.of(RuleSet.SIMPLE_MAJORITY),
            DIS, List.of(RuleSet.IEEE_SA),
            FDIS, List.of(RuleSet.IEEE_SA))),
    /** A body that decides every ballot by a simple majority of the votes cast. */
    SIMPLE_MAJORITY(Map.of(NP, List.of(RuleSet.SIMPLE_MAJORITY),
            DIS, List.of(RuleSet.SIMPLE_MAJORITY),
            FDIS, List.of(RuleSet.SIMPLE_MAJORITY)));

    private final Map<BallotType, List<RuleSet>> ruleSets;

    Procedure(Map<BallotType, List<RuleSet>> ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** The rule sets this procedure allows for the ballot type, the default first. */
    public List<RuleSet> ruleSetsFor(BallotType type) {
        return ruleSets.get(type);
    }

    /** The same by name, for the contract and the API: {@code {"NP": ["ISO_NEW_WORK_ITEM"], ...}}. */
    public Map<String, List<String>> ruleSetsByBallotType() {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (BallotType type : BallotType.values()) {
            byType.put(type.name(), ruleSetsFor(type).stream().map(Enum::name).toList());
        }
        return byType;
    }

    public RuleSet defaultRuleSet(BallotType type) {
        return ruleSetsFor(type).get(0);
    }

    public boolean allows(BallotType type, RuleSet ruleSet) {
        return ruleSetsFor(type).contains(ruleSet);
    }
}
