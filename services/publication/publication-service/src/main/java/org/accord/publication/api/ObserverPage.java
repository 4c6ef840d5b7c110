package org.accord.publication.api;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The observer page: static HTML and JavaScript under {@code static/observer/}, served at
 * {@code /observer/}. Its requests are relative ({@code ../standards}, {@code ../feeds/sse}), so it
 * works wherever the page, the standards and the feeds share a prefix (here, or behind the gateway).
 */
@Configuration
class ObserverPage {

    @Bean
    RouterFunction<ServerResponse> observerRoutes() {
        Resource index = new ClassPathResource("static/observer/index.html");
        // Relative redirects keep any prefix the request came through.
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.temporaryRedirect(URI.create("observer/")).build())
                .GET("/observer", request -> ServerResponse.temporaryRedirect(URI.create("observer/")).build())
                .GET("/observer/", request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
                .build();
    }
}
