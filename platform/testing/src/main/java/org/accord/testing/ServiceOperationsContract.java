package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Accord service promises operations, checked the same way in each: it comes up against
 * the real broker and the Mongo-wire store healthy (with liveness and readiness groups), measurable
 * in Prometheus format, and documented by OpenAPI. A service's {@code OperationsIT} extends this
 * with its own test annotation and names itself.
 */
public abstract class ServiceOperationsContract {

    @Autowired
    protected WebTestClient http;

    /** The service's {@code spring.application.name}. */
    protected abstract String service();

    /** The first OpenAPI document and Prometheus scrape are rendered on demand: seconds on a busy machine. */
    @org.junit.jupiter.api.BeforeEach
    void patient() {
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @Test
    void shouldReportUpWithLivenessAndReadinessGroupsAgainstTheEmbeddedStore() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.store.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void shouldExposePrometheusMetricsAndTheOpenApiDocument() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes").contains("application=\"" + service() + "\""));
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Accord " + service() + " API");
    }
}
