package org.accord.publication.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.accord.problem.InvalidInputException;
import org.accord.publication.application.FeedPages;
import org.accord.publication.application.LiveFeed;
import org.accord.publication.config.FeedProperties;
import org.accord.publication.domain.TextHash;
import org.accord.publication.persistence.StandardQueries.FeedFigures;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The feeds observers follow: Atom (RFC 4287, paged per RFC 5005) and JSON Feed 1.1, both
 * answering 304 to a validator that still matches, and a Server-Sent-Events stream that resumes
 * from {@code Last-Event-ID}. All may be filtered by {@code committee}.
 */
@RestController
@RequestMapping("/feeds")
public class FeedsController {

    private final FeedPages pages;
    private final LiveFeed liveFeed;
    private final AtomFeed atom;
    private final JsonFeed json;
    /** One ticker for every SSE client: a client's heartbeat is a subscription, not a timer of its own. */
    private final Flux<ServerSentEvent<Object>> heartbeats;

    public FeedsController(FeedPages pages, LiveFeed liveFeed, AtomFeed atom, JsonFeed json, FeedProperties properties) {
        this.pages = pages;
        this.liveFeed = liveFeed;
        this.atom = atom;
        this.json = json;
        this.heartbeats = Flux.interval(properties.heartbeat(), properties.heartbeat())
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build())
                .share();
    }

    @Operation(summary = "Read the Atom feed of publications and withdrawals (RFC 4287, paged per RFC 5005)")
    @GetMapping(value = "/atom", produces = AtomFeed.MEDIA_TYPE)
    public Mono<ResponseEntity<String>> atom(@RequestParam(defaultValue = "1") int page,
                                             @RequestParam(required = false) String committee, ServerHttpRequest request) {
        String base = Links.base(request);
        return validated("atom", page, committee, base, request, MediaType.parseMediaType(AtomFeed.MEDIA_TYPE + ";charset=UTF-8"),
                figures -> pages.page(committee, page, figures).map(p -> atom.write(p, base, committee)));
    }

    @Operation(summary = "Read the JSON Feed 1.1 of publications and withdrawals")
    @GetMapping(value = "/json", produces = JsonFeed.MEDIA_TYPE)
    public Mono<ResponseEntity<Map<String, Object>>> json(@RequestParam(defaultValue = "1") int page,
                                                          @RequestParam(required = false) String committee,
                                                          ServerHttpRequest request) {
        String base = Links.base(request);
        return validated("json", page, committee, base, request, MediaType.parseMediaType(JsonFeed.MEDIA_TYPE),
                figures -> pages.page(committee, page, figures).map(p -> json.write(p, base, committee)));
    }

    /**
     * Each event has the id of its feed sequence and is named {@code standard-published} or
     * {@code standard-withdrawn}; a client that reconnects with {@code Last-Event-ID} gets exactly
     * the events after that id, then live ones. Comment lines keep an idle stream open.
     */
    @Operation(summary = "Follow publications and withdrawals live (Server-Sent Events, resumes from Last-Event-ID)")
    @GetMapping(value = "/sse", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> sse(@RequestParam(required = false) String committee,
                                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                             ServerHttpRequest request) {
        Long after = lastEventId(lastEventId);
        String base = Links.base(request);
        Flux<ServerSentEvent<Object>> events = liveFeed.events(committee, after)
                .map(e -> ServerSentEvent.<Object>builder(FeedEventView.of(e, base))
                        .id(Long.toString(e.sequence()))
                        .event(e.type().eventName())
                        .build());
        ServerSentEvent<Object> hello = ServerSentEvent.builder().comment("Accord publication feed")
                .retry(Duration.ofSeconds(3)).build();
        // The heartbeats end with the events (on shutdown, or when a too-slow client is cut off).
        Sinks.Empty<Void> ended = Sinks.empty();
        return Flux.concat(Mono.just(hello), Flux.merge(events.doFinally(signal -> ended.tryEmitEmpty()),
                heartbeats.takeUntilOther(ended.asMono().then(Mono.just(true)))));
    }

    private <T> Mono<ResponseEntity<T>> validated(String format, int page, String committee, String base, ServerHttpRequest request,
                                                  MediaType type, java.util.function.Function<FeedFigures, Mono<T>> body) {
        return pages.figures(committee).flatMap(figures -> {
            pages.checkPage(page, figures);
            String etag = "\"" + TextHash.sha256(String.join("|", format, base, String.valueOf(committee), String.valueOf(page),
                    String.valueOf(figures.publications()), String.valueOf(figures.maxSequence()),
                    String.valueOf(pages.lastPage(figures)))).substring(0, 32) + "\"";
            Instant lastModified = figures.lastChangedAt() == null ? null : figures.lastChangedAt().truncatedTo(ChronoUnit.SECONDS);
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache());
            if (lastModified != null) {
                ok.lastModified(lastModified);
            }
            if (notModified(request.getHeaders(), etag, lastModified)) {
                ResponseEntity.BodyBuilder unchanged = ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                        .cacheControl(CacheControl.noCache());
                if (lastModified != null) {
                    unchanged.lastModified(lastModified);
                }
                return Mono.just(unchanged.<T>build());
            }
            return body.apply(figures).map(b -> ok.contentType(type).body(b));
        });
    }

    /** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since. */
    static boolean notModified(HttpHeaders headers, String etag, Instant lastModified) {
        List<String> noneMatch = headers.getIfNoneMatch();
        if (!noneMatch.isEmpty()) {
            String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
            return noneMatch.stream().map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(t -> t.equals("*") || t.equals(strong));
        }
        long since = headers.getIfModifiedSince();
        return since >= 0 && lastModified != null && !lastModified.isAfter(Instant.ofEpochMilli(since));
    }

    private static Long lastEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Last-Event-ID", "is the id of an event this feed sent (a whole number), not '"
                    + value + "'");
        }
    }
}
