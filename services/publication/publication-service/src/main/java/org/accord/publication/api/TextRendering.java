package org.accord.publication.api;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.accord.publication.domain.Publication;
import org.accord.publication.domain.StandardText;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders a published Markdown text as an HTML page with CommonMark. Raw HTML in the text is
 * escaped and unsafe link schemes are dropped, since the page is shown to anyone; each heading
 * gets the id {@code clause-<number>} so clauses can be linked to.
 */
@Component
class TextRendering {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Heading heading) {
                    attributes.put("id", anchor(literal(heading)));
                }
            })
            .build();

    String html(Publication publication, String markdown) {
        String body = renderer.render(parser.parse(StandardText.withoutFrontMatter(markdown)));
        String title = escape(publication.designation() + " — " + publication.title());
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <meta name="accord-designation" content="%s">
                <meta name="accord-text-sha256" content="%s">
                <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.55}\
                header p{color:#555;margin:.2rem 0}pre{overflow:auto;background:#f5f5f5;padding:.5rem}</style>
                </head>
                <body>
                <header>
                <p class="designation">%s</p>
                <h1 class="title">%s</h1>
                <p class="edition">Edition %d · %s · published %s · SHA-256 <code>%s</code></p>
                </header>
                <article class="standard-text">
                %s</article>
                </body>
                </html>
                """.formatted(title, escape(publication.designation()), publication.textSha256(),
                escape(publication.designation()), escape(publication.title()), publication.edition(),
                escape(publication.committeeId()), DateTimeFormatter.ISO_LOCAL_DATE.format(publication.publishedAt().atOffset(ZoneOffset.UTC)),
                publication.textSha256(), body);
    }

    static String anchor(String heading) {
        return "clause-" + StandardText.clauseNumber(heading).replaceAll("[^A-Za-z0-9.]+", "-");
    }

    private static String literal(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else {
                text.append(literal(child));
            }
        }
        return text.toString();
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
