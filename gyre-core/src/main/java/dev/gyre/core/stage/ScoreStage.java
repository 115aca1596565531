package dev.gyre.core.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gyre.api.Model;
import dev.gyre.api.ModelException;
import dev.gyre.api.Prediction;
import dev.gyre.core.event.EventCodec;
import dev.gyre.core.event.EventSchema;
import dev.gyre.core.event.Rejection;
import dev.gyre.core.serving.ModelRouter;
import java.util.List;

/**
 * Scores each event with a {@link Model} and adds {@code prediction}, {@code probability},
 * {@code model} and {@code model_version}. Model inputs are read from the event's fields of the
 * same name (booleans as 0 or 1); a missing or non-finite input dead-letters the event with reason
 * {@code model-input}, a failure inside the model with {@code model-error}.
 */
public final class ScoreStage extends JsonStage {
  /** The fields this stage adds, in order. */
  public static final List<String> OUTPUT_FIELDS = List.of("prediction", "probability", "model", "model_version");

  private final ModelRouter router;
  private final String[] inputs;
  private final float[] row;

  /** @param model shared by all instances of the stage; must be thread-safe */
  public ScoreStage(EventCodec codec, EventSchema schema, String keyField, Model model) {
    this(codec, schema, keyField, new ModelRouter(model));
  }

  /**
   * A score stage whose model can change while it runs: each event is scored by the model the
   * router names for its key at that moment. Every model the router serves must take the same
   * inputs as the champion it started with.
   */
  public ScoreStage(EventCodec codec, EventSchema schema, String keyField, ModelRouter router) {
    super(codec, schema, keyField);
    this.router = router;
    this.inputs = router.routing().champion().inputs().toArray(String[]::new);
    this.row = new float[inputs.length];
  }

  @Override
  void enrich(ObjectNode event, String key) {
    Model model = router.modelFor(key);
    for (int i = 0; i < inputs.length; i++) {
      row[i] = feature(event, inputs[i]);
    }
    Prediction prediction;
    try {
      prediction = model.predict(row);
    } catch (ModelException e) {
      throw new Rejection(Rejection.MODEL_ERROR, "model '" + model.name() + "' failed: " + e.getMessage());
    }
    if (!Double.isFinite(prediction.probability())) {
      throw new Rejection(Rejection.MODEL_ERROR, "model '" + model.name() + "' returned the probability "
          + prediction.probability() + " for label '" + prediction.label() + "'");
    }
    event.put(OUTPUT_FIELDS.get(0), prediction.label());
    event.put(OUTPUT_FIELDS.get(1), prediction.probability());
    event.put(OUTPUT_FIELDS.get(2), model.name());
    event.put(OUTPUT_FIELDS.get(3), model.version());
  }

  private static float feature(ObjectNode event, String name) {
    JsonNode value = event.get(name);
    if (value == null || value.isNull()) {
      throw new Rejection(Rejection.MODEL_INPUT, "the model input '" + name + "' is missing");
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? 1f : 0f;
    }
    if (!value.isNumber()) {
      throw new Rejection(Rejection.MODEL_INPUT, "the model input '" + name + "' should be a number but is " + value);
    }
    float f = value.floatValue();
    if (!Float.isFinite(f)) {
      throw new Rejection(Rejection.MODEL_INPUT, "the model input '" + name + "' is " + value.doubleValue()
          + ", which is not a finite 32-bit float");
    }
    return f;
  }
}
