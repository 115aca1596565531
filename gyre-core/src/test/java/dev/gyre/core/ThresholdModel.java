package dev.gyre.core;

import dev.gyre.api.Model;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in for a real model: predicts {@code warming} (probability 0.9) when the
 * first input exceeds a threshold, else {@code normal} (0.2). Throws {@link ModelException} when the
 * first input exceeds {@code failAbove}. Remembers the rows it was given and whether it was closed.
 */
public final class ThresholdModel implements Model {
  private final String name;
  private final String version;
  private final List<String> inputs;
  private final double threshold;
  private final double failAbove;
  private final List<float[]> rows = new ArrayList<>();
  private boolean closed;

  public ThresholdModel(String name, String version, List<String> inputs, double threshold, double failAbove) {
    this.name = name;
    this.version = version;
    this.inputs = List.copyOf(inputs);
    this.threshold = threshold;
    this.failAbove = failAbove;
  }

  public ThresholdModel(String name, String version, List<String> inputs, double threshold) {
    this(name, version, inputs, threshold, Double.POSITIVE_INFINITY);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<String> inputs() {
    return inputs;
  }

  @Override
  public Prediction predict(float[] features) {
    rows.add(features.clone());
    if (features[0] > failAbove) {
      throw new ModelException("input " + features[0] + " is outside the range the model was trained on");
    }
    return features[0] > threshold ? new Prediction("warming", 0.9) : new Prediction("normal", 0.2);
  }

  /** Every row {@link #predict} was called with, in order. */
  public List<float[]> rows() {
    return rows;
  }

  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
