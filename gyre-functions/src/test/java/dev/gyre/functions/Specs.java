package dev.gyre.functions;

import dev.gyre.train.LogisticRegressionTrainer;
import dev.gyre.train.TrainingSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small sensor pipeline for unit tests, and a model it can score with. */
final class Specs {
  static final String SOURCE = "persistent://ml/raw/sensor-input";
  static final String FEATURES = "persistent://ml/features/sensor-transformed";
  static final String FEATURES_DLQ = FEATURES + "-dlq";
  static final String PREDICTIONS = "persistent://ml/predictions/sensor-warming";

  private Specs() {}

  /** Source, a features stage, and a score stage whose model is {@code model/warming.onnx}. */
  static String sensor(String onError) {
    return """
        name: sensor
        key: deviceId
        source:
          topic: persistent://ml/raw/sensor-input
          schema:
            fields: {deviceId: string, temp: double, ts: long}
        stages:
          - name: transform
            type: features
            output: persistent://ml/features/sensor-transformed
            onError: %s
            features:
              - temp_scaled = (temp - 20) / 10
              - alert = temp_scaled > 1.5
          - name: score
            type: score
            output: persistent://ml/predictions/sensor-warming
            model: {name: warming, version: "3", path: model/warming.onnx, inputs: [temp_scaled]}
        """.formatted(onError);
  }

  /** Trains {@code <dir>/model/warming.onnx}: warm readings are "warming". */
  static void trainModel(Path dir) {
    List<float[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      float scaled = (i % 40) / 10f - 1f;
      rows.add(new float[] {scaled});
      labels.add(scaled > 1.5f ? "warming" : "steady");
    }
    new LogisticRegressionTrainer().train(new TrainingSet(List.of("temp_scaled"), rows, labels), "warming", "3",
        dir.resolve("model/warming.onnx"));
  }
}
