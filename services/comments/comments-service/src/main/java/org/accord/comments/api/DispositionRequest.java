package org.accord.comments.api;

/**
 * A disposition: {@code accepted}, {@code accepted-in-principle} (or {@code modified}),
 * {@code not-accepted} or {@code noted}, with the secretariat's observations.
 */
public record DispositionRequest(
        @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"accepted", "accepted-in-principle", "modified", "not-accepted", "noted"})
        String disposition,
        String observations) {
}
