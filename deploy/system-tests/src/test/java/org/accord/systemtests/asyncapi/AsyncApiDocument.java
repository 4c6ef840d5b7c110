package org.accord.systemtests.asyncapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.accord.comments.events.CommentEvents;
import org.accord.events.AccordJson;
import org.accord.events.CloudEvent;
import org.accord.events.EventSchemas;
import org.accord.events.EventType;
import org.accord.events.KafkaCloudEvents;
import org.accord.events.Topics;
import org.accord.proposals.events.ProposalEvents;
import org.accord.publication.events.StandardEvents;
import org.accord.voting.events.BallotEvents;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The AsyncAPI 3.0 document of every Accord topic, derived from the four event catalogues and
 * the payload schemas the {@code *-events} modules publish: one channel per topic with a message
 * per event type (CloudEvents binary-mode headers, JSON payload, key), the producer's send
 * operation, each consumer group's receive operation, and the group's dead-letter channel.
 */
public final class AsyncApiDocument {

    /** Who consumes which topic (the bindings in each service's application.yml) and whether failures are dead-lettered. */
    record ConsumerGroup(String group, String topic, boolean deadLetters, String purpose) {
    }

    record Producer(String service, String source, List<EventType<?>> catalogue) {
    }

    static final List<Producer> PRODUCERS = List.of(
            new Producer("proposals", "/accord/proposals", ProposalEvents.ALL),
            new Producer("comments", "/accord/comments", CommentEvents.ALL),
            new Producer("voting", "/accord/voting", BallotEvents.ALL),
            new Producer("publication", "/accord/publication", StandardEvents.ALL));

    static final List<ConsumerGroup> CONSUMERS = List.of(
            new ConsumerGroup("comments", Topics.PROPOSALS, true,
                    "records draft clauses, opens comment periods on reviews and DIS/FDIS ballots, closes them on request"),
            new ConsumerGroup("comments", Topics.COMMITTEES, true, "keeps the committee rosters that decide who may comment"),
            new ConsumerGroup("comments", Topics.MEMBER_BODIES, true,
                    "keeps each member body's standing: suspended, resigned and subscriber bodies may not comment"),
            new ConsumerGroup("voting", Topics.PROPOSALS, true, "opens a ballot for each ballot request"),
            new ConsumerGroup("voting", Topics.MEMBER_BODIES, true,
                    "keeps each member body's standing: suspended, resigned, correspondent and subscriber bodies may not vote"),
            new ConsumerGroup("publication", Topics.PROPOSALS, true, "issues the standard of each publication approval"),
            new ConsumerGroup("proposals", Topics.COMMENTS, true, "moves a proposal on when its comment period closed"),
            new ConsumerGroup("proposals", Topics.BALLOTS, true, "moves a proposal on when its ballot closed"),
            new ConsumerGroup("proposals", Topics.STANDARDS, true, "moves a proposal to 60.60 when its standard is published"),
            new ConsumerGroup("publication-fan-out-<instance>", Topics.STANDARDS, false,
                    "one group per publication instance, from the latest offset: tells that instance's SSE clients of each publication"));

    private AsyncApiDocument() {
    }

    /** The document as YAML, always the same text for the same catalogues. */
    public static String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setPrettyFlow(true);
        return "# Generated from the event catalogues (ProposalEvents, CommentEvents, BallotEvents, StandardEvents)\n"
                + "# by deploy/system-tests AsyncApiDocument; AsyncApiDocumentTest fails when this file is stale.\n"
                + "# Regenerate: ./mvnw -B test -pl deploy/system-tests -Dtest=AsyncApiDocumentTest -Daccord.asyncapi.write=true\n"
                + new Yaml(options).dump(document());
    }

    static Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", map(
                "title", "Accord events",
                "version", "1.0.0",
                "description", "Every event Accord's services exchange over Kafka. Each topic is owned by the service that "
                        + "produces it and keyed so that one proposal's (or committee's) events stay in order. Events are "
                        + "CloudEvents 1.0 in Kafka binary mode: the context attributes travel as ce_* headers, the record "
                        + "value is the JSON payload described here. Consumers ignore event types and fields they do not know; "
                        + "a record a group cannot process after its retries goes to <topic>.<group>.dlt with the reason in "
                        + "x-exception-* headers."));
        doc.put("defaultContentType", CloudEvent.DATA_CONTENT_TYPE);
        doc.put("servers", map("local", map(
                "host", "localhost:9092",
                "protocol", "kafka",
                "description", "The local stack's broker (deploy/local); KAFKA_BOOTSTRAP_SERVERS elsewhere")));

        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();

        for (String topic : Topics.ALL) {
            List<EventType<?>> types = typesOn(topic);
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (EventType<?> type : types) {
                String id = messageId(type);
                channelMessages.put(id, ref("#/components/messages/" + id));
                messages.put(id, message(type));
                schemas.put(id, AccordJson.mapper().convertValue(EventSchemas.schemaOf(type), Map.class));
            }
            String channelId = channelId(topic);
            channels.put(channelId, map(
                    "address", topic,
                    "title", topic,
                    "description", topicDescription(topic),
                    "messages", channelMessages,
                    "bindings", map("kafka", map("bindingVersion", "0.5.0", "partitions", 3, "replicas", 1))));
            Producer producer = producerOf(topic);
            operations.put("send-" + channelId, map(
                    "action", "send",
                    "title", producer.service() + " publishes on " + topic,
                    "summary", "Published by the " + producer.service() + " service (ce_source " + producer.source()
                            + ") from its outbox, at least once",
                    "channel", ref("#/channels/" + channelId),
                    "messages", messageRefs(channelId, types)));
            for (ConsumerGroup consumer : CONSUMERS) {
                if (!consumer.topic().equals(topic)) {
                    continue;
                }
                String groupId = consumer.group().replace("-<instance>", "");
                operations.put("receive-" + channelId + "-" + groupId, map(
                        "action", "receive",
                        "title", "group " + consumer.group() + " reads " + topic,
                        "summary", consumer.purpose(),
                        "channel", ref("#/channels/" + channelId),
                        "messages", messageRefs(channelId, types),
                        "bindings", map("kafka", map("bindingVersion", "0.5.0",
                                "groupId", map("type", "string", "const", consumer.group()))))); 
                if (consumer.deadLetters()) {
                    String dlt = Topics.deadLetter(topic, consumer.group());
                    String dltId = channelId + "-" + groupId + "-dlt";
                    channels.put(dltId, map(
                            "address", dlt,
                            "title", dlt,
                            "description", "Records of " + topic + " that group " + consumer.group() + " could not process "
                                    + "after its retries (not retried at all when they are not readable CloudEvents): the "
                                    + "original key, headers and value, plus x-exception-message, x-exception-fqcn, "
                                    + "x-exception-stacktrace and x-original-* headers naming the reason and the origin.",
                            "messages", map("deadLetter", ref("#/components/messages/DeadLetter")),
                            "bindings", map("kafka", map("bindingVersion", "0.5.0", "partitions", 1, "replicas", 1))));
                    operations.put("send-" + dltId, map(
                            "action", "send",
                            "title", "group " + consumer.group() + " dead-letters " + topic,
                            "channel", ref("#/channels/" + dltId),
                            "messages", List.of(ref("#/channels/" + dltId + "/messages/deadLetter"))));
                }
            }
        }
        messages.put("DeadLetter", map(
                "name", "DeadLetter",
                "title", "A record a consumer group gave up on",
                "summary", "The original record as it was, whatever it holds, with the failure in headers",
                "contentType", "application/octet-stream",
                "headers", map("type", "object", "properties", map(
                        "x-exception-message", map("type", "string", "description", "why processing failed"),
                        "x-exception-fqcn", map("type", "string", "description", "the exception's class"),
                        "x-original-topic", map("type", "string"),
                        "x-original-partition", map("type", "integer"),
                        "x-original-offset", map("type", "integer")),
                        "required", List.of("x-exception-message")),
                "payload", map("description", "the original record value, unchanged")));
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", map("messages", messages, "schemas", schemas));
        return doc;
    }

    private static Map<String, Object> message(EventType<?> type) {
        String id = messageId(type);
        Producer producer = producerOf(type.topic());
        Map<String, Object> headers = map(
                "type", "object",
                "description", "CloudEvents 1.0 context attributes, Kafka binary content mode",
                "properties", map(
                        KafkaCloudEvents.ID, map("type", "string", "description", "unique per event; the same on redelivery"),
                        KafkaCloudEvents.SOURCE, map("type", "string", "const", producer.source()),
                        KafkaCloudEvents.TYPE, map("type", "string", "const", type.name()),
                        KafkaCloudEvents.SPEC_VERSION, map("type", "string", "const", CloudEvent.SPEC_VERSION),
                        KafkaCloudEvents.TIME, map("type", "string", "format", "date-time"),
                        KafkaCloudEvents.SUBJECT, map("type", "string", "description", "the record key: " + keyOf(type.topic())),
                        KafkaCloudEvents.CONTENT_TYPE, map("type", "string", "const", CloudEvent.DATA_CONTENT_TYPE),
                        KafkaCloudEvents.TRACEPARENT, map("type", "string", "description",
                                "W3C trace context of the request or event that caused this one")),
                "required", List.of(KafkaCloudEvents.ID, KafkaCloudEvents.SOURCE, KafkaCloudEvents.TYPE,
                        KafkaCloudEvents.SPEC_VERSION, KafkaCloudEvents.TIME, KafkaCloudEvents.CONTENT_TYPE));
        return map(
                "name", type.name(),
                "title", id,
                "summary", "ce_type " + type.name() + " on " + type.topic(),
                "contentType", CloudEvent.DATA_CONTENT_TYPE,
                "headers", headers,
                "payload", ref("#/components/schemas/" + id),
                "bindings", map("kafka", map("bindingVersion", "0.5.0",
                        "key", map("type", "string", "description", keyOf(type.topic())))));
    }

    private static List<Object> messageRefs(String channelId, List<EventType<?>> types) {
        List<Object> refs = new ArrayList<>();
        for (EventType<?> type : types) {
            refs.add(ref("#/channels/" + channelId + "/messages/" + messageId(type)));
        }
        return refs;
    }

    static List<EventType<?>> allTypes() {
        List<EventType<?>> all = new ArrayList<>();
        PRODUCERS.forEach(p -> all.addAll(p.catalogue()));
        return all;
    }

    private static List<EventType<?>> typesOn(String topic) {
        return allTypes().stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private static Producer producerOf(String topic) {
        return PRODUCERS.stream().filter(p -> p.catalogue().stream().anyMatch(t -> t.topic().equals(topic))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No catalogue has an event on " + topic));
    }

    /** The payload record's name: unique across the catalogues (checked), and what the services call the event. */
    static String messageId(EventType<?> type) {
        return type.payloadType().getSimpleName();
    }

    /** Component keys allow letters, digits, dots, dashes and underscores; a channel id is the topic's middle word. */
    static String channelId(String topic) {
        return topic.replace("accord.", "").replace(".", "-");
    }

    private static String keyOf(String topic) {
        return switch (topic) {
            case Topics.COMMITTEES -> "the committee id (ACC/TC 1)";
            case Topics.MEMBER_BODIES -> "the member body's ISO 3166-1 alpha-2 code (KE)";
            default -> "the proposal id";
        };
    }

    private static String topicDescription(String topic) {
        return switch (topic) {
            case Topics.PROPOSALS -> "Drafts, versions, comment-period and ballot requests, stage changes and publication "
                    + "approvals, from the proposals service.";
            case Topics.COMMITTEES -> "Committee membership snapshots (the whole membership with its version), from the "
                    + "proposals service.";
            case Topics.MEMBER_BODIES -> "The register of member bodies: admissions, category changes, suspensions, "
                    + "reinstatements and resignations (each with the body's revision), from the proposals service.";
            case Topics.COMMENTS -> "Comment periods opened and closed, comments submitted, amended, withdrawn and resolved, "
                    + "from the comments service.";
            case Topics.BALLOTS -> "Ballots opened, votes cast and ballots closed with their tally, from the voting service.";
            case Topics.STANDARDS -> "Standards published and withdrawn, from the publication service.";
            default -> topic;
        };
    }

    /** The consumer groups that dead-letter what they cannot process on this topic. */
    public static List<String> consumerGroupsWithDeadLetters(String topic) {
        return CONSUMERS.stream().filter(c -> c.topic().equals(topic) && c.deadLetters()).map(ConsumerGroup::group).toList();
    }

    /** Every message id once: two catalogues naming a payload record alike would make the document ambiguous. */
    static Set<String> duplicateMessageIds() {
        Set<String> seen = new TreeSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (EventType<?> type : allTypes()) {
            if (!seen.add(messageId(type))) {
                duplicates.add(messageId(type));
            }
        }
        return duplicates;
    }

    private static Map<String, Object> ref(String pointer) {
        return map("$ref", pointer);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
