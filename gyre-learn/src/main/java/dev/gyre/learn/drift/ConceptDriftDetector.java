package dev.gyre.learn.drift;

/**
 * A change detector over a stream of numbers, such as 1 for a wrong prediction and 0 for a right one.
 * Implementations are deterministic (no randomness, no clock) and not thread-safe.
 */
public interface ConceptDriftDetector {

  /**
   * Adds the next value.
   *
   * @return whether a change was detected at this value; the detector then forgets the old data
   */
  boolean add(double value);

  /** The statistic of the latest detection (or the latest check). */
  double statistic();

  /** The threshold the statistic was compared with at the latest detection (or check). */
  double threshold();

  /**
   * Whether the latest detection was a rise of the mean (for an error stream: the model got worse).
   * Tests that look for rises only always say true.
   */
  default boolean increased() {
    return true;
  }

  /** Which test this is. */
  DriftAlert.Kind kind();
}
