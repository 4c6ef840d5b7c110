package org.accord.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import org.accord.events.CloudEvent;
import org.bson.Document;

/** The stored form of a pending event inside an aggregate's {@code outbox} array. */
final class OutboxDocuments {

    private OutboxDocuments() {
    }

    /** Field holding the aggregate version whose write appended the event. */
    static final String WRITE_VERSION = "v";

    static List<Document> toDocuments(List<OutgoingEvent> events, long writeVersion) {
        return events.stream().map(e -> toDocument(e, writeVersion)).toList();
    }

    static Document toDocument(OutgoingEvent outgoing, long writeVersion) {
        CloudEvent e = outgoing.event();
        Document doc = new Document("id", e.id())
                .append(WRITE_VERSION, writeVersion)
                .append("topic", outgoing.topic())
                .append("key", outgoing.key())
                .append("type", e.type())
                .append("source", e.source())
                .append("subject", e.subject())
                .append("time", Date.from(e.time()))
                .append("timeText", e.time().toString())
                .append("data", new String(e.data(), StandardCharsets.UTF_8));
        if (e.traceparent() != null) {
            doc.append("traceparent", e.traceparent());
        }
        return doc;
    }

    static OutgoingEvent fromDocument(Document doc) {
        // The ISO text keeps the instant's full precision; the Date is for humans and queries.
        java.time.Instant time = doc.getString("timeText") != null
                ? java.time.Instant.parse(doc.getString("timeText"))
                : doc.getDate("time").toInstant();
        CloudEvent event = new CloudEvent(doc.getString("id"), doc.getString("source"), doc.getString("type"),
                doc.getString("subject"), time, doc.getString("data").getBytes(StandardCharsets.UTF_8),
                doc.getString("traceparent"));
        return new OutgoingEvent(doc.getString("topic"), doc.getString("key"), event);
    }
}
