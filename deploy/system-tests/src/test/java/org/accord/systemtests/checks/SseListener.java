package org.accord.systemtests.checks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.accord.events.AccordJson;
import tools.jackson.databind.JsonNode;

/**
 * A client of the Server-Sent-Events stream {@code /feeds/sse} through the gateway: it collects
 * every event (id, name, JSON data) from the moment it subscribed.
 */
public final class SseListener implements AutoCloseable {

    public record Event(String id, String name, JsonNode data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseListener(HttpClient http, String url, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.build();
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String[] id = {null};
            String[] name = {null};
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            synchronized (events) {
                                events.add(new Event(id[0], name[0], AccordJson.mapper().readTree(data.toString())));
                                events.notifyAll();
                            }
                        }
                        id[0] = null;
                        name[0] = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id[0] = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                });
            } catch (RuntimeException closed) {
                // The stream ends when the listener is closed.
            }
        });
    }

    /** Subscribes and waits until the stream answered 200. */
    public static SseListener subscribe(HttpClient http, String url) {
        return subscribe(http, url, null);
    }

    /** Subscribes resuming after the event {@code lastEventId} ("0": everything from the start). */
    public static SseListener subscribe(HttpClient http, String url, String lastEventId) {
        SseListener listener = new SseListener(http, url, lastEventId);
        int status = listener.response.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join().statusCode();
        if (status != 200) {
            throw new AssertionError("GET " + url + " answered " + status);
        }
        return listener;
    }

    public Event await(Predicate<Event> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (events) {
            while (Instant.now().isBefore(deadline)) {
                for (Event event : events) {
                    if (wanted.test(event)) {
                        return event;
                    }
                }
                try {
                    events.wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("No such SSE event within " + timeout.toSeconds() + " s; received " + events);
        }
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        response.cancel(true);
    }
}
