package org.accord.systemtests.checks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads every {@code *.dlt} topic of the stack's broker from the beginning with a plain consumer. */
public final class DeadLetters {

    /** One dead-lettered record: where it landed, its key, its value and the reason the binder gave. */
    public record DeadLetter(String topic, String key, String value, String reason) {
    }

    private DeadLetters() {
    }

    public static List<DeadLetter> readAll(String bootstrapServers) {
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : BrokerRecords.readAll(bootstrapServers, t -> t.endsWith(".dlt"))) {
            letters.add(new DeadLetter(record.topic(), record.key(),
                    record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8), reason(record)));
        }
        return letters;
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder();
        record.headers().forEach(h -> {
            if (h.key().contains("exception-message") || h.key().contains("exception_message")) {
                all.append(new String(h.value(), StandardCharsets.UTF_8));
            }
        });
        return all.toString();
    }
}
