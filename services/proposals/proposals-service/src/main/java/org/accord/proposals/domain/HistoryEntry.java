package org.accord.proposals.domain;

import java.time.Instant;

/**
 * One line of a proposal's audit trail: the event ({@code StageChanged}), who caused it (a person,
 * or the service whose event moved the proposal), when, what happened, and the stage after it.
 */
public record HistoryEntry(String type, String by, Instant at, String what, String stage) {
}
