package org.accord.publication.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accord.publication.domain.Publication;
import org.accord.publication.domain.Standard;

/**
 * A standard in the list: its current edition, and the amendments and corrigenda published to
 * that edition.
 */
public record StandardSummaryView(String designation, String slug, int projectNumber, int edition, String title,
                                  String committeeId, String status, Instant publishedAt, Instant lastChangedAt,
                                  List<String> supplements, int publications, Map<String, String> links) {

    static StandardSummaryView of(Standard standard, String base) {
        Publication current = standard.currentEdition().orElseThrow();
        List<String> supplements = standard.publications().stream()
                .filter(p -> !p.isEdition() && p.edition() == current.edition()).map(Publication::designation).toList();
        return new StandardSummaryView(current.designation(), current.parsedDesignation().slug(), standard.number(),
                current.edition(), current.title(), standard.committeeId(), current.status().name(), current.publishedAt(),
                standard.lastChangedAt(), supplements, standard.publicationCount(), Links.of(base, standard, current));
    }
}
