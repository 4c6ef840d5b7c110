package org.accord.voting.domain;

/** One condition a rule set checked, whether it held, and the numbers it was decided on. */
public record Condition(String condition, boolean met, String numbers) {
}
