package org.accord.gateway.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

/**
 * The instances of each service as configured: {@code accord.gateway.targets.<service>} is one
 * base URI or a comma-separated list of them ({@code ACCORD_PROPOSALS_URI=http://localhost:8081,http://localhost:8181}).
 * Routes name a service as {@code lb://<service>}; Spring Cloud LoadBalancer picks one of its
 * instances round robin, leaving out those whose health check fails ({@link LoadBalancedTargets}).
 * On Kubernetes a target is the Service's one address and the cluster spreads the connections.
 */
final class ServiceInstances {

    /** The services a route may name, in the order the properties list them. */
    static final List<String> SERVICES = List.of("proposals", "comments", "voting", "publication", "identity");

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

    ServiceInstances(GatewayProperties.Targets targets) {
        put("proposals", targets.proposals());
        put("comments", targets.comments());
        put("voting", targets.voting());
        put("publication", targets.publication());
        put("identity", targets.identity());
    }

    private void put(String service, List<URI> uris) {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalStateException("accord.gateway.targets." + service + " names no instance");
        }
        instances.put(service, IntStream.range(0, uris.size())
                .<ServiceInstance>mapToObj(i -> instance(service, i + 1, uris.get(i)))
                .toList());
    }

    private static ServiceInstance instance(String service, int number, URI uri) {
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalStateException("accord.gateway.targets." + service + ": '" + uri
                    + "' is not an http(s) base URI");
        }
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(service + "-" + number, service, uri.getHost(), port, secure);
    }

    /** The instances of one service, as configured. */
    List<ServiceInstance> of(String service) {
        return instances.getOrDefault(service, List.of());
    }
}
