package org.accord.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void shouldTakeTheNearestRankSoEveryPercentileIsAMeasuredValue() {
        Distribution d = Distribution.of(7, 1, 10, 3, 2, 9, 4, 8, 6, 5);

        assertThat(d.percentile(50)).isEqualTo(5);
        assertThat(d.percentile(90)).isEqualTo(9);
        assertThat(d.percentile(91)).isEqualTo(10);
        assertThat(d.percentile(99)).isEqualTo(10);
        assertThat(d.percentile(10)).isEqualTo(1);
        assertThat(d.min()).isEqualTo(1);
        assertThat(d.max()).isEqualTo(10);
        assertThat(d.mean()).isEqualTo(5.5);
    }

    @Test
    void shouldMakeP99TheMaximumOfFortySamples() {
        List<Double> samples = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            samples.add((double) i);
        }
        Distribution d = Distribution.of(samples);

        assertThat(d.percentile(99)).isEqualTo(40);
        assertThat(d.percentile(95)).isEqualTo(38);
        assertThat(d.percentile(50)).isEqualTo(20);
    }

    @Test
    void shouldReportNanosecondsAsMilliseconds() {
        Distribution d = Distribution.ofNanos(List.of(1_500_000L, 2_500_000L));

        assertThat(d.percentile(50)).isEqualTo(1.5);
        assertThat(d.max()).isEqualTo(2.5);
    }

    @Test
    void shouldNameStatisticsInTheOrderAsked() {
        Distribution d = Distribution.of(1, 2, 3, 4);

        assertThat(d.stats(50, 99.9, 100)).containsExactly(
                java.util.Map.entry("p50", 2.0), java.util.Map.entry("p99.9", 4.0), java.util.Map.entry("p100", 4.0));
    }

    @Test
    void shouldAnswerNaNWithoutSamplesAndRefuseImpossiblePercentiles() {
        assertThat(Distribution.of().percentile(50)).isNaN();
        assertThat(Distribution.of().isEmpty()).isTrue();
        assertThatThrownBy(() -> Distribution.of(1).percentile(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distribution.of(1).percentile(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
