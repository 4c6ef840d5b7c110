package org.accord.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Gives controller methods an {@link Actor} parameter: the verified token's subject, its
 * {@code roles} claim and its {@code member_body} claim; {@link Actor#ANONYMOUS} without a token.
 */
public class ActorResolver implements HandlerMethodArgumentResolver {

    public static final String ROLES_CLAIM = "roles";
    public static final String MEMBER_BODY_CLAIM = "member_body";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        return current().cast(Object.class);
    }

    /** The actor of the current request, from the reactive security context. */
    public static Mono<Actor> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> toActor(((JwtAuthenticationToken) auth).getToken()))
                .defaultIfEmpty(Actor.ANONYMOUS);
    }

    public static Actor toActor(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> Role.fromClaim(String.valueOf(v)).ifPresent(roles::add));
        } else if (claim instanceof String value) {
            for (String v : value.split("[ ,]")) {
                Role.fromClaim(v).ifPresent(roles::add);
            }
        }
        String memberBody = jwt.getClaimAsString(MEMBER_BODY_CLAIM);
        return new Actor(jwt.getSubject(), roles, roles.contains(Role.NATIONAL_BODY) ? memberBody : null);
    }
}
