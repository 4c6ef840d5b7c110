package org.accord.gateway.config;

import org.accord.gateway.api.GatewayProblems;
import org.accord.http.RequestHeadLimit;
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

    /** 414 and 431 problem+json for a request line or header fields past their limits, as every service answers them. */
    @Bean
    RequestHeadLimit requestHeadLimit() {
        return new RequestHeadLimit();
    }

    @Bean
    GatewayProblems gatewayProblems(JsonMapper json) {
        return new GatewayProblems(json);
    }
}
