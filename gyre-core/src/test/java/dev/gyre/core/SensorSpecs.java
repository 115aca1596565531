package dev.gyre.core;

import dev.gyre.spec.SpecDocument;
import dev.gyre.spec.SpecLoader;
import java.nio.file.Path;

/** The sensor pipeline of the examples, as spec text for tests, and the names of its topics. */
public final class SensorSpecs {
  public static final Path BASE = Path.of("/specs");
  public static final String SOURCE = "persistent://ml/raw/sensor-input";
  public static final String TRANSFORMED = "persistent://ml/features/sensor-transformed";
  public static final String TRANSFORMED_DLQ = TRANSFORMED + "-dlq";
  public static final String PREDICTIONS = "persistent://ml/predictions/sensor-warming";
  public static final String PREDICTIONS_DLQ = PREDICTIONS + "-dlq";

  /** Source and one features stage; {@code delta} is an optional number. The features follow on. */
  private static final String FEATURES_HEAD = """
      name: sensor
      key: deviceId
      source:
        topic: persistent://ml/raw/sensor-input
        schema:
          maxMessageBytes: 1024
          fields:
            deviceId: string
            temp: double
            ts: long
            delta: {type: double, required: false}
      stages:
        - name: transform
          type: features
          output: persistent://ml/features/sensor-transformed
          features:
      """;

  /** The seed pipeline: the two seed formulas, then a model scoring them. */
  public static final String SEED = """
      name: sensor
      key: deviceId
      source:
        topic: persistent://ml/raw/sensor-input
        schema:
          maxMessageBytes: 1024
          fields:
            deviceId: string
            temp: double
            ts: long
            site: {type: string, required: false}
      stages:
        - name: transform
          type: features
          output: persistent://ml/features/sensor-transformed
          features:
            - temp_scaled = (temp - 20) / 10
            - alert = temp_scaled > 1.5
        - name: score
          type: score
          output: persistent://ml/predictions/sensor-warming
          model:
            name: sensor-warming
            version: "3"
            path: model/sensor-warming.onnx
            inputs: [temp_scaled, alert]
      feedback:
        topic: persistent://ml/feedback/model-accuracy
      """;

  private SensorSpecs() {}

  /** A one-stage pipeline computing {@code features}, each written as {@code name = expression}. */
  public static String features(String... features) {
    StringBuilder yaml = new StringBuilder(FEATURES_HEAD);
    for (String feature : features) {
      yaml.append("      - ").append(feature).append('\n');
    }
    return yaml.toString();
  }

  public static SpecDocument parse(String yaml) {
    return SpecLoader.parse(yaml, BASE);
  }
}
