package dev.gyre.learn.drift;

/**
 * The Page-Hinkley test for an increase of the mean (E. S. Page, "Continuous inspection schemes",
 * Biometrika 41, 1954; in the form of Gama, Sebastião and Rodrigues, "On evaluating stream learning
 * algorithms", Machine Learning 90, 2013). With {@code x̄_t} the running mean,
 * {@code m_t = Σ (x_i - x̄_i - δ)} and {@code M_t = min m_t}; a change is detected when
 * {@code m_t - M_t > λ}, then the test starts afresh. {@code δ} is the magnitude of change tolerated,
 * {@code λ} trades detection delay for false alarms.
 */
public final class PageHinkley implements ConceptDriftDetector {
  private final double delta;
  private final double lambda;
  private final int minInstances;
  private long n;
  private double mean;
  private double cumulative;
  private double minimum;
  private double statistic;

  /**
   * @param delta        tolerated change of the mean, such as 0.005
   * @param lambda       detection threshold, such as 50
   * @param minInstances values seen before a change can be detected, such as 30
   */
  public PageHinkley(double delta, double lambda, int minInstances) {
    if (delta < 0 || lambda <= 0 || minInstances < 1) {
      throw new IllegalArgumentException("Page-Hinkley needs delta >= 0, lambda > 0, minInstances >= 1, was "
          + delta + ", " + lambda + ", " + minInstances);
    }
    this.delta = delta;
    this.lambda = lambda;
    this.minInstances = minInstances;
  }

  @Override
  public boolean add(double value) {
    n++;
    mean += (value - mean) / n;
    cumulative += value - mean - delta;
    minimum = Math.min(minimum, cumulative);
    statistic = cumulative - minimum;
    if (n >= minInstances && statistic > lambda) {
      n = 0;
      mean = 0;
      cumulative = 0;
      minimum = 0;
      return true;
    }
    return false;
  }

  @Override
  public double statistic() {
    return statistic;
  }

  @Override
  public double threshold() {
    return lambda;
  }

  @Override
  public DriftAlert.Kind kind() {
    return DriftAlert.Kind.PAGE_HINKLEY;
  }
}
