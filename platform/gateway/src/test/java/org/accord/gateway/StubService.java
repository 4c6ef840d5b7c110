package org.accord.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for one Accord service on a real port: it records what the gateway forwarded and
 * answers with its own name. {@code /feeds/sse} streams two events; the second waits until the
 * test releases it, so the first can only reach the client if the gateway does not buffer.
 */
final class StubService implements AutoCloseable {

    static final Duration SSE_FIRST_EVENT_DELAY = Duration.ofMillis(1500);

    record Received(String method, String uri, Map<String, List<String>> headers, int bodyLength) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
        }
    }

    private final String name;
    private final DisposableServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger healthChecks = new AtomicInteger();
    private volatile boolean killed;
    private volatile CompletableFuture<Void> secondEvent = new CompletableFuture<>();

    StubService(String name) {
        this.name = name;
        // The request line and header limits of every service (platform/web), not Netty's smaller defaults.
        this.server = HttpServer.create().host("localhost").port(0)
                .httpRequestDecoder(decoder -> decoder.maxInitialLineLength(8 * 1024).maxHeaderSize(16 * 1024))
                .handle(this::handle).bindNow();
    }

    String uri() {
        return "http://localhost:" + server.port();
    }

    /** The next request this service received, or null if none came within the timeout. */
    Received nextRequest() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    /** Whether any request for this path arrived (waits briefly, for requests still in flight). */
    boolean receivedAny(String path) throws InterruptedException {
        Thread.sleep(300);
        return received.stream().anyMatch(r -> r.uri().startsWith(path));
    }

    /** How many health checks the gateway's load balancer made here. */
    int healthChecks() {
        return healthChecks.get();
    }

    void forget() {
        received.clear();
    }

    CompletableFuture<Void> armSecondEvent() {
        secondEvent = new CompletableFuture<>();
        return secondEvent;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        if (killed) {
            // What a killed process does to a connection the gateway kept open: it is gone.
            return response.withConnection(connection -> connection.channel().close()).then();
        }
        if (request.fullPath().startsWith("/actuator/health")) {
            // The gateway's load balancer asks this every 2 s; not a request a test sent.
            healthChecks.incrementAndGet();
            return answer(response, 200, "application/json", "{\"status\":\"UP\"}");
        }
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                .onErrorResume(e -> Mono.empty())
                .flatMap(body -> {
                    received.add(new Received(request.method().name(), request.uri(), headersOf(request), body.length));
                    String path = request.fullPath();
                    if (path.equals("/feeds/sse")) {
                        return events(response);
                    }
                    if (path.endsWith("/slow")) {
                        return Mono.delay(Duration.ofSeconds(3)).then(answer(response, 200, "application/json", echo(request)));
                    }
                    if (path.equals("/v3/api-docs")) {
                        return answer(response, 200, "application/json", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name
                                + "\",\"version\":\"1\"},\"servers\":[{\"url\":\"" + uri() + "\"}],\"paths\":{},"
                                + "\"components\":{\"securitySchemes\":{\"accord-oauth2\":{\"type\":\"oauth2\",\"flows\":"
                                + "{\"clientCredentials\":{\"tokenUrl\":\"http://localhost:8080/oauth2/token\",\"scopes\":{}}}}}}}");
                    }
                    if (path.endsWith("/invalid")) {
                        return answer(response, 422, "application/problem+json",
                                "{\"title\":\"Unprocessable\",\"status\":422,\"errors\":[{\"field\":\"title\"}]}");
                    }
                    return answer(response, 200, "application/json", echo(request));
                });
    }

    private Mono<Void> events(HttpServerResponse response) {
        CompletableFuture<Void> release = secondEvent;
        // Headers leave with the first event, later than the gateway's response timeout.
        Flux<ByteBuf> events = Flux.concat(
                Mono.delay(SSE_FIRST_EVENT_DELAY).map(tick -> buffer("id: 1\nevent: standard\ndata: first\n\n")),
                Mono.fromFuture(release).then(Mono.fromCallable(() -> buffer("id: 2\nevent: standard\ndata: second\n\n"))));
        return response.status(200).header("Content-Type", "text/event-stream").send(events, each -> true).then();
    }

    private String echo(HttpServerRequest request) {
        return "{\"service\":\"" + name + "\",\"uri\":\"" + request.uri() + "\"}";
    }

    private static Mono<Void> answer(HttpServerResponse response, int status, String contentType, String body) {
        return response.status(status).header("Content-Type", contentType).sendString(Mono.just(body)).then();
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> headersOf(HttpServerRequest request) {
        return request.requestHeaders().names().stream().collect(Collectors.toMap(
                String::toLowerCase, n -> request.requestHeaders().getAll(n), (a, b) -> a));
    }

    /**
     * Like {@code kill -9} of the service: the port stops listening and every connection still
     * open is closed without an answer.
     */
    void kill() {
        killed = true;
        server.disposeNow();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
