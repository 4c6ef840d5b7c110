package org.accord.gateway.config;

import org.accord.gateway.api.GatewayProblems;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = LoadBalancedTargets.class)
class GatewayConfiguration {

    /** Every instance of every service, for the routes' {@code lb://<service>} (see {@link ServiceInstances}). */
    @Bean
    ServiceInstances serviceInstances(GatewayProperties properties) {
        return new ServiceInstances(properties.targets());
    }

    @Bean
    GatewayProblems gatewayProblems(JsonMapper json) {
        return new GatewayProblems(json);
    }
}
