package org.accord.publication.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * A standard was issued: its designation ({@code ACC 42:2027}, {@code ACC 42:2027/Amd 1:2028}),
 * its edition number, the SHA-256 of its text and of the previous edition's text (null for a first
 * edition), and the designation it cancels and replaces, if any.
 */
public record StandardPublished(String designation, int projectNumber, int edition, String kind, String proposalId,
                                String committeeId, String title, String textSha256, @Absent String previousEditionSha256,
                                @Absent String replaces, Instant publishedAt) {
}
