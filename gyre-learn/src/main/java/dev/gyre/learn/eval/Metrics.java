package dev.gyre.learn.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evaluation metrics as plain functions over arrays of equal length. A metric that is undefined
 * on its input (no examples, a zero denominator, one class only) is {@code null}, never NaN.
 * Stateless and thread-safe.
 */
public final class Metrics {
  /** Probabilities are clipped to {@code [EPSILON, 1 - EPSILON]} for log loss. */
  public static final double EPSILON = 1e-15;

  private Metrics() {}

  /** Share of {@code predicted[i].equals(actual[i])}. */
  public static Double accuracy(String[] predicted, String[] actual) {
    if (actual.length == 0) {
      return null;
    }
    int correct = 0;
    for (int i = 0; i < actual.length; i++) {
      correct += predicted[i].equals(actual[i]) ? 1 : 0;
    }
    return (double) correct / actual.length;
  }

  /** {@code {tp, fp, fn, tn}} of class {@code positive}. */
  public static long[] confusion(String[] predicted, String[] actual, String positive) {
    long[] c = new long[4];
    for (int i = 0; i < actual.length; i++) {
      boolean p = predicted[i].equals(positive);
      boolean a = actual[i].equals(positive);
      c[p ? (a ? 0 : 1) : (a ? 2 : 3)]++;
    }
    return c;
  }

  /** TP / (TP + FP). */
  public static Double precision(long[] confusion) {
    return ratio(confusion[0], confusion[0] + confusion[1]);
  }

  /** TP / (TP + FN). */
  public static Double recall(long[] confusion) {
    return ratio(confusion[0], confusion[0] + confusion[2]);
  }

  /** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall. */
  public static Double f1(long[] confusion) {
    return ratio(2 * confusion[0], 2 * confusion[0] + confusion[1] + confusion[2]);
  }

  /** Mean F1 over every class that is predicted or actual somewhere in the input. */
  public static Double macroF1(String[] predicted, String[] actual) {
    Set<String> classes = new TreeSet<>(Arrays.asList(actual));
    classes.addAll(Arrays.asList(predicted));
    if (classes.isEmpty()) {
      return null;
    }
    double sum = 0;
    for (String c : classes) {
      Double f = f1(confusion(predicted, actual, c));
      sum += f == null ? 0 : f;
    }
    return sum / classes.size();
  }

  /**
   * Exact ROC AUC: the probability that a random positive scores above a random negative, ties counting
   * one half (the Mann-Whitney U statistic with mid-ranks), in O(n log n).
   */
  public static Double rocAuc(double[] score, boolean[] positive) {
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double positiveRankSum = 0;
    long positives = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          positiveRankSum += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return null;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Mean of {@code -(y ln p + (1 - y) ln(1 - p))}, p clipped to {@code [EPSILON, 1 - EPSILON]}. */
  public static Double logLoss(double[] probability, boolean[] positive) {
    if (probability.length == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < probability.length; i++) {
      double p = Math.min(1 - EPSILON, Math.max(EPSILON, probability[i]));
      sum -= positive[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / probability.length;
  }

  /** Mean of {@code (p - y)^2}. */
  public static Double brier(double[] probability, boolean[] positive) {
    if (probability.length == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < probability.length; i++) {
      double d = probability[i] - (positive[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / probability.length;
  }

  /** {@code bins} equal-width bins over [0, 1]; a probability of exactly 1 falls in the last. */
  public static List<ReliabilityBin> reliability(double[] probability, boolean[] positive, int bins) {
    long[] count = new long[bins];
    double[] sumP = new double[bins];
    long[] pos = new long[bins];
    for (int i = 0; i < probability.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(probability[i] * bins)));
      count[b]++;
      sumP[b] += probability[i];
      pos[b] += positive[i] ? 1 : 0;
    }
    List<ReliabilityBin> out = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
          count[b] == 0 ? null : sumP[b] / count[b], ratio(pos[b], count[b])));
    }
    return out;
  }

  /** Mean of {@code |predicted - actual|}. */
  public static Double mae(double[] predicted, double[] actual) {
    if (actual.length == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / actual.length;
  }

  /** Square root of the mean of {@code (predicted - actual)^2}. */
  public static Double rmse(double[] predicted, double[] actual) {
    if (actual.length == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = predicted[i] - actual[i];
      sum += d * d;
    }
    return Math.sqrt(sum / actual.length);
  }

  private static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
