package org.accord.systemtests.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.systemtests.api.AccordApi;
import org.accord.systemtests.api.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The links Accord gives a client, gathered from what it answers (Atom {@code href}s, JSON Feed
 * URLs, {@code links} of JSON views) and followed anonymously through the gateway: every one must
 * name the gateway and answer without a 404.
 */
public final class Links {

    private static final Pattern HREF = Pattern.compile("<link[^>]*href=\"([^\"]+)\"");
    private static final Set<String> URL_MEMBERS = Set.of("feed_url", "home_page_url", "next_url", "url", "markdown_url");

    private Links() {
    }

    /** Every {@code href} of an Atom document's links (feed and entries). */
    public static List<String> ofAtom(String xml) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(xml);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** Every JSON Feed URL member and every value of a {@code links} object, anywhere in the document. */
    public static List<String> ofJson(JsonNode node) {
        List<String> links = new ArrayList<>();
        collect(node, links);
        return links;
    }

    private static void collect(JsonNode node, List<String> links) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, links));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (member.getKey().equals("links") && member.getValue().isObject()) {
                    member.getValue().forEach(link -> links.add(link.asString()));
                } else if (URL_MEMBERS.contains(member.getKey()) && member.getValue().isString()) {
                    links.add(member.getValue().asString());
                } else {
                    collect(member.getValue(), links);
                }
            }
        }
    }

    /**
     * Follows each link through the gateway (the SSE stream is only opened: its first line is
     * enough) and answers the links that did not work, with what they answered.
     */
    public static List<String> broken(AccordApi api, Iterable<String> links) {
        List<String> broken = new ArrayList<>();
        for (String link : new LinkedHashSet<>(toList(links))) {
            if (!link.startsWith(api.base() + "/")) {
                broken.add(link + " does not name the gateway " + api.base());
                continue;
            }
            String path = link.substring(api.base().length());
            String accept = path.contains("/feeds/atom") ? "application/atom+xml"
                    : path.contains("/feeds/json") ? "application/feed+json"
                    : path.contains("text.md") ? "text/markdown"
                    : path.contains("text.html") || path.contains("/observer/") ? "text/html" : "application/json";
            Reply reply = api.getAnonymous(path, accept);
            if (reply.status() != 200) {
                broken.add(link + " answered " + reply.status());
            }
        }
        return broken;
    }

    private static List<String> toList(Iterable<String> links) {
        List<String> list = new ArrayList<>();
        links.forEach(list::add);
        return list;
    }
}
