package org.accord.benchmark;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;

/**
 * One observer following {@code /feeds/sse}: it parses the event stream as it arrives and notes
 * when each standard (by project number) was announced. Small on purpose: the fan-out runs ten
 * thousand of them in one client on one event loop.
 */
public final class FeedSubscriber {

    private static final Pattern PROJECT = Pattern.compile("\"projectNumber\"\\s*:\\s*(\\d+)");

    private final StringBuilder pending = new StringBuilder();
    private final CompletableFuture<Long> connected = new CompletableFuture<>();
    private final Map<Integer, Long> published = new ConcurrentHashMap<>();
    private volatile Watch watch;
    private Disposable subscription;

    /** Waiting for one project's announcement. */
    private record Watch(int projectNumber, CompletableFuture<Long> arrived) {
    }

    /** Opens the stream; {@link #connected()} completes when the server's first bytes (its hello comment) arrive. */
    public FeedSubscriber open(HttpClient client, String url) {
        subscription = client.headers(h -> h.set("Accept", "text/event-stream"))
                .get().uri(url)
                .response((response, content) -> {
                    if (response.status().code() != 200) {
                        connected.completeExceptionally(new IllegalStateException("SSE answered " + response.status().code()));
                    }
                    return content.asString();
                })
                .subscribe(chunk -> accept(chunk, System.nanoTime()),
                        error -> {
                            connected.completeExceptionally(error);
                            Watch w = watch;
                            if (w != null) {
                                w.arrived().completeExceptionally(error);
                            }
                        });
        return this;
    }

    public CompletableFuture<Long> connected() {
        return connected;
    }

    /** Completes with the arrival time (System.nanoTime) of the project's standard-published event. */
    public CompletableFuture<Long> await(int projectNumber) {
        CompletableFuture<Long> arrived = new CompletableFuture<>();
        watch = new Watch(projectNumber, arrived);
        Long already = published.get(projectNumber);
        if (already != null) {
            arrived.complete(already);
        }
        return arrived;
    }

    void accept(String chunk, long nanos) {
        connected.complete(nanos);
        synchronized (pending) {
            pending.append(chunk);
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
                String event = pending.substring(0, end);
                pending.delete(0, end + 2);
                handle(event, nanos);
            }
        }
    }

    private void handle(String event, long nanos) {
        if (!event.contains("standard-published")) {
            return;
        }
        Matcher m = PROJECT.matcher(event);
        if (!m.find()) {
            return;
        }
        int project = Integer.parseInt(m.group(1));
        published.putIfAbsent(project, nanos);
        Watch w = watch;
        if (w != null && w.projectNumber() == project) {
            w.arrived().complete(nanos);
        }
    }

    public void close() {
        if (subscription != null) {
            subscription.dispose();
        }
    }

    /** The future's value, or an IllegalStateException saying what did not arrive in time. */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(what + " did not arrive within " + timeout.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
