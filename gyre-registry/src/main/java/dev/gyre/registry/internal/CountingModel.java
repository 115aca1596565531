package dev.gyre.registry.internal;

import dev.gyre.api.Model;
import dev.gyre.api.Prediction;
import io.micrometer.core.instrument.Counter;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A model that counts its predictions, so that champion and canary traffic show per version in
 * the metrics. Closing it closes the model it wraps only if it owns it.
 */
public final class CountingModel implements Model {
  private final Model model;
  private final Counter predictions;
  private final boolean owned;

  public CountingModel(Model model, Counter predictions, boolean owned) {
    this.model = model;
    this.predictions = predictions;
    this.owned = owned;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public String version() {
    return model.version();
  }

  @Override
  public List<String> inputs() {
    return model.inputs();
  }

  @Override
  public Prediction predict(float[] features) {
    Prediction prediction = model.predict(features);
    predictions.increment();
    return prediction;
  }

  @Override
  public Prediction[] predictBatch(FloatBuffer rows, int rowCount) {
    Prediction[] batch = model.predictBatch(rows, rowCount);
    predictions.increment(rowCount);
    return batch;
  }

  @Override
  public void close() {
    if (owned) {
      model.close();
    }
  }
}
