package org.accord.testing.malformed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Sends one planned request, with a token of a role that may call its operation, and records what came back. */
final class Sender {

    private final String baseUrl;
    private final long seed;
    private final ValidValues valid;
    private final Function<Operation, String> token;

    Sender(String baseUrl, long seed, ValidValues valid, Function<Operation, String> token) {
        this.baseUrl = baseUrl;
        this.seed = seed;
        this.valid = valid;
        this.token = token;
    }

    Sent send(HttpClient client, Plan.Planned planned) {
        Operation operation = planned.operation();
        Draft draft = Plan.draft(valid, planned, seed);
        String uri = draft.uri(operation);
        String bearer = token.apply(operation);
        int length = draft.body == null ? 0 : draft.body.length;
        String preview = draft.body == null ? "" : Junk.abbreviate(new String(draft.body, 0, Math.min(length, 300),
                StandardCharsets.UTF_8), 160);
        Function<Integer, Function<String, Sent>> answered = status -> answer -> new Sent(planned.index(), planned.kind(),
                draft.what, draft.expected, operation.method(), uri, draft.contentType, length, preview, status, answer);
        if (!draft.pathRaw.isEmpty()) {
            // java.net.URI refuses what a raw client may send (malformed escapes): write the request by hand.
            try {
                RawResponse response = RawHttp.send(baseUrl, operation.method(), uri, bearer, draft.contentType, draft.headers,
                        draft.body);
                return answered.apply(response.status()).apply(response.contentType() + " " + response.body());
            } catch (IOException e) {
                return answered.apply(-1).apply(e.toString());
            }
        }
        byte[] body = draft.body;
        try {
            Sent sent = client
                    .headers(headers -> {
                        if (bearer != null) {
                            headers.set("Authorization", "Bearer " + bearer);
                        }
                        draft.headers.forEach(headers::set);
                        if (draft.contentType != null) {
                            headers.set("Content-Type", draft.contentType);
                        }
                        if (body != null || !operation.safe()) {
                            headers.set("Content-Length", body == null ? 0 : body.length);
                        }
                    })
                    .request(io.netty.handler.codec.http.HttpMethod.valueOf(operation.method()))
                    .uri(baseUrl + uri)
                    .send(body == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                    // Successful answers may be endless (event streams): only refusals are read.
                    .response((response, content) -> {
                        int status = response.status().code();
                        String type = response.responseHeaders().get("Content-Type");
                        String prefix = (type == null ? "" : type) + " ";
                        return status < 300 ? Mono.just(answered.apply(status).apply(prefix))
                                : content.aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                                        .map(text -> answered.apply(status).apply(prefix + text));
                    })
                    .next()
                    .block(Duration.ofSeconds(60));
            return sent != null ? sent : answered.apply(-1).apply("no answer");
        } catch (RuntimeException e) {
            return answered.apply(-1).apply(e.toString());
        }
    }
}
