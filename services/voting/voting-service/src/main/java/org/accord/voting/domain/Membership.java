package org.accord.voting.domain;

/** A member body's status in the committee when the ballot opened: participating or observing. */
public enum Membership {
    P,
    O
}
