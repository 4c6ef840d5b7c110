package org.accord.publication.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.publication.application.FeedPages;
import org.accord.publication.domain.Publication;
import org.springframework.stereotype.Component;

/**
 * Writes a page of the feed as JSON Feed 1.1: the same entries and ids as the Atom feed, with
 * {@code next_url} for the older page, and the standard's facts under the {@code _accord} extension.
 */
@Component
class JsonFeed {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    static final String MEDIA_TYPE = "application/feed+json";

    Map<String, Object> write(FeedPages.Page page, String base, String committee) {
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", committee == null ? "Accord: published standards" : "Accord: standards of " + committee);
        feed.put("home_page_url", base + "/observer/");
        feed.put("feed_url", url(base, committee, page.page()));
        if (page.hasNext()) {
            feed.put("next_url", url(base, committee, page.page() + 1));
        }
        feed.put("description", "Standards published by Accord: new editions, amendments, corrigenda and withdrawals");
        feed.put("authors", List.of(Map.of("name", "Accord")));
        feed.put("language", "en");
        feed.put("items", page.entries().stream().map(e -> item(e, base)).toList());
        return feed;
    }

    private static Map<String, Object> item(FeedPages.Entry entry, String base) {
        Publication p = entry.publication();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", Links.entryId(p));
        item.put("url", base + Links.text(entry.standard(), p, "text.html"));
        item.put("title", p.designation() + " — " + p.title());
        item.put("content_text", AtomFeed.summary(p));
        item.put("date_published", AtomFeed.time(p.publishedAt()));
        item.put("date_modified", AtomFeed.time(p.updatedAt()));
        item.put("authors", List.of(Map.of("name", p.committeeId())));
        item.put("tags", List.of(p.committeeId(), p.kind().name(), p.status().name()));
        Map<String, Object> accord = new LinkedHashMap<>();
        accord.put("designation", p.designation());
        accord.put("project_number", entry.standard().number());
        accord.put("edition", p.edition());
        accord.put("kind", p.kind().name());
        accord.put("status", p.status().name());
        accord.put("committee", p.committeeId());
        accord.put("text_sha256", p.textSha256());
        if (p.previousEditionSha256() != null) {
            accord.put("previous_edition_sha256", p.previousEditionSha256());
        }
        if (!p.isEdition()) {
            accord.put("amends", p.basedOn());
        }
        if (p.replaces() != null) {
            accord.put("replaces", p.replaces());
        }
        accord.put("markdown_url", base + Links.text(entry.standard(), p, "text.md"));
        item.put("_accord", accord);
        return item;
    }

    private static String url(String base, String committee, int page) {
        return base + "/feeds/json?page=" + page + (committee == null ? "" : "&committee=" + AtomFeed.encode(committee));
    }
}
