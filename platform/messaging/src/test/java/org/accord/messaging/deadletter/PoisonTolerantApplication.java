package org.accord.messaging.deadletter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.accord.events.EventType;
import org.accord.messaging.EventConsumers;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/** A minimal service with one consumer binding, for the dead-letter IT. */
@SpringBootApplication
public class PoisonTolerantApplication {

    public record ReviewNoted(String note) {
    }

    public static final String TOPIC = "accord.deadletter-it.v1";
    public static final EventType<ReviewNoted> NOTED = EventType.of("org.accord.review.noted.v1", TOPIC, ReviewNoted.class);

    @Bean
    List<String> handledNotes() {
        return new CopyOnWriteArrayList<>();
    }

    @Bean
    Consumer<Message<byte[]>> reviews(EventConsumers consumers, List<String> handledNotes) {
        return consumers.consumer("reviews")
                .on(NOTED, event -> {
                    if (event.payload().note().startsWith("poison")) {
                        return Mono.error(new IllegalStateException("cannot apply note " + event.payload().note()));
                    }
                    handledNotes.add(event.payload().note());
                    return Mono.empty();
                })
                .build();
    }
}
