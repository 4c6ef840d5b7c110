package org.accord.proposals.domain;

/**
 * How one clause differs between two versions: ADDED, REMOVED or CHANGED (heading or body), with
 * a unified diff of the clause's text. A renumbered clause shows as one removed and one added.
 */
public record ClauseChange(String number, Kind change, String titleBefore, String titleAfter, String diff) {

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }
}
