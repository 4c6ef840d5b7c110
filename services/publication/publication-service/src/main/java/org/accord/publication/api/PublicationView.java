package org.accord.publication.api;

import java.time.Instant;
import java.util.Map;

import org.accord.publication.domain.Publication;
import org.accord.publication.domain.Standard;

/**
 * One published document as the API shows it: {@code previousEditionSha256} is the hash of the
 * latest edition before it; an amendment or corrigendum names the edition it changes in
 * {@code amends} (its designation) and {@code amendsSha256}.
 */
public record PublicationView(String designation, String slug, int projectNumber, int edition, String kind,
                              Integer supplementNumber, String basedOn, String title, String committeeId, String status,
                              Instant publishedAt, String textSha256, String previousEditionSha256, String replaces,
                              String replacedBy, Instant withdrawnAt, String withdrawnBy, String withdrawalReason,
                              String proposalId, int proposalVersion, long feedSequence, Map<String, String> links,
                              String amends, String amendsSha256) {

    static PublicationView of(Standard standard, Publication p, String base) {
        return new PublicationView(p.designation(), p.parsedDesignation().slug(), standard.number(), p.edition(), p.kind().name(),
                p.supplementNumber() == 0 ? null : p.supplementNumber(), p.basedOn(), p.title(), p.committeeId(),
                p.status().name(), p.publishedAt(), p.textSha256(), p.previousEditionSha256(), p.replaces(), p.replacedBy(),
                p.withdrawnAt(), p.withdrawnBy(), p.withdrawalReason(), p.proposalId(), p.proposalVersion(), p.sequence(),
                Links.of(base, standard, p), p.isEdition() ? null : p.basedOn(), p.amendsSha256());
    }
}
