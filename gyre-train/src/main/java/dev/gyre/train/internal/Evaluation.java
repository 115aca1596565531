package dev.gyre.train.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Holdout figures, computed here rather than by Tribuo so their definitions are explicit. */
public final class Evaluation {
  private Evaluation() {}

  /** Share of positions where {@code predicted} equals {@code actual}; NaN when empty. */
  public static double accuracy(int[] predicted, int[] actual) {
    int right = 0;
    for (int i = 0; i < actual.length; i++) {
      right += predicted[i] == actual[i] ? 1 : 0;
    }
    return actual.length == 0 ? Double.NaN : (double) right / actual.length;
  }

  /**
   * Area under the ROC curve by ranks (the Mann-Whitney U statistic over positives times
   * negatives), tied scores sharing their average rank. NaN unless both classes are present.
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double positiveRankSum = 0;
    long positives = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double averageRank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        if (positive[order[k]]) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
