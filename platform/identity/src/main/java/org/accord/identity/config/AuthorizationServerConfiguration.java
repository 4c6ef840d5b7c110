package org.accord.identity.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.accord.identity.domain.ClientIdentity;
import org.accord.identity.domain.ClientRegister;
import org.accord.identity.persistence.MemberBodyRegister;
import org.accord.identity.persistence.SigningKeyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Spring Authorization Server set up for machine clients: client-credentials grant, RS256 JWT
 * access tokens carrying Accord's {@code roles} and {@code member_body} claims, discovery
 * documents (OIDC and RFC 8414) so a resource server needs nothing but the issuer URI.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String ROLES_CLAIM = "roles";
    static final String MEMBER_BODY_CLAIM = "member_body";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    // Client secrets are verified on every token request; cost 8 keeps that cheap on a small machine.
    private static final BCryptPasswordEncoder SECRET_HASHER = new BCryptPasswordEncoder(8);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The OIDC user-info endpoint is a resource server endpoint of the same issuer.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
                        .permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(new SigningKeyFile(properties.keyFile()).loadOrCreate()));
    }

    @Bean
    ClientRegister clientRegister(IdentityProperties properties) {
        return ClientRegister.withMemberBodies(MemberBodyRegister.codes(properties.memberBodies()));
    }

    static final String WHAT_TO_SET = "Give each client its own secret with ACCORD_CLIENT_SECRETS_FILE (a properties file "
            + "of <client-id>=<secret> lines) or " + ClientSecrets.VARIABLE_PREFIX + "<CLIENT_ID> variables; only on a local "
            + "stack, set ACCORD_DEVELOPMENT_SECRETS=true (accord.identity.development-secrets) to use the published ones.";

    @Bean
    RegisteredClientRepository registeredClients(ClientRegister register, IdentityProperties properties, Environment environment) {
        ClientSecrets secrets = new ClientSecrets(environment, properties.secretsFilePath(), properties.developmentSecrets());
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.tokenTimeToLive())
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        List<String> withoutSecret = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (ClientIdentity identity : register.all()) {
            var secret = secrets.of(identity.clientId());
            if (secret.isEmpty()) {
                withoutSecret.add(identity.clientId());
                continue;
            }
            if (secret.get().developmentDefault()) {
                published.add(identity.clientId());
            }
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(identity.clientId().getBytes(StandardCharsets.UTF_8)).toString())
                    .clientId(identity.clientId())
                    .clientSecret("{bcrypt}" + SECRET_HASHER.encode(secret.get().value()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build());
        }
        if (!published.isEmpty() && !properties.developmentSecrets()) {
            throw new IllegalStateException("Refusing to start: " + published + " would accept the published development "
                    + "secret <client-id>-secret. " + WHAT_TO_SET);
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("Refusing to start: no client has a secret. " + WHAT_TO_SET);
        }
        log.info("Registered {} clients for issuer {}", clients.size(), properties.issuer());
        if (!withoutSecret.isEmpty()) {
            log.warn("Not registered, no secret configured: {}", withoutSecret);
        }
        if (!published.isEmpty()) {
            log.warn("{} clients use the published development secret <client-id>-secret; fine for a local stack, "
                    + "never for a shared one. Example: curl -u nb-ke:nb-ke-secret -d grant_type=client_credentials "
                    + "{}/oauth2/token", published.size(), properties.issuer());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** Puts who the client is (roles, member body) into its access tokens; sub is the client id. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accordClaims(ClientRegister register) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            register.find(context.getRegisteredClient().getClientId()).ifPresent(identity -> {
                context.getClaims().claim(ROLES_CLAIM, identity.roles());
                if (identity.memberBody() != null) {
                    context.getClaims().claim(MEMBER_BODY_CLAIM, identity.memberBody());
                }
            });
        };
    }
}
