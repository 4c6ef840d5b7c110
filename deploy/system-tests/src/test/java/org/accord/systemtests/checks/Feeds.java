package org.accord.systemtests.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.systemtests.api.AccordApi;
import tools.jackson.databind.JsonNode;

/** Every entry of the Atom feed and of the JSON Feed, all pages, read anonymously through the gateway. */
public final class Feeds {

    private static final Pattern ENTRY_ID = Pattern.compile("<entry>.*?<id>([^<]+)</id>", Pattern.DOTALL);
    private static final Pattern NEXT = Pattern.compile("<link[^>]*rel=\"next\"");

    private Feeds() {
    }

    /** The ids of the Atom feed's entries, page after page. */
    public static List<String> atomEntryIds(AccordApi api) {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page < 100; page++) {
            String xml = api.getAnonymous("/feeds/atom?page=" + page, "application/atom+xml").requireStatus(200).text();
            Matcher m = ENTRY_ID.matcher(xml);
            while (m.find()) {
                ids.add(m.group(1).strip());
            }
            if (!NEXT.matcher(xml).find()) {
                return ids;
            }
        }
        throw new AssertionError("The Atom feed has more than 100 pages");
    }

    /** The JSON Feed's items, page after page. */
    public static List<JsonNode> jsonFeedItems(AccordApi api) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; page < 100; page++) {
            JsonNode feed = api.getAnonymous("/feeds/json?page=" + page, "application/feed+json").requireStatus(200).json();
            feed.path("items").forEach(items::add);
            if (!feed.has("next_url")) {
                return items;
            }
        }
        throw new AssertionError("The JSON Feed has more than 100 pages");
    }
}
