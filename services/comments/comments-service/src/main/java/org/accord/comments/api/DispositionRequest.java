package org.accord.comments.api;

/**
 * A disposition: {@code accepted}, {@code accepted-in-principle} (or {@code modified}),
 * {@code not-accepted} or {@code noted}, with the secretariat's observations.
 */
public record DispositionRequest(String disposition, String observations) {
}
