package org.accord.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.events.AccordJson;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/** A Server-Sent-Events client on a real connection: what arrives is queued for the test to take. */
public final class SseClient implements AutoCloseable {

    private final BlockingQueue<ServerSentEvent<String>> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Disposable subscription;

    private SseClient(int port, String committee, String lastEventId) {
        subscription = WebClient.create("http://localhost:" + port).get()
                .uri(b -> b.path("/feeds/sse").queryParamIfPresent("committee", java.util.Optional.ofNullable(committee)).build())
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .subscribe(e -> {
                    if (e.data() == null) {
                        comments.incrementAndGet();
                    } else {
                        events.add(e);
                    }
                });
    }

    /** Connects and waits for the stream's opening comment, so the subscription is in place. */
    public static SseClient connect(int port, String committee, String lastEventId) {
        SseClient client = new SseClient(port, committee, lastEventId);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.comments.get() == 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (client.comments.get() == 0) {
            client.close();
            throw new AssertionError("The SSE stream did not open within 20 s");
        }
        return client;
    }

    public ServerSentEvent<String> next(Duration timeout) {
        try {
            ServerSentEvent<String> event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No SSE event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Everything that arrives within the period (to show that nothing more comes). */
    public List<ServerSentEvent<String>> drain(Duration period) {
        sleep(period.toMillis());
        List<ServerSentEvent<String>> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    public int comments() {
        return comments.get();
    }

    public static JsonNode data(ServerSentEvent<String> event) {
        return AccordJson.mapper().readTree(event.data());
    }

    @Override
    public void close() {
        subscription.dispose();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
