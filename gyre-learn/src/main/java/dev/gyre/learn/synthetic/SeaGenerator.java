package dev.gyre.learn.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * SEA concepts (W. N. Street and Y. Kim, "A Streaming Ensemble Algorithm (SEA) for Large-Scale
 * Classification", KDD 2001): three features uniform on [0, 10], the label is {@code 1} when
 * {@code x1 + x2 <= θ}, and the third feature is irrelevant. The four concepts have θ = 8, 9, 7 and 9.5.
 * The stream switches abruptly from one concept to another at {@code driftAt}; a share {@code noise} of
 * the labels is flipped. The same seed gives the same stream.
 */
public final class SeaGenerator implements StreamGenerator {
  private static final double[] THETA = {8, 9, 7, 9.5};
  private final SplittableRandom random;
  private final double noise;
  private final double before;
  private final double after;
  private final long driftAt;
  private long index;

  /**
   * @param seed    the random seed
   * @param noise   share of flipped labels, in [0, 0.5)
   * @param before  the concept (1 to 4) before the drift
   * @param after   the concept (1 to 4) from {@code driftAt} on
   * @param driftAt the index of the first example of the new concept ({@code Long.MAX_VALUE}: never)
   */
  public SeaGenerator(long seed, double noise, int before, int after, long driftAt) {
    if (noise < 0 || noise >= 0.5 || before < 1 || before > 4 || after < 1 || after > 4) {
      throw new IllegalArgumentException("SEA needs 0 <= noise < 0.5 and concepts 1 to 4, was " + noise + ", "
          + before + ", " + after);
    }
    this.random = new SplittableRandom(seed);
    this.noise = noise;
    this.before = THETA[before - 1];
    this.after = THETA[after - 1];
    this.driftAt = driftAt;
  }

  @Override
  public List<String> inputs() {
    return List.of("x1", "x2", "x3");
  }

  @Override
  public List<String> labels() {
    return List.of("0", "1");
  }

  @Override
  public Example next() {
    float[] x = {(float) (10 * random.nextDouble()), (float) (10 * random.nextDouble()),
        (float) (10 * random.nextDouble())};
    double theta = index < driftAt ? before : after;
    boolean positive = x[0] + x[1] <= theta;
    if (random.nextDouble() < noise) {
      positive = !positive;
    }
    return new Example(index++, x, positive ? "1" : "0");
  }
}
