package org.accord.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's HTTP client (reactor-netty, pooled keep-alive connections). Every response
 * carries the nanosecond clock readings of when it was sent and when it was completely
 * received, so latencies are measured by the client, as a user sees them.
 */
public final class Http implements AutoCloseable {

    static final Duration BLOCK = Duration.ofSeconds(120);
    private static final byte[] EMPTY = new byte[0];

    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;

    public Http(String name, int maxConnections, int eventLoopThreads) {
        this.pool = ConnectionProvider.builder(name).maxConnections(maxConnections).pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(120)).maxIdleTime(Duration.ofSeconds(20)).build();
        this.loops = LoopResources.create(name, eventLoopThreads, true);
        this.client = HttpClient.create(pool).runOn(loops).responseTimeout(Duration.ofSeconds(90)).keepAlive(true);
    }

    /** A response, read whole. */
    public record Response(String method, String url, int status, HttpHeaders headers, byte[] body, long sentNanos,
                           long receivedNanos) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return Json.read(body);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public long latencyNanos() {
            return receivedNanos - sentNanos;
        }

        /** Fails with the request and the start of the answer when the status is not 2xx. */
        public Response requireOk() {
            if (!ok()) {
                throw new IllegalStateException(method + " " + url + " answered " + status + ": " + abbreviated(text(), 600));
            }
            return this;
        }
    }

    /** A request prepared once and sent many times (load generation). */
    public record Request(HttpMethod method, String url, Map<String, String> headers, byte[] body) {
    }

    public Mono<Response> exchange(Request request) {
        return exchange(request.method(), request.url(), request.headers(), request.body());
    }

    public Mono<Response> exchange(HttpMethod method, String url, Map<String, String> headers, byte[] body) {
        return Mono.defer(() -> {
            long sent = System.nanoTime();
            HttpClient configured = client.headers(h -> {
                headers.forEach(h::set);
                if (body != null) {
                    h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                }
            });
            HttpClient.RequestSender request = configured.request(method).uri(url);
            HttpClient.ResponseReceiver<?> receiver = body == null ? request
                    : request.send((req, out) -> out.sendByteArray(Mono.just(body)));
            return receiver.responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(EMPTY)
                    .map(bytes -> new Response(method.name(), url, response.status().code(), response.responseHeaders(), bytes,
                            sent, System.nanoTime())));
        });
    }

    public Response send(HttpMethod method, String url, Map<String, String> headers, byte[] body) {
        return exchange(method, url, headers, body).block(BLOCK);
    }

    public Response get(String url, Map<String, String> headers) {
        return send(HttpMethod.GET, url, headers, null);
    }

    /** The underlying client, for streams (SSE) that are read as they arrive. */
    public HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }

    static String abbreviated(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + " ...";
    }
}
