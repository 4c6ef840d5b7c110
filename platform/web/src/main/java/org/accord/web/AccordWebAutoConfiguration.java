package org.accord.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every Accord web service gets: problem+json errors, the one request body limit, the request
 * line and header limits, W3C trace context carried into its events, and the OpenAPI description of
 * its API.
 */
@AutoConfiguration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
@Import(ProblemResponses.class)
public class AccordWebAutoConfiguration {

    static {
        // The Actor comes from the verified token, not from the request: keep it out of the API documents.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(org.accord.actor.Actor.class);
    }

    /**
     * A number or a boolean where the API expects a string (or an ISO-8601 instant) is a wrong type
     * (400 naming the field), not a value to be made of it: a request is read exactly as its
     * OpenAPI document says.
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer accordStrictJsonTypes() {
        return builder -> builder.addModule(new tools.jackson.databind.module.SimpleModule("accord-strict-instants")
                        .addDeserializer(java.time.Instant.class, new StrictInstantDeserializer())
                        .addDeserializer(String.class, new StrictTextDeserializer()))
                .withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, textual -> textual
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean, tools.jackson.databind.cfg.CoercionAction.Fail));
    }

    /**
     * Reactor Netty 1.3.6, the version Boot 4.0.7 manages, can stop reading a keep-alive
     * connection when a request arrives before the previous one's handling has fully terminated:
     * that request is never answered (reactor/reactor-netty#4361, fixed in 1.3.8, which needs a
     * newer Netty than Boot manages). Seen here about once in 3,000 requests. Until the managed
     * version has the fix, every service closes the connection after each response; set
     * {@code accord.web.keep-alive=true} to turn keep-alive back on.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "accord.web.keep-alive",
            havingValue = "false", matchIfMissing = true)
    org.springframework.boot.reactor.netty.NettyServerCustomizer accordConnectionPerRequest() {
        return server -> server.maxKeepAliveRequests(1);
    }

    @Bean
    RequestBodyLimit accordRequestBodyLimit(@Value("${accord.max-request-size}") String maxRequestSize) {
        return new RequestBodyLimit(org.springframework.util.unit.DataSize.parse(maxRequestSize));
    }

    /** 414 and 431 problem+json for a request line or header fields past their limits (accord.max-request-line, -headers). */
    @Bean
    org.accord.http.RequestHeadLimit accordRequestHeadLimit() {
        return new org.accord.http.RequestHeadLimit();
    }

    @Bean
    TraceContextFilter accordTraceContextFilter() {
        return new TraceContextFilter();
    }

    /** Tags, summaries, security and problem responses of every operation, the same in every service. */
    @Bean
    AccordApiDocument accordApiDocument(org.springframework.core.env.Environment environment,
                                        @Value("${accord.api.token-url:http://localhost:8080/oauth2/token}") String tokenUrl) {
        org.springframework.boot.context.properties.bind.Binder binder = org.springframework.boot.context.properties.bind.Binder.get(environment);
        var paths = org.springframework.boot.context.properties.bind.Bindable.listOf(String.class);
        return new AccordApiDocument(tokenUrl, binder.bind("accord.security.public-get-paths", paths).orElse(java.util.List.of()),
                binder.bind("accord.api.token-optional-get-paths", paths).orElse(java.util.List.of()));
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI accordOpenApi(@Value("${spring.application.name}") String service,
                          @Value("${accord.api.description:Part of Accord, which runs the life of an international standard.}") String description) {
        return new OpenAPI().info(new Info()
                .title("Accord " + service + " API")
                .version("v1")
                .description(description)
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
    }
}
