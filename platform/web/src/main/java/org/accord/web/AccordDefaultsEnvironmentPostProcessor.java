package org.accord.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The "service defaults" of every Accord service: each platform module ships a
 * {@code META-INF/accord-defaults/NN-name.properties} (web: errors, codecs, actuator; messaging:
 * broker, store, retries and dead letters), added here with the lowest precedence, in name order,
 * so a service's application.yml or the environment can override any of them.
 */
public class AccordDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(application.getClassLoader())
                    .getResources("classpath*:META-INF/accord-defaults/*.properties");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                environment.getPropertySources().addLast(
                        new ResourcePropertySource("accordDefaults:" + resource.getFilename(), resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
