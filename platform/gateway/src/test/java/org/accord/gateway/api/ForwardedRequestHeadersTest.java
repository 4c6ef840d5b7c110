package org.accord.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;

import org.accord.gateway.config.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ForwardedRequestHeadersTest {

    private final ForwardedRequestHeaders filter = new ForwardedRequestHeaders(
            new GatewayProperties(null, "10\\.\\d+\\.\\d+\\.\\d+"));

    @Test
    void shouldDropTheForwardedHeadersOfAnUntrustedClientAndSayTheGatewaysOwnAddress() {
        MockServerWebExchange exchange = exchange("203.0.113.7", "http://accord.example.org:8080/api/standards/ACC-42");

        HttpHeaders sent = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.getFirst("X-Forwarded-Host")).isEqualTo("accord.example.org:8080");
        assertThat(sent.getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(sent.getFirst("X-Forwarded-Port")).isEqualTo("8080");
        assertThat(sent.getFirst("X-Forwarded-Prefix")).isEqualTo("/api");
        assertThat(sent.getFirst("X-Forwarded-For")).isEqualTo("203.0.113.7");
        assertThat(sent.get("Forwarded")).isNull();
        assertThat(sent.getFirst("Accept")).isEqualTo("application/json");
    }

    @Test
    void shouldBelieveATrustedProxyAndKeepItsPortWhenItNamesOne() {
        MockServerWebExchange exchange = exchange("10.1.2.3", "http://gateway:8080/api/standards/ACC-42");

        HttpHeaders sent = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.getFirst("X-Forwarded-Host")).isEqualTo("evil.example");
        assertThat(sent.getFirst("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(sent.getFirst("X-Forwarded-Port")).isEqualTo("8443");
        assertThat(sent.getFirst("X-Forwarded-Prefix")).isEqualTo("/outer/api");
        assertThat(sent.getFirst("X-Forwarded-For")).isEqualTo("198.51.100.1, 10.1.2.3");
    }

    @Test
    void shouldNameTheGatewaysPublicBaseAsATrustedProxySaysItAndIgnoreAnUntrustedClient() {
        assertThat(filter.publicBase(exchange("10.1.2.3", "http://gateway:8080/api-docs/voting")))
                .isEqualTo("https://evil.example:8443/outer");
        assertThat(filter.publicPrefix(exchange("10.1.2.3", "http://gateway:8080/api-docs/voting"))).isEqualTo("/outer");

        assertThat(filter.publicBase(exchange("203.0.113.7", "http://accord.example.org:8080/api-docs/voting")))
                .isEqualTo("http://accord.example.org:8080");
        assertThat(filter.publicPrefix(exchange("203.0.113.7", "http://accord.example.org:8080/api-docs/voting"))).isEmpty();
    }

    @Test
    void shouldLeaveOutTheDefaultPortOfTheProxysSchemeAndKeepAPortInItsHost() {
        MockServerWebExchange https443 = MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway:8080/api-docs/voting")
                .remoteAddress(new InetSocketAddress("10.0.0.9", 51000))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "standards.example.org")
                .header("X-Forwarded-Port", "443").build());
        assertThat(filter.publicBase(https443)).isEqualTo("https://standards.example.org");

        MockServerWebExchange hostWithPort = MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway:8080/api-docs/voting")
                .remoteAddress(new InetSocketAddress("10.0.0.9", 51000))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "standards.example.org:9443")
                .header("X-Forwarded-Port", "9443").build());
        assertThat(filter.publicBase(hostWithPort)).isEqualTo("https://standards.example.org:9443");

        MockServerWebExchange protoOnly = MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway:8080/api-docs/voting")
                .remoteAddress(new InetSocketAddress("10.0.0.9", 51000))
                .header("X-Forwarded-Proto", "https").build());
        assertThat(filter.publicBase(protoOnly)).isEqualTo("https://gateway:8080");
    }

    private static MockServerWebExchange exchange(String remote, String uri) {
        MockServerHttpRequest request = MockServerHttpRequest.get(uri)
                .remoteAddress(new InetSocketAddress(remote, 51000))
                .header("Accept", "application/json")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Prefix", "/outer")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("Forwarded", "host=evil.example")
                .build();
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR,
                new LinkedHashSet<>(List.of(URI.create(uri))));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                URI.create("http://publication:8084" + URI.create(uri).getPath().substring(4)));
        return exchange;
    }
}
