package org.accord.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context's resource server at the JVM's test token issuer, and nothing else. */
public class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("accordTestTokens", Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri())));
    }
}
