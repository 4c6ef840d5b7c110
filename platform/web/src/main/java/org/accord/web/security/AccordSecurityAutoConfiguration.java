package org.accord.web.security;

import java.time.Duration;
import java.time.Instant;

import org.accord.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every Accord service is an OAuth2 resource server: JWTs from the identity service (or any
 * OIDC provider, by {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) are verified
 * on every request. Deny by default: only operations endpoints, API documents and the paths a
 * service lists in {@code accord.security.public-get-paths} may be read without a token; what a
 * valid token's roles allow is decided per action through {@link org.accord.actor.Actor}.
 * Refusals are problem+json like every other error.
 */
@AutoConfiguration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(AccordSecurityProperties.class)
public class AccordSecurityAutoConfiguration {

    /** How far the clocks of the token issuer and a service may disagree (Spring Security's default). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final String[] ALWAYS_PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain accordSecurityFilterChain(ServerHttpSecurity http, AccordSecurityProperties properties) {
        ServerAuthenticationEntryPoint entryPoint = problemEntryPoint();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(ALWAYS_PUBLIC).permitAll();
                    String[] publicPaths = properties.getPublicGetPaths().toArray(String[]::new);
                    if (publicPaths.length > 0) {
                        exchanges.pathMatchers(HttpMethod.GET, publicPaths).permitAll();
                        exchanges.pathMatchers(HttpMethod.HEAD, publicPaths).permitAll();
                    }
                    exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { })
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(problemAccessDenied()))
                .build();
    }

    /**
     * Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder's default validators
     * (signature, issuer, {@code exp}/{@code nbf} if present). A token must also say when it ends:
     * one without {@code exp} would be valid for ever; and it must not claim to be issued later
     * than now, which only a wrong clock or a forged token does. Both allow {@link #CLOCK_SKEW}.
     */
    @Bean
    OAuth2TokenValidator<Jwt> accordTokenLifetime() {
        JwtTimestampValidator expiry = new JwtTimestampValidator(CLOCK_SKEW);
        expiry.setAllowEmptyExpiryClaim(false);
        JwtClaimValidator<Instant> issuedAt = new JwtClaimValidator<>(JwtClaimNames.IAT,
                (Instant iat) -> iat == null || !iat.isAfter(Instant.now().plus(CLOCK_SKEW)));
        return new DelegatingOAuth2TokenValidator<>(expiry, issuedAt);
    }

    /** Requests the firewall refuses (encoded slashes, {@code ..}, control characters) are problems too. */
    @Bean
    @ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
    ServerExchangeRejectedHandler accordRejectedRequests() {
        return (exchange, ex) -> ProblemWriter.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
                "The request was rejected: " + ex.getMessage());
    }

    @Bean
    WebFluxConfigurer accordActorArgument() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new ActorResolver());
            }
        };
    }

    private static ServerAuthenticationEntryPoint problemEntryPoint() {
        return (exchange, ex) -> {
            // RFC 6750: say why a presented token was refused; a missing token just gets the challenge.
            String challenge = ex instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\", error_description=\"" + ProblemWriter.escape(ex.getMessage()).replace("\\\"", "'") + "\""
                    : "Bearer";
            exchange.getResponse().getHeaders().set("WWW-Authenticate", challenge);
            return ProblemWriter.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "A valid bearer token is needed for this: " + ex.getMessage());
        };
    }

    private static ServerAccessDeniedHandler problemAccessDenied() {
        return (exchange, ex) -> ProblemWriter.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }
}
