package org.accord.proposals.domain;

import java.time.Instant;

/** A designation the publication service announced: what a revision, amendment or corrigendum may be based on. */
public record PublishedStandard(String designation, int projectNumber, int edition, String committeeId, String title,
                                String proposalId, Instant publishedAt) {
}
