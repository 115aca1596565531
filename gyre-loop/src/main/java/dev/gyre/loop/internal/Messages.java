package dev.gyre.loop.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gyre.learn.join.Feedback;
import dev.gyre.learn.join.PendingPrediction;
import dev.gyre.spec.FeedbackSpec;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads the loop's two inputs: a prediction event (the last stage's output) into a
 * {@link PendingPrediction}, an outcome into a {@link Feedback}. A message that cannot be read gives a
 * {@link Refusal} with a stable reason code, never an exception.
 */
final class Messages {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final FeedbackSpec spec;
  private final List<String> inputs;

  /** A message that cannot be used, with the reason code and a readable detail. */
  record Refusal(String reason, String detail) {}

  /** Either a value or a refusal. */
  record Read<T>(T value, Refusal refusal) {}

  /** @param inputs the score stage's model inputs, read from each prediction as its feature row */
  Messages(FeedbackSpec spec, List<String> inputs) {
    this.spec = spec;
    this.inputs = List.copyOf(inputs);
  }

  /**
   * A prediction. Its id is {@code predictionIdField}'s value, or {@code eventIdProperty} when the spec has
   * none. A missing or non-numeric input gives NaN in the row (evaluated, not learned from).
   */
  Read<PendingPrediction> prediction(byte[] payload, String eventIdProperty, Instant publishedAt) {
    JsonNode event = parse(payload);
    if (event == null) {
      return refused("malformed-json", "the prediction is not a JSON object");
    }
    String id = spec.predictionIdField() == null ? eventIdProperty : text(event.get(spec.predictionIdField()));
    if (id == null) {
      return refused("missing-field", spec.predictionIdField() == null ? "the prediction has no gyre.event-id"
          : "the prediction has no " + spec.predictionIdField());
    }
    String label = text(event.get("prediction"));
    JsonNode probability = event.get("probability");
    String model = text(event.get("model"));
    String version = text(event.get("model_version"));
    if (label == null || probability == null || !probability.isNumber() || model == null || version == null) {
      return refused("missing-field", "the prediction lacks prediction, probability, model or model_version");
    }
    float[] row = new float[inputs.size()];
    for (int i = 0; i < row.length; i++) {
      JsonNode v = event.get(inputs.get(i));
      row[i] = v != null && v.isNumber() ? v.floatValue() : Float.NaN;
    }
    return new Read<>(new PendingPrediction(id, model, version, row, label, probability.doubleValue(), publishedAt),
        null);
  }

  /** An outcome: {@code idField} and {@code labelField} of a JSON object, as text. */
  Read<Feedback> outcome(byte[] payload, Instant publishedAt) {
    JsonNode event = parse(payload);
    if (event == null) {
      return refused("malformed-json", "the outcome is not a JSON object");
    }
    String id = text(event.get(spec.idField()));
    String label = text(event.get(spec.labelField()));
    if (id == null || label == null) {
      return refused("missing-field", "the outcome needs " + spec.idField() + " and " + spec.labelField()
          + " as a string, number or boolean");
    }
    return new Read<>(new Feedback(id, label, publishedAt), null);
  }

  private static <T> Read<T> refused(String reason, String detail) {
    return new Read<>(null, new Refusal(reason, detail));
  }

  private static JsonNode parse(byte[] payload) {
    try {
      JsonNode node = MAPPER.readTree(payload);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A string, boolean or number as text; a whole number without a fraction, so 1 and 1.0 both read "1". */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    if (v.isNumber() && !v.isIntegralNumber() && v.doubleValue() == Math.rint(v.doubleValue())
        && Math.abs(v.doubleValue()) < 1e15) {
      return Long.toString((long) v.doubleValue());
    }
    return v.asText();
  }
}
