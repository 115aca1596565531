package dev.gyre.onnx.internal;

import dev.gyre.api.ModelDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The model metadata Gyre reads: {@value #INPUTS} and {@value #LABELS}, each a comma-separated list
 * (names themselves cannot contain commas). Both are optional, and both are written by Gyre's trainer.
 */
public final class GyreMetadata {
  /** Feature names in input column order. */
  public static final String INPUTS = "gyre.inputs";
  /** Class labels in output column order. */
  public static final String LABELS = "gyre.labels";

  private GyreMetadata() {}

  /** The comma-separated list stored under {@code key}, trimmed; empty if absent or blank. */
  public static List<String> list(Map<String, String> metadata, String key) {
    String text = metadata.get(key);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",", -1)).map(String::trim).toList();
  }

  /** If the model names its inputs, they must be the descriptor's inputs, in the same order. */
  public static void checkInputs(ModelDescriptor d, Map<String, String> metadata) {
    if (!metadata.containsKey(INPUTS)) {
      return;
    }
    List<String> modelInputs = list(metadata, INPUTS);
    if (!modelInputs.equals(d.inputs())) {
      throw Failures.atLoad(d, "the model was trained on inputs " + modelInputs
          + " (metadata " + INPUTS + ") but the spec gives " + d.inputs(),
          "List the model's inputs in the spec in exactly that order, or retrain the model on the spec's inputs.");
    }
  }
}
