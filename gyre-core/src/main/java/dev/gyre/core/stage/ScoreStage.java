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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores each event with a {@link Model} and adds {@code prediction}, {@code probability},
 * {@code model} and {@code model_version}. Model inputs are read from the event's fields of the
 * same name (booleans as 0 or 1); a missing input takes its declared default, and without one, or
 * when not finite, dead-letters the event with reason {@code model-input}; a failure inside the
 * model dead-letters it with {@code model-error}.
 *
 * <p>Micro-batching: given a batch ({@link #processBatch}), the stage fills one flat direct buffer
 * with the rows of every event and makes one {@link Model#predictBatch} call per model the events
 * are routed to (one, or two during a canary). Each event keeps its place in the batch, so outputs
 * leave in input order and per-key order holds. If a batch call fails, its events are scored one by
 * one, so only an event the model cannot score is dead-lettered.
 */
public final class ScoreStage extends JsonStage {
  /** The fields this stage adds, in order. */
  public static final List<String> OUTPUT_FIELDS = List.of("prediction", "probability", "model", "model_version");

  private final ModelRouter router;
  private final String[] inputs;
  private final float[] row;
  /** Per input, the value for an event that lacks it, or null to dead-letter such an event. */
  private final Float[] defaults;
  private FloatBuffer batch;

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
    this(codec, schema, keyField, router, Map.of());
  }

  /**
   * @param missing for inputs an event may lack (absent or null), the value to score in its place
   */
  public ScoreStage(EventCodec codec, EventSchema schema, String keyField, ModelRouter router,
      Map<String, Double> missing) {
    super(codec, schema, keyField);
    this.router = router;
    this.inputs = router.routing().champion().inputs().toArray(String[]::new);
    this.row = new float[inputs.length];
    this.defaults = new Float[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      Double value = missing.get(inputs[i]);
      defaults[i] = value == null ? null : value.floatValue();
    }
  }

  @Override
  void enrich(ObjectNode event, String key) {
    score(event, router.modelFor(key));
  }

  private void score(ObjectNode event, Model model) {
    for (int i = 0; i < inputs.length; i++) {
      row[i] = feature(event, i);
    }
    Prediction prediction;
    try {
      prediction = model.predict(row);
    } catch (ModelException e) {
      throw new Rejection(Rejection.MODEL_ERROR, "model '" + model.name() + "' failed: " + e.getMessage());
    }
    write(event, model, prediction);
  }

  @Override
  void enrichAll(List<Slot> slots) {
    if (slots.size() == 1) {
      super.enrichAll(slots);
      return;
    }
    Map<Model, List<Slot>> byModel = new IdentityHashMap<>(2);
    for (Slot slot : slots) {
      byModel.computeIfAbsent(router.modelFor(slot.key), m -> new ArrayList<>(slots.size())).add(slot);
    }
    byModel.forEach(this::scoreBatch);
  }

  private void scoreBatch(Model model, List<Slot> group) {
    int width = inputs.length;
    if (batch == null || batch.capacity() < group.size() * width) {
      batch = ByteBuffer.allocateDirect(Float.BYTES * Math.max(64, group.size()) * width)
          .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
    List<Slot> scored = new ArrayList<>(group.size());
    for (Slot slot : group) {
      try {
        int offset = scored.size() * width;
        for (int i = 0; i < width; i++) {
          batch.put(offset + i, feature(slot.event, i));
        }
        scored.add(slot);
      } catch (Rejection rejection) {
        slot.rejection = rejection;
      }
    }
    if (scored.isEmpty()) {
      return;
    }
    Prediction[] predictions = null;
    try {
      predictions = model.predictBatch(batch, scored.size());
    } catch (ModelException e) {
      if (e.retriable()) {
        // The model is unavailable (a remote server down, its circuit open), not refusing a row:
        // scoring row by row would only repeat the failure, once per event.
        Rejection rejection = new Rejection(Rejection.MODEL_ERROR, "model '" + model.name() + "' failed: "
            + e.getMessage());
        scored.forEach(slot -> slot.rejection = rejection);
        return;
      }
      // otherwise one row may be at fault: score row by row below
    }
    for (int k = 0; k < scored.size(); k++) {
      Slot slot = scored.get(k);
      try {
        if (predictions == null) {
          score(slot.event, model);
        } else {
          write(slot.event, model, predictions[k]);
        }
      } catch (Rejection rejection) {
        slot.rejection = rejection;
      }
    }
  }

  private static void write(ObjectNode event, Model model, Prediction prediction) {
    if (!Double.isFinite(prediction.probability())) {
      throw new Rejection(Rejection.MODEL_ERROR, "model '" + model.name() + "' returned the probability "
          + prediction.probability() + " for label '" + prediction.label() + "'");
    }
    event.put(OUTPUT_FIELDS.get(0), prediction.label());
    event.put(OUTPUT_FIELDS.get(1), prediction.probability());
    event.put(OUTPUT_FIELDS.get(2), model.name());
    // A fallback prediction (a remote model's default score) says so in place of the version.
    event.put(OUTPUT_FIELDS.get(3), prediction.version() != null ? prediction.version() : model.version());
  }

  private float feature(ObjectNode event, int input) {
    String name = inputs[input];
    JsonNode value = event.get(name);
    if (value == null || value.isNull()) {
      if (defaults[input] != null) {
        return defaults[input];
      }
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
