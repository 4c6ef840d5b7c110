package org.accord.voting.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.accord.voting.domain.Position;
import org.accord.voting.domain.VoteChoice;

/**
 * A member body's vote: {@code reasons} are required with DISAPPROVE; {@code commitsToParticipate}
 * and {@code expert} belong to new-work-item (NP) ballots only.
 */
public record VoteRequest(@NotNull(message = "is required: one of [APPROVE, APPROVE_WITH_COMMENTS, DISAPPROVE, ABSTAIN]")
                          Position position,
                          @Size(max = 20_000) String reasons,
                          Boolean commitsToParticipate,
                          @Size(max = 200) String expert) {

    VoteChoice choice() {
        return new VoteChoice(position, reasons, commitsToParticipate, expert);
    }
}
