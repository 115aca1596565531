package dev.gyre.train.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic, stratified holdout: each label keeps its share of rows in both parts. Labels are
 * visited in sorted order and each label's rows shuffled with one {@link Random} seeded once, so
 * the same labels and seed always give the same split.
 *
 * @param training row indices to fit on, ascending
 * @param holdout  row indices to evaluate on, ascending
 */
public record StratifiedSplit(int[] training, int[] holdout) {

  /**
   * Holds out {@code round(fraction * n)} of each label's n rows, but never all of them: a label
   * with one row stays in training only.
   */
  public static StratifiedSplit of(List<String> labels, double fraction, long seed) {
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      byLabel.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    List<Integer> training = new ArrayList<>();
    List<Integer> holdout = new ArrayList<>();
    for (List<Integer> rows : byLabel.values()) {
      Collections.shuffle(rows, random);
      int held = (int) Math.min(Math.round(rows.size() * fraction), rows.size() - 1L);
      holdout.addAll(rows.subList(0, held));
      training.addAll(rows.subList(held, rows.size()));
    }
    return new StratifiedSplit(sorted(training), sorted(holdout));
  }

  private static int[] sorted(List<Integer> rows) {
    int[] array = rows.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(array);
    return array;
  }
}
