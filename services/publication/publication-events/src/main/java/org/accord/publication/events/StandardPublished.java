package org.accord.publication.events;

import java.time.Instant;

import org.accord.events.Absent;

/**
 * A standard was issued: its designation ({@code ACC 42:2027}, {@code ACC 42:2027/Amd 1:2028}),
 * unique to this one document, its edition number, the SHA-256 of its text, and the designation it
 * cancels and replaces, if any. For an edition, {@code previousEditionSha256} is the hash of the
 * edition before it (absent for a first edition). For an amendment or corrigendum,
 * {@code amends} is the designation of the edition it changes and {@code amendsSha256} that
 * edition's hash ({@code previousEditionSha256} is absent: it is no edition).
 * {@code previousSha256} is the hash of the document published just before it in the project
 * (edition or supplement), the link of the project's hash chain.
 */
public record StandardPublished(String designation, int projectNumber, int edition, String kind, String proposalId,
                                String committeeId, String title, String textSha256, @Absent String previousEditionSha256,
                                @Absent String replaces, Instant publishedAt, @Absent String amends,
                                @Absent String amendsSha256, @Absent String previousSha256) {
}
