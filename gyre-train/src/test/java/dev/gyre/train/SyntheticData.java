package dev.gyre.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Labelled rows with a known rule, features named out of alphabetical order. */
final class SyntheticData {
  /** Not alphabetical: Tribuo alone would order them alpha, beta, mid, zeta. */
  static final List<String> FEATURES = List.of("zeta", "alpha", "mid", "beta");

  /** Kept so the level holds: Tribuo logs every training run at INFO. */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private SyntheticData() {}

  /** "yes" when 2*zeta - alpha + noise &gt; 0.8 (about 30% of rows), else "no"; mid and beta are noise. */
  static TrainingSet binary(int rows, long seed) {
    Random random = new Random(seed);
    List<float[]> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      float[] row = gaussians(random);
      values.add(row);
      labels.add(2 * row[0] - row[1] + 0.3 * random.nextGaussian() > 0.8 ? "yes" : "no");
    }
    return new TrainingSet(FEATURES, values, labels);
  }

  /** "low", "mid" or "high" by thresholds on zeta alone. */
  static TrainingSet threeClasses(int rows, long seed) {
    Random random = new Random(seed);
    List<float[]> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      float[] row = gaussians(random);
      values.add(row);
      labels.add(row[0] < -0.5 ? "low" : row[0] > 0.5 ? "high" : "mid");
    }
    return new TrainingSet(FEATURES, values, labels);
  }

  private static float[] gaussians(Random random) {
    float[] row = new float[FEATURES.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) random.nextGaussian();
    }
    return row;
  }
}
