package org.accord.proposals.domain;

import java.time.Instant;

/** An immutable version of a draft as the proposal remembers it; the text itself is stored apart. */
public record DraftVersion(int number, String sha256, int clauseCount, String note, String createdBy, Instant createdAt) {
}
