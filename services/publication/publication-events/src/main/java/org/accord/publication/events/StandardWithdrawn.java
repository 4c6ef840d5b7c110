package org.accord.publication.events;

import java.time.Instant;

import org.accord.events.Absent;

/** A published standard was withdrawn (stage 95.99). */
public record StandardWithdrawn(String designation, int projectNumber, int edition, @Absent String reason, String withdrawnBy,
                                Instant withdrawnAt) {
}
