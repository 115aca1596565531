package dev.gyre.learn.online;

import dev.gyre.api.ModelException;

/** Checks of rows given to learners and models. */
final class Rows {
  private Rows() {}

  /** For learners: IllegalArgumentException if the row is not {@code width} finite values. */
  static void checkLearn(float[] x, int width) {
    String problem = problem(x, width);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** For models: ModelException if the row is not {@code width} finite values. */
  static void checkPredict(String model, float[] x, int width) {
    String problem = problem(x, width);
    if (problem != null) {
      throw new ModelException("model '" + model + "': " + problem);
    }
  }

  private static String problem(float[] x, int width) {
    if (x.length != width) {
      return "row has " + x.length + " values but the model takes " + width;
    }
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        return "value " + i + " was " + x[i] + " but it must be a finite number";
      }
    }
    return null;
  }
}
