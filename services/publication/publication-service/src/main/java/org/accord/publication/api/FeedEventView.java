package org.accord.publication.api;

import java.time.Instant;
import java.util.Map;

import org.accord.publication.domain.FeedEvent;
import org.accord.publication.domain.Publication;

/** The data of one SSE event: what was published or withdrawn, and where to read it. */
public record FeedEventView(long id, String event, String designation, String slug, int projectNumber, int edition,
                            String kind, String title, String committeeId, String status, Instant publishedAt,
                            String textSha256, String previousEditionSha256, String replaces, Instant withdrawnAt,
                            String withdrawalReason, String entryId, Map<String, String> links, String amends) {

    static FeedEventView of(FeedEvent event, String base) {
        Publication p = event.publication();
        String slug = p.parsedDesignation().slug();
        return new FeedEventView(event.sequence(), event.type().eventName(), p.designation(), slug, event.projectNumber(),
                p.edition(), p.kind().name(), p.title(), event.committeeId(), p.status().name(), p.publishedAt(), p.textSha256(),
                p.previousEditionSha256(), p.replaces(), event.type() == FeedEvent.Type.WITHDRAWN ? p.withdrawnAt() : null,
                event.type() == FeedEvent.Type.WITHDRAWN ? p.withdrawalReason() : null, Links.entryId(p),
                Map.of("self", base + "/standards/" + slug + "?edition=" + p.edition(),
                        "html", base + "/standards/" + slug + "/text.html?edition=" + p.edition()), p.isEdition() ? null : p.basedOn());
    }
}
