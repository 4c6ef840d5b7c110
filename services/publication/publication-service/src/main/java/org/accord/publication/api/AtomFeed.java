package org.accord.publication.api;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.accord.publication.application.FeedPages;
import org.accord.publication.domain.Publication;
import org.accord.publication.domain.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * Writes a page of the feed as an Atom Feed Document (RFC 4287), paged as RFC 5005 describes
 * (links {@code first}, {@code previous} (and {@code prev}), {@code next}, {@code last}; page 1 holds the newest
 * entries). Entry ids are stable URNs; an entry's {@code updated} moves when its document is
 * replaced by a new edition or withdrawn.
 */
@Component
class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    String write(FeedPages.Page page, String base, String committee) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
            element(xml, "id", "urn:accord:feed:standards" + (committee == null ? "" : ":committee:" + encode(committee)));
            element(xml, "title", committee == null ? "Accord: published standards" : "Accord: standards of " + committee);
            element(xml, "subtitle", "Standards published by Accord: new editions, amendments, corrigenda and withdrawals");
            element(xml, "updated", time(page.figures().lastChangedAt() == null ? Instant.EPOCH : page.figures().lastChangedAt()));
            xml.writeStartElement("author");
            element(xml, "name", "Accord");
            xml.writeEndElement();
            xml.writeStartElement("generator");
            xml.writeAttribute("version", "1");
            xml.writeCharacters("Accord publication service");
            xml.writeEndElement();
            link(xml, "self", MEDIA_TYPE, pageUrl(base, committee, page.page()));
            link(xml, "alternate", "text/html", base + "/observer/");
            link(xml, "first", MEDIA_TYPE, pageUrl(base, committee, 1));
            if (page.page() > 1) {
                // RFC 5005 names it "previous"; "prev" is its registered synonym that many clients look for.
                link(xml, "previous", MEDIA_TYPE, pageUrl(base, committee, page.page() - 1));
                link(xml, "prev", MEDIA_TYPE, pageUrl(base, committee, page.page() - 1));
            }
            if (page.hasNext()) {
                link(xml, "next", MEDIA_TYPE, pageUrl(base, committee, page.page() + 1));
            }
            link(xml, "last", MEDIA_TYPE, pageUrl(base, committee, page.lastPage()));
            for (FeedPages.Entry entry : page.entries()) {
                entry(xml, entry, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private void entry(XMLStreamWriter xml, FeedPages.Entry entry, String base) throws XMLStreamException {
        Publication p = entry.publication();
        xml.writeStartElement("entry");
        element(xml, "id", Links.entryId(p));
        element(xml, "title", p.designation() + " — " + p.title());
        element(xml, "updated", time(p.updatedAt()));
        element(xml, "published", time(p.publishedAt()));
        xml.writeStartElement("author");
        element(xml, "name", p.committeeId());
        xml.writeEndElement();
        category(xml, p.committeeId(), "urn:accord:committee");
        category(xml, p.kind().name(), "urn:accord:kind");
        category(xml, p.status().name(), "urn:accord:status");
        link(xml, "alternate", "text/html", base + Links.text(entry.standard(), p, "text.html"));
        link(xml, "alternate", "text/markdown", base + Links.text(entry.standard(), p, "text.md"));
        link(xml, "related", "application/json", base + Links.standard(entry.standard(), p));
        element(xml, "summary", summary(p));
        xml.writeEndElement();
    }

    static String summary(Publication p) {
        String what = switch (p.kind()) {
            case NEW -> "First edition";
            case REVISION -> "Edition " + p.edition() + ", which cancels and replaces " + p.replaces() + ",";
            case AMENDMENT -> "Amendment " + p.supplementNumber() + " to " + p.basedOn() + ",";
            case CORRIGENDUM -> "Technical corrigendum " + p.supplementNumber() + " to " + p.basedOn() + ",";
        };
        StringBuilder text = new StringBuilder(what).append(" published ").append(date(p.publishedAt()))
                .append(" by ").append(p.committeeId()).append(". SHA-256 of the text: ").append(p.textSha256()).append('.');
        if (p.status() == PublicationStatus.REPLACED) {
            text.append(" Cancelled and replaced by ").append(p.replacedBy()).append(" on ").append(date(p.updatedAt())).append('.');
        } else if (p.status() == PublicationStatus.WITHDRAWN) {
            text.append(" Withdrawn on ").append(date(p.withdrawnAt()));
            if (p.withdrawalReason() != null) {
                text.append(": ").append(p.withdrawalReason());
            }
            text.append('.');
        }
        return text.toString();
    }

    static String pageUrl(String base, String committee, int page) {
        return base + "/feeds/atom?page=" + page + (committee == null ? "" : "&committee=" + encode(committee));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static void category(XMLStreamWriter xml, String term, String scheme) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", scheme);
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
