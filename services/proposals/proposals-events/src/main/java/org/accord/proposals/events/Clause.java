package org.accord.proposals.events;

/**
 * One clause of a draft as its heading numbers it: {@code 1}, {@code 3.2}, {@code Annex A},
 * {@code A.1}. Unnumbered sections (Foreword, Introduction) carry their title as number.
 */
public record Clause(String number, String title) {
}
