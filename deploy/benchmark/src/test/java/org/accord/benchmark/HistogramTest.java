package org.accord.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void shouldReadJcmdClassHistogramRows() {
        String output = """
                19663:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        108230        7075792  [B (java.base@17.0.15)
                   2:        104727        2513448  java.lang.String (java.base@17.0.15)
                Total        212957        9589240
                """;

        assertThat(Histogram.parse(output)).containsOnly(Map.entry("[B", 7075792L), Map.entry("java.lang.String", 2513448L));
    }

    @Test
    void shouldListWhatGrewMostPerSubscriber() {
        Map<String, Long> before = Map.of("[B", 1_000L, "java.lang.String", 500L, "x.Shrunk", 900L);
        Map<String, Long> after = Map.of("[B", 21_000L, "java.lang.String", 4_500L, "x.Shrunk", 100L, "x.New", 2_000L);

        assertThat(Histogram.growth(before, after, 10, 2)).isEqualTo("`byte[]` 2,000 B, `java.lang.String` 400 B");
    }
}
