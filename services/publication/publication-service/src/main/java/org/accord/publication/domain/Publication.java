package org.accord.publication.domain;

import java.time.Instant;

/**
 * One published document of a standard: an edition or a supplement (amendment, corrigendum) of
 * an edition. The text itself is kept apart, addressed by its SHA-256; {@code previousSha256} is
 * the hash of the document published before it in the same project, which links all of a
 * project's publications into a chain that shows any later change of a text.
 *
 * @param edition          the edition number; a supplement carries the number of the edition it changes
 * @param supplementNumber n of {@code /Amd n} or {@code /Cor n}; 0 for an edition
 * @param basedOn          for a supplement, the designation of its edition; for a revision, the edition it replaces
 * @param sequence         the feed sequence of the publication (the SSE event id)
 * @param lastSequence     the feed sequence of the latest change to this document (publication, replacement, withdrawal)
 * @param updatedAt        the time of that latest change
 * @param previousEditionSha256 the hash of the latest edition published before this document: for an edition the
 *                         one it follows (null for a first edition), for a supplement the edition it changes
 * @param amendsSha256     for an amendment or corrigendum, the hash of the edition it changes ({@code basedOn})
 */
public record Publication(String designation, int edition, PublicationKind kind, int supplementNumber, String basedOn,
                          String proposalId, int proposalVersion, String title, String committeeId,
                          String textSha256, String previousSha256, String replaces, String replacedBy,
                          Instant publishedAt, PublicationStatus status, long sequence, long lastSequence, Instant updatedAt,
                          Instant withdrawnAt, String withdrawnBy, String withdrawalReason, Long withdrawalSequence,
                          String previousEditionSha256, String amendsSha256) {

    public Designation parsedDesignation() {
        return Designation.parse(designation)
                .orElseThrow(() -> new IllegalStateException("Stored designation is unreadable: " + designation));
    }

    public boolean isEdition() {
        return kind.isEdition();
    }

    public boolean isCurrent() {
        return status == PublicationStatus.PUBLISHED;
    }

    public boolean isFrom(String otherProposalId, int version) {
        return proposalId.equals(otherProposalId) && proposalVersion == version;
    }

    /** Cancelled by the newer edition {@code newer}; numbered with that edition's publication. */
    Publication replacedBy(String newer, Instant at) {
        return new Publication(designation, edition, kind, supplementNumber, basedOn, proposalId, proposalVersion, title,
                committeeId, textSha256, previousSha256, replaces, newer, publishedAt, PublicationStatus.REPLACED, sequence,
                0, at, withdrawnAt, withdrawnBy, withdrawalReason, withdrawalSequence, previousEditionSha256, amendsSha256);
    }

    Publication withdrawn(String by, String reason, Instant at) {
        return new Publication(designation, edition, kind, supplementNumber, basedOn, proposalId, proposalVersion, title,
                committeeId, textSha256, previousSha256, replaces, replacedBy, publishedAt, PublicationStatus.WITHDRAWN, sequence,
                0, at, at, by, reason, 0L, previousEditionSha256, amendsSha256);
    }

    /** Gives the pending feed event of this document (its publication or its withdrawal) its number. */
    Publication numbered(long number) {
        boolean withdrawal = withdrawalSequence != null && withdrawalSequence == 0;
        return new Publication(designation, edition, kind, supplementNumber, basedOn, proposalId, proposalVersion, title,
                committeeId, textSha256, previousSha256, replaces, replacedBy, publishedAt, status,
                withdrawal ? sequence : number, number, updatedAt, withdrawnAt, withdrawnBy, withdrawalReason,
                withdrawal ? Long.valueOf(number) : withdrawalSequence, previousEditionSha256, amendsSha256);
    }

    /** Changed along with the feed event numbered {@code number} (a replacement by a new edition). */
    Publication touchedAt(long number) {
        return new Publication(designation, edition, kind, supplementNumber, basedOn, proposalId, proposalVersion, title,
                committeeId, textSha256, previousSha256, replaces, replacedBy, publishedAt, status, sequence, number, updatedAt,
                withdrawnAt, withdrawnBy, withdrawalReason, withdrawalSequence, previousEditionSha256, amendsSha256);
    }
}
