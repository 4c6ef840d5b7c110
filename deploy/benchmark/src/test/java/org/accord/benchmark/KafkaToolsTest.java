package org.accord.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaToolsTest {

    @Test
    void shouldReadTheFinalSummaryOfProducerPerformanceNotAnIntervalLine() {
        String output = """
                131071 records sent, 26208.0 records/sec (25.59 MB/sec), 900.1 ms avg latency, 1400.0 ms max latency.
                50000 records sent, 37201.4 records/sec (36.33 MB/sec), 612.45 ms avg latency, 1480.00 ms max latency, 590 ms 50th, 1210 ms 95th, 1390 ms 99th, 1470 ms 99.9th.
                """;

        KafkaTools.ProducerRun run = KafkaTools.parseProducer(output, 50_000, 1024);

        assertThat(run.recordsPerSecond()).isEqualTo(37201.4);
        assertThat(run.mbPerSecond()).isEqualTo(36.33);
        assertThat(run.p50()).isEqualTo(590);
        assertThat(run.p99()).isEqualTo(1390);
        assertThat(run.p999()).isEqualTo(1470);
        assertThat(run.summary()).startsWith("50000 records sent");
    }

    @Test
    void shouldReadEndToEndLatencyPercentiles() {
        String output = """
                0\t153.23216699999998
                Avg latency: 7.7922 ms
                Percentiles: 50th = 4, 99th = 70, 99.9th = 177
                """;

        KafkaTools.EndToEndRun run = KafkaTools.parseEndToEnd(output, 5000, 1024);

        assertThat(run.avgMs()).isEqualTo(7.7922);
        assertThat(run.p50()).isEqualTo(4);
        assertThat(run.p99()).isEqualTo(70);
        assertThat(run.p999()).isEqualTo(177);
    }

    @Test
    void shouldSayWhatATruncatedToolOutputLacked() {
        assertThatThrownBy(() -> KafkaTools.parseEndToEnd("Exception in thread main", 5000, 1024))
                .hasMessageContaining("EndToEndLatency printed no percentiles");
        assertThatThrownBy(() -> KafkaTools.parseProducer("", 5000, 1024))
                .hasMessageContaining("ProducerPerformance printed no summary");
    }
}
