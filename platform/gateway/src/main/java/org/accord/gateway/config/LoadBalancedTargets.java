package org.accord.gateway.config;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The load balancer of one service (Spring Cloud LoadBalancer makes a child context of this per
 * service name): the configured instances of {@link ServiceInstances}, health-checked every 2 s
 * on {@code /actuator/health/readiness} ({@code spring.cloud.loadbalancer.health-check.*}), round
 * robin over those that answered. Not a {@code @Configuration}: it must not be picked up by the
 * gateway's own context.
 */
class LoadBalancedTargets {

    /** Asks each instance for its readiness; one client for all services' checks. */
    private static final WebClient HEALTH_CHECKS = WebClient.create();

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(Environment environment, ConfigurableApplicationContext context) {
        String service = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        ServiceInstance[] instances = context.getBean(ServiceInstances.class).of(service).toArray(ServiceInstance[]::new);
        return ServiceInstanceListSupplier.builder()
                .withBase(ServiceInstanceListSuppliers.from(service, instances))
                .withHealthChecks(HEALTH_CHECKS)
                .build(context);
    }
}
