package org.accord.voting.events;

/** One condition of a rule set with the numbers it was decided on: "P approvals 12 >= 2/3 of 15". */
public record RuleCheck(String condition, boolean met, String numbers) {
}
