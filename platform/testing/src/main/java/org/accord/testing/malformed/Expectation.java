package org.accord.testing.malformed;

/** What the service must do with a malformed request (see {@link Verdict}). */
public enum Expectation {
    /** Refuse it with a 4xx problem. */
    REFUSED,
    /**
     * Anything but a 5xx or a dropped connection: the junk is one the service may take (an unknown
     * query parameter, a lenient number) where taking it changes nothing. Never for a write.
     */
    MAY_BE_ACCEPTED
}
