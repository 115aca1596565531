package dev.gyre.learn.synthetic;

import java.util.List;

/**
 * What a {@link Prequential} run measured.
 *
 * @param windowSize     examples per accuracy window (by the index of the predicted example)
 * @param windowAccuracy accuracy of each window's predictions, in order; only labelled predictions count
 * @param labels         labels that arrived (and were scored)
 * @param correct        of them, correctly predicted
 * @param unscored       labels of examples that arrived before any snapshot served: learned, not evaluated
 * @param alerts         for each drift alert, the index of the example whose label raised it
 * @param snapshots      snapshots taken to serve
 */
public record PrequentialReport(int windowSize, List<Double> windowAccuracy, long labels, long correct,
    long unscored, List<Long> alerts, long snapshots) {
  public PrequentialReport {
    windowAccuracy = List.copyOf(windowAccuracy);
    alerts = List.copyOf(alerts);
  }

  /** Accuracy over all labelled predictions. */
  public double accuracy() {
    return labels == 0 ? 0 : (double) correct / labels;
  }

  /** Mean accuracy of the windows covering examples {@code [from, to)} (both multiples of the window size). */
  public double accuracy(long from, long to) {
    int a = (int) (from / windowSize);
    int b = (int) Math.min(windowAccuracy.size(), to / windowSize);
    double sum = 0;
    for (int w = a; w < b; w++) {
      sum += windowAccuracy.get(w);
    }
    return b > a ? sum / (b - a) : 0;
  }

  /**
   * The first example index at or after {@code from} whose window, and the next one, both reach
   * {@code accuracy}; -1 if none. Two windows in a row, so one lucky window does not count as recovery.
   */
  public long recoveredAt(long from, double accuracy) {
    for (int w = (int) (from / windowSize); w + 1 < windowAccuracy.size(); w++) {
      if (windowAccuracy.get(w) >= accuracy && windowAccuracy.get(w + 1) >= accuracy) {
        return (long) w * windowSize;
      }
    }
    return -1;
  }

  /** The first alert at or after example {@code from}; -1 if none. */
  public long firstAlertAfter(long from) {
    return alerts.stream().filter(a -> a >= from).findFirst().orElse(-1L);
  }
}
