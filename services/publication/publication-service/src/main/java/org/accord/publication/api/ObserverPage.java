package org.accord.publication.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The observer page: static HTML and JavaScript under {@code static/observer/}, served at
 * {@code /observer/}. The page is told where this service's API is as the client reaches it (the
 * prefix of {@code X-Forwarded-Prefix}: {@code /api/} behind the gateway, also when the page itself
 * is opened at the gateway's short address {@code /observer/}); its requests ({@code standards},
 * {@code feeds/sse}) are relative to that.
 */
@Configuration
class ObserverPage {

    @Bean
    RouterFunction<ServerResponse> observerRoutes() {
        String index = read(new ClassPathResource("static/observer/index.html"));
        // Relative redirects keep any prefix the request came through.
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.temporaryRedirect(URI.create("observer/")).build())
                .GET("/observer", request -> ServerResponse.temporaryRedirect(URI.create("observer/")).build())
                .GET("/observer/", request -> ServerResponse.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                        .bodyValue(withApiBase(index, request.requestPath().contextPath().value() + "/")))
                .build();
    }

    static String withApiBase(String page, String apiBase) {
        return page.replace("<meta name=\"accord-api\" content=\"../\">",
                "<meta name=\"accord-api\" content=\"" + HtmlUtils.htmlEscape(apiBase) + "\">");
    }

    private static String read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
