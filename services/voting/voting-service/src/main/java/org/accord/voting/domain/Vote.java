package org.accord.voting.domain;

import java.time.Instant;

/**
 * A member body's vote as recorded: its position, the technical reasons of a disapproval, and on
 * a new-work-item ballot its commitment to participate with the expert it nominates.
 * {@code sequence} numbers every vote of the ballot in the order received.
 */
public record Vote(String memberBody, Membership membership, Position position, String reasons,
                   Boolean commitsToParticipate, String expert, int sequence, boolean changesEarlierVote,
                   String castBy, Instant castAt) {

    public boolean hasReasons() {
        return reasons != null && !reasons.isBlank();
    }

    /** Whether this vote says the same as the choice (a repeated request changes nothing). */
    boolean says(VoteChoice choice) {
        return position == choice.position()
                && java.util.Objects.equals(reasons, choice.reasons())
                && java.util.Objects.equals(commitsToParticipate, choice.commitsToParticipate())
                && java.util.Objects.equals(expert, choice.expert());
    }
}
