package org.accord.gateway.config;

import org.accord.gateway.api.GatewayProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    GatewayProblems gatewayProblems(JsonMapper json) {
        return new GatewayProblems(json);
    }
}
