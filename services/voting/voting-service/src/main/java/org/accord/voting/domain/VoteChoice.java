package org.accord.voting.domain;

/** What a member body asks to record as its vote. */
public record VoteChoice(Position position, String reasons, Boolean commitsToParticipate, String expert) {

    public VoteChoice {
        reasons = blankToNull(reasons);
        expert = blankToNull(expert);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
