package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Accord service promises operations, checked the same way in each: it comes up against
 * the real broker and the Mongo-wire store healthy (with liveness and readiness groups), measurable
 * in Prometheus format (every {@code accord_*} metric described, as {@code promtool check metrics}
 * wants it; the dead-letter counter there from the start), and documented by OpenAPI. A service's {@code OperationsIT} extends this
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
    void shouldExposePrometheusMetricsAndTheOpenApiDocument() throws java.io.IOException {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes").contains("application=\"" + service() + "\""));
        byte[] document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Accord " + service() + " API")
                .returnResult().getResponseBody();
        // Kept for a look, or for an OpenAPI validator by hand (deploy/system-tests checks the gateway's copies).
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", service() + "-api-docs.json"), document);
    }

    @Test
    void shouldDescribeEveryAccordMetricSoThatPromtoolHasNothingToSay() throws Exception {
        String body = http.get().uri("/actuator/prometheus").header("Accept", "text/plain;version=0.0.4").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> accord = new ArrayList<>();
        Set<String> families = new LinkedHashSet<>();
        Set<String> described = new LinkedHashSet<>();
        for (String line : body.split("\n")) {
            String name = line.startsWith("# ") ? line.split(" ")[2] : line.split("[{ ]")[0];
            if (name.startsWith("accord_")) {
                accord.add(line);
                if (line.startsWith("# HELP ") && line.split(" ", 4).length == 4 && !line.split(" ", 4)[3].isBlank()) {
                    described.add(name);
                } else if (line.startsWith("# TYPE ")) {
                    families.add(name);
                }
            }
        }
        assertThat(accord).as("the dead-letter counter, at 0 before any dead letter")
                .anyMatch(line -> line.startsWith("accord_events_dead_lettered_total{") && line.endsWith(" 0.0"));
        assertThat(described).as("accord_* metrics with a help text").containsAll(families);

        Path promtool = onPath("promtool");
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus; .ci/run installs it)");
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write((String.join("\n", accord) + "\n").getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).as("promtool check metrics on the accord_* metrics").isBlank();
        assertThat(check.exitValue()).isZero();
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
