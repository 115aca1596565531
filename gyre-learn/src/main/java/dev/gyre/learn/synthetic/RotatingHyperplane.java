package dev.gyre.learn.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rotating hyperplane (G. Hulten, L. Spencer and P. Domingos, "Mining Time-Changing Data Streams",
 * KDD 2001): features uniform on [0, 1]^d, label {@code 1} when {@code Σ w_i x_i >= ½ Σ w_i}. After each
 * example every weight moves by {@code magnitude} in its direction, and each direction reverses with
 * probability {@code reversal}: gradual drift. A share {@code noise} of the labels is flipped.
 */
public final class RotatingHyperplane implements StreamGenerator {
  private final SplittableRandom random;
  private final double[] weights;
  private final double[] direction;
  private final double magnitude;
  private final double reversal;
  private final double noise;
  private final List<String> inputs = new ArrayList<>();
  private long index;

  /**
   * @param seed      the random seed
   * @param dims      features, at least 2
   * @param magnitude how far each weight moves per example, such as 0.001 (0: no drift)
   * @param reversal  probability a weight's direction reverses per example, such as 0.1
   * @param noise     share of flipped labels, in [0, 0.5)
   */
  public RotatingHyperplane(long seed, int dims, double magnitude, double reversal, double noise) {
    if (dims < 2 || magnitude < 0 || reversal < 0 || reversal > 1 || noise < 0 || noise >= 0.5) {
      throw new IllegalArgumentException("hyperplane needs dims >= 2, magnitude >= 0, 0 <= reversal <= 1, "
          + "0 <= noise < 0.5, was " + dims + ", " + magnitude + ", " + reversal + ", " + noise);
    }
    this.random = new SplittableRandom(seed);
    this.weights = new double[dims];
    this.direction = new double[dims];
    for (int i = 0; i < dims; i++) {
      weights[i] = random.nextDouble();
      direction[i] = random.nextBoolean() ? 1 : -1;
      inputs.add("x" + (i + 1));
    }
    this.magnitude = magnitude;
    this.reversal = reversal;
    this.noise = noise;
  }

  @Override
  public List<String> inputs() {
    return List.copyOf(inputs);
  }

  @Override
  public List<String> labels() {
    return List.of("0", "1");
  }

  @Override
  public Example next() {
    float[] x = new float[weights.length];
    double sum = 0;
    double threshold = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
      sum += weights[i] * x[i];
      threshold += weights[i] / 2;
    }
    boolean positive = sum >= threshold;
    if (random.nextDouble() < noise) {
      positive = !positive;
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] += direction[i] * magnitude;
      if (random.nextDouble() < reversal) {
        direction[i] = -direction[i];
      }
    }
    return new Example(index++, x, positive ? "1" : "0");
  }
}
