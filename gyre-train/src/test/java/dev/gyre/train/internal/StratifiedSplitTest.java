package dev.gyre.train.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

  private static List<String> labels(int a, int b, int c) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < Math.max(a, Math.max(b, c)); i++) {
      if (i < a) labels.add("a");
      if (i < b) labels.add("b");
      if (i < c) labels.add("c");
    }
    return labels;
  }

  @Test
  void shouldHoldOutTheFractionOfEachLabel() {
    List<String> labels = labels(100, 30, 1);
    StratifiedSplit split = StratifiedSplit.of(labels, 0.2, 42);
    assertThat(Arrays.stream(split.holdout()).mapToObj(labels::get))
        .filteredOn("a"::equals).hasSize(20);
    assertThat(Arrays.stream(split.holdout()).mapToObj(labels::get))
        .filteredOn("b"::equals).hasSize(6);
    assertThat(Arrays.stream(split.holdout()).mapToObj(labels::get)).doesNotContain("c");
    int[] all = IntStream.concat(Arrays.stream(split.training()), Arrays.stream(split.holdout())).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, labels.size()).toArray());
  }

  @Test
  void shouldBeDeterministicForASeed() {
    List<String> labels = labels(50, 50, 50);
    assertThat(StratifiedSplit.of(labels, 0.2, 1).holdout()).isEqualTo(StratifiedSplit.of(labels, 0.2, 1).holdout());
    assertThat(StratifiedSplit.of(labels, 0.2, 1).holdout()).isNotEqualTo(StratifiedSplit.of(labels, 0.2, 2).holdout());
  }
}
