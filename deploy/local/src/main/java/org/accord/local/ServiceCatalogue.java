package org.accord.local;

import java.util.List;

/**
 * The Spring Boot applications of Accord on their fixed ports, in start order. Identity and the
 * gateway are optional: the stack runs without them when their jar has not been built.
 */
public final class ServiceCatalogue {

    /**
     * @param jar      the Boot fat jar, relative to the checkout
     * @param optional true when the stack may run without it
     * @param paths    what a user reaches there
     */
    public record ServiceSpec(String name, int port, String jar, boolean optional, String paths) {

        public String url() {
            return "http://localhost:" + port;
        }
    }

    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("identity", 9000, "platform/identity/target/accord-identity.jar", true,
                    "OAuth2 tokens (/oauth2/token, /.well-known/openid-configuration)"),
            new ServiceSpec("proposals", 8081, "services/proposals/proposals-service/target/proposals-service.jar", false,
                    "/proposals, /committees, /member-bodies"),
            new ServiceSpec("comments", 8082, "services/comments/comments-service/target/comments-service.jar", false,
                    "/comment-periods, /comments"),
            new ServiceSpec("voting", 8083, "services/voting/voting-service/target/voting-service.jar", false,
                    "/ballots"),
            new ServiceSpec("publication", 8084, "services/publication/publication-service/target/publication-service.jar", false,
                    "/standards, /feeds, /observer"),
            new ServiceSpec("gateway", 8080, "platform/gateway/target/accord-gateway.jar", true,
                    "/api/** to every service, feeds and observer page"));

    private ServiceCatalogue() {
    }

    public static ServiceSpec spec(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service '" + name + "' (known: " + names() + ")"));
    }

    public static List<String> names() {
        return SERVICES.stream().map(ServiceSpec::name).toList();
    }
}
