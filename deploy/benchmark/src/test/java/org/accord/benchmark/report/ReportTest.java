package org.accord.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

    private static final String FLAGS = "Java 17.0.15 -Xmx256m -XX:+UseSerialGC";

    private static Report report() {
        RunContext context = new RunContext(Instant.parse("2026-11-30T11:00:00Z"), 2, "AMD EPYC", 24_105, "Linux 6.18 amd64",
                "http://localhost:8080", "a running stack at http://localhost:8080",
                Map.of("comments", FLAGS, "publication", FLAGS, "kafka", "Java 17.0.15 -Xmx512m"), Map.of("publication", 20_000L), false);
        Report report = new Report(context);
        report.duration(Duration.ofMinutes(9));
        report.add(Measurement.of("2a", "Propagation | vote -> stage", Reading.stats(Map.of("p50", 12.34), "ms"))
                .target("p99 < 50 ms per hop", false).notes("one hop").build());
        report.add(Measurement.of("1a", "Comment ingestion", Reading.of(3210.4, "comments/s"))
                .limit("raw", Reading.named("records/s", "Kafka producer", 35_000.0, "store bulk insert", 5_100.0))
                .ratio(3210.4 / 5100.0, "of the slower raw rate, the store")
                .target("≥ 0.5 of the slower raw rate", true).build());
        report.add(new SectionCpu("1a Accord batch API via gateway", 10, 1.9,
                new java.util.LinkedHashMap<>(Map.of("comments", 0.9))));
        return report;
    }

    @Test
    void shouldWriteTheTableInTheIssuesOrderWithRatiosAndVerdicts() {
        String table = report().table();
        List<String> lines = table.lines().toList();

        assertThat(lines.get(0)).isEqualTo("| # | Measurement | Accord | Raw limit, same run | Ratio | Target | Met |");
        assertThat(lines.get(2)).isEqualTo("| 1a | Comment ingestion | 3,210 comments/s | raw: Kafka producer 35,000 · store bulk insert "
                + "5,100 records/s | 0.63 (of the slower raw rate, the store) | ≥ 0.5 of the slower raw rate | yes |");
        assertThat(lines.get(3)).startsWith("| 2a | Propagation \\| vote -> stage | p50 12.3 ms | — | — | p99 < 50 ms per hop | **no** |");
    }

    @Test
    void shouldStateTheConditionsAboveTheTable() {
        String markdown = report().markdown();

        assertThat(markdown).contains("Measured 2026-11-30 11:00 UTC on 2 cores (AMD EPYC, 24,105 MB)")
                .contains("services run with `" + FLAGS + "`")
                .contains("Whole run 9 min")
                .contains("| 1a Accord batch API via gateway | 10.0 | 1.90 of 2 | 0.90 |");
    }

    @Test
    void shouldGiveEveryFigureOfTheJsonItsDateCoresAndFlags() {
        JsonNode json = JsonMapper.builder().build().readTree(report().json());
        JsonNode first = json.path("measurements").get(0);

        assertThat(json.path("conditions").path("cores").asInt()).isEqualTo(2);
        assertThat(first.path("id").asString()).isEqualTo("1a");
        assertThat(first.path("cores").asInt()).isEqualTo(2);
        assertThat(first.path("date").asString()).isEqualTo("2026-11-30T11:00:00Z");
        assertThat(first.path("serviceJvmFlags").asString()).contains(FLAGS);
        assertThat(first.path("ratio").asDouble()).isEqualTo(0.629);
        assertThat(first.path("met").asBoolean()).isTrue();
        assertThat(first.path("limit").path("store bulk insert").asDouble()).isEqualTo(5100.0);
        assertThat(json.path("measurements").get(1).path("met").asBoolean()).isFalse();
    }

    @Test
    void shouldWriteAsManyDigitsAsTheNoiseAllows() {
        assertThat(Numbers.format(12_345.6)).isEqualTo("12,346");
        assertThat(Numbers.format(123.4)).isEqualTo("123");
        assertThat(Numbers.format(12.34)).isEqualTo("12.3");
        assertThat(Numbers.format(1.234)).isEqualTo("1.23");
        assertThat(Numbers.format(0.01234)).isEqualTo("0.012");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("n/a");
        assertThat(Reading.named("KB", "heap after GC", 32.4, "RSS", 18.0).format()).isEqualTo("heap after GC 32.4 · RSS 18.0 KB");
    }
}
