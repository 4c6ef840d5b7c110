package org.accord.proposals.domain;

import java.time.Instant;

/** The committee comment period that is open on a version, and whether the editor asked to close it early. */
public record CommentPeriod(String periodId, int version, Instant deadline, Instant openedAt, boolean closeRequested) {
}
