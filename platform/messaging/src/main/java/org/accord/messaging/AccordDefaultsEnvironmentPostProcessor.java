package org.accord.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's service defaults (accord-defaults.properties: broker and store addresses
 * from KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI, retries and dead letters, actuator exposure) with
 * the lowest precedence, so a service's application.yml or the environment can override any of them.
 */
public class AccordDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("accordDefaults", new ClassPathResource("accord-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
